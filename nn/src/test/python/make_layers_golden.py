"""Writes nn/src/test/resources/golden/layers_golden.txt: reference values for Weft's layers.

For each case: the module's state dict (as loaded by the Java test, so PyTorch's key names are checked
too), the input, an upstream gradient g, the output, and the gradients of sum(out * g) w.r.t. the input
and every parameter; batch norm also its running stats after the step. All F64.
Run from the repository root:  /usr/bin/python3 nn/src/test/python/make_layers_golden.py
Line format:  <case>.<kind>.<name> <shape as d0,d1,... or "-" for a scalar> <values, row-major>
"""
import os
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
out_path = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "layers_golden.txt")
lines = []


def put(key, t):
    t = t.detach().to(torch.float64).contiguous()
    shape = ",".join(str(s) for s in t.shape) if t.dim() > 0 else "-"
    vals = " ".join(repr(float(v)) for v in t.reshape(-1).tolist())
    lines.append(f"{key} {shape} {vals}")


def randomize(module):
    # non-trivial affine parameters, so weight/bias mistakes show
    with torch.no_grad():
        for name, p in module.named_parameters():
            if name in ("weight", "bias") and isinstance(module, (nn.BatchNorm2d, nn.LayerNorm, nn.GroupNorm)):
                p.copy_(torch.randn_like(p) * 0.5 + (1.0 if name == "weight" else 0.0))


def case(name, module, x, train=True, extra_input=None):
    randomize(module)
    module.train(train)
    module.zero_grad(set_to_none=True)  # bn2d_eval reuses bn2d_train's module
    for k, v in module.state_dict().items():
        put(f"{name}.state.{k}", v)
    x = x.clone().requires_grad_(x.is_floating_point())
    put(f"{name}.input.x", x)
    y = module(x)
    g = torch.randn_like(y)
    put(f"{name}.input.g", g)
    put(f"{name}.output.y", y)
    (y * g).sum().backward()
    if x.is_floating_point():
        put(f"{name}.grad.input", x.grad)
    for k, p in module.named_parameters():
        put(f"{name}.grad.{k}", p.grad)
    for k, b in module.named_buffers():
        put(f"{name}.after.{k}", b)


case("linear", nn.Linear(5, 4), torch.randn(3, 5))
case("linear3d", nn.Linear(5, 4), torch.randn(2, 3, 5))
case("conv2d", nn.Conv2d(3, 4, (3, 2), stride=(2, 1), padding=(1, 1), dilation=(1, 2)), torch.randn(2, 3, 7, 6))
case("conv2d_groups", nn.Conv2d(4, 6, 3, padding=1, groups=2, bias=False), torch.randn(2, 4, 5, 5))
case("conv2d_reflect", nn.Conv2d(2, 3, 3, padding=1, padding_mode="reflect"), torch.randn(1, 2, 5, 4))
case("conv1d_circular", nn.Conv1d(2, 3, 3, padding=2, padding_mode="circular"), torch.randn(2, 2, 6))
case("conv1d", nn.Conv1d(2, 4, 3, stride=2, padding=1, dilation=2), torch.randn(2, 2, 9))
case("convt2d", nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1, groups=2), torch.randn(2, 4, 3, 4))
case("convt2d_dil", nn.ConvTranspose2d(2, 3, (2, 3), stride=(1, 2), padding=(0, 1), dilation=(2, 1)), torch.randn(1, 2, 3, 3))

bn = nn.BatchNorm2d(3)
case("bn2d_train", bn, torch.randn(4, 3, 3, 3) * 2 + 1)
# eval right after that one training step: uses the updated running stats
case("bn2d_eval", bn, torch.randn(2, 3, 3, 3), train=False)
case("bn1d_train", nn.BatchNorm1d(3), torch.randn(5, 3) * 3 - 1)

case("layernorm", nn.LayerNorm([3, 4]), torch.randn(2, 5, 3, 4))
case("groupnorm", nn.GroupNorm(2, 6), torch.randn(3, 6, 4))

emb = nn.Embedding(7, 3, padding_idx=2)
case("embedding", emb, torch.tensor([[2, 0, 5, 2], [6, 5, 1, 2]]))

case("maxpool2d", nn.MaxPool2d(3, stride=2, padding=1), torch.randn(2, 3, 7, 8))
case("avgpool2d", nn.AvgPool2d((3, 2), stride=(2, 1), padding=(1, 0), ceil_mode=True, count_include_pad=False),
     torch.randn(2, 3, 6, 5))
case("maxpool1d", nn.MaxPool1d(3, stride=2), torch.randn(2, 3, 9))
case("avgpool1d", nn.AvgPool1d(4, stride=2, padding=1), torch.randn(2, 3, 9))
case("adaptiveavgpool2d", nn.AdaptiveAvgPool2d((3, 4)), torch.randn(2, 3, 7, 9))
case("gelu_tanh", nn.GELU(approximate="tanh"), torch.randn(5, 6) * 2)
case("gelu", nn.GELU(), torch.randn(5, 6) * 2)

with open(out_path, "w") as f:
    f.write(f"# made by nn/src/test/python/make_layers_golden.py with torch {torch.__version__}; F64; do not edit\n")
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines)} tensors to {out_path}")
