#!/usr/bin/python3
"""Golden ONNX models for dev.weft.nn.onnx tests: small seeded PyTorch 1.13 models exported with
torch.onnx.export (opsets 13 and 17; 11 for the pre-13 attribute forms), each written as NAME.onnx beside NAME.safetensors holding the
input(s) ("input", ...) and torch's output(s) ("output", ...) in F32, computed in eval mode.
Run from the repository root: /usr/bin/python3 nn/src/test/python/export_onnx_models.py
(writes nn/src/test/resources/onnx/, or the folder given with --out DIR). No onnx or safetensors package needed: safetensors is written here.
"""
import json
import os
import struct
import sys

import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "onnx")


def write_safetensors(path, tensors, metadata):
    """safetensors: u64 little-endian header length, JSON header, raw little-endian data."""
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        data = t.detach().contiguous().to(torch.float32).numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 32), nn.Tanh(),
                                 nn.Linear(32, 8), nn.Sigmoid())

    def forward(self, x):
        return torch.softmax(self.net(x) * 2.0 - 0.5, dim=-1)


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 5, padding=2)
        self.c3 = nn.Conv2d(6, 16, 5)
        self.f5 = nn.Linear(16 * 5 * 5, 120)
        self.f6 = nn.Linear(120, 84)
        self.f7 = nn.Linear(84, 10)

    def forward(self, x):
        x = nn.functional.max_pool2d(torch.relu(self.c1(x)), 2)
        x = nn.functional.avg_pool2d(torch.relu(self.c3(x)), 2)
        x = torch.flatten(x, 1)
        x = torch.relu(self.f5(x))
        x = torch.relu(self.f6(x))
        return nn.functional.log_softmax(self.f7(x), dim=1)


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return torch.relu(y + (x if self.down is None else self.down(x)))


class ResNet(nn.Module):
    """ResNet-18's shape (stem conv 7x7/2, max pool 3x3/2, stages of BasicBlocks, global pool, fc)."""

    def __init__(self, widths=(64, 128, 256, 512), blocks=(2, 2, 2, 2), classes=1000, pool_bn=False):
        super().__init__()
        # the exporter fuses a BatchNorm that follows a Conv into the Conv (eval mode); one after the max
        # pool stays a BatchNormalization node
        self.pool_bn = nn.BatchNorm2d(widths[0]) if pool_bn else None
        self.conv1 = nn.Conv2d(3, widths[0], 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(widths[0])
        self.pool = nn.MaxPool2d(3, 2, 1)
        layers, cin = [], widths[0]
        for i, (w, n) in enumerate(zip(widths, blocks)):
            for j in range(n):
                layers.append(BasicBlock(cin, w, 2 if (j == 0 and i > 0) else 1))
                cin = w
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        x = self.pool(torch.relu(self.bn1(self.conv1(x))))
        if self.pool_bn is not None:
            x = self.pool_bn(x)
        x = self.layers(x)
        x = nn.functional.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)


def randomize_bn(model, g):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.num_features, generator=g) * 0.1)
            m.running_var.copy_(torch.rand(m.num_features, generator=g) + 0.5)
            m.weight.data.copy_(torch.rand(m.num_features, generator=g) + 0.5)
            m.bias.data.copy_(torch.randn(m.num_features, generator=g) * 0.1)


class LstmModel(nn.Module):
    def __init__(self, layers, batch_first):
        super().__init__()
        self.batch_first = batch_first
        self.lstm = nn.LSTM(6, 12, num_layers=layers, batch_first=batch_first)
        self.head = nn.Linear(12, 3)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out)


class BiLstmWithState(nn.Module):
    """A bidirectional LSTM fed its initial states (a three-input graph); adds the final h (forward) and c (backward)."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(4, 5, num_layers=1, bidirectional=True)

    def forward(self, x, h0, c0):
        out, (h, c) = self.lstm(x, (h0, c0))
        return out + 0.5 * torch.cat([h[0], c[1]], dim=-1)


class SplitSoftmax(nn.Module):
    """Split (sizes an attribute before opset 13, an input from 13), stack, and a softmax over a middle axis
    (before opset 13 ONNX Softmax coerces to 2-d, so the exporter transposes around it)."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, 12)

    def forward(self, x):
        a, b, c = torch.split(self.fc(x), [3, 3, 6], dim=-1)
        return torch.softmax(torch.stack([a, b * (c[..., :3] + c[..., 3:])], dim=1), dim=1)


class Encoder(nn.Module):
    def __init__(self, layers, activation):
        super().__init__()
        layer = nn.TransformerEncoderLayer(16, 4, dim_feedforward=32, dropout=0.1, activation=activation,
                                           batch_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)

    def forward(self, x):
        return self.enc(x)


def export(name, model, inputs, opset, fold=True):
    model.eval()
    with torch.no_grad():
        out = model(*inputs)
    path = os.path.join(OUT, name + ".onnx")
    in_names = ["input"] if len(inputs) == 1 else ["input%d" % i for i in range(len(inputs))]
    torch.onnx.export(model, tuple(inputs), path, opset_version=opset, input_names=in_names,
                      output_names=["output"], do_constant_folding=fold)
    tensors = {n: t for n, t in zip(in_names, inputs)}
    tensors["output"] = out
    write_safetensors(os.path.join(OUT, name + ".safetensors"), tensors,
                      {"producer": "nn/src/test/python/export_onnx_models.py", "torch": torch.__version__,
                       "opset": str(opset), "model": name})
    print(name, os.path.getsize(path), "bytes")


def main():
    global OUT
    if len(sys.argv) == 3 and sys.argv[1] == "--out":
        OUT = sys.argv[2]
    elif len(sys.argv) != 1:
        print("usage: export_onnx_models.py [--out DIR]", file=sys.stderr)
        return 2
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(0)
    for opset in (13, 17):
        torch.manual_seed(1)
        export("mlp_op%d" % opset, Mlp(), [torch.randn(4, 16, generator=g)], opset)
    torch.manual_seed(2)
    export("lenet5_op13", LeNet5(), [torch.randn(2, 1, 28, 28, generator=g)], 13)
    torch.manual_seed(3)
    res = ResNet(widths=(8, 16, 32, 32), blocks=(1, 1, 1, 1), classes=10)
    randomize_bn(res, g)
    export("resnet_small_op13", res, [torch.randn(2, 3, 32, 32, generator=g)], 13)
    torch.manual_seed(8)
    res = ResNet(widths=(8, 16, 16, 16), blocks=(2, 1, 1, 1), classes=5, pool_bn=True)
    randomize_bn(res, g)
    export("resnet_pool_bn_op17", res, [torch.randn(1, 3, 24, 24, generator=g)], 17)
    torch.manual_seed(4)
    export("lstm1_op13", LstmModel(1, False), [torch.randn(5, 2, 6, generator=g)], 13)
    torch.manual_seed(5)
    export("lstm2_batch_first_op17", LstmModel(2, True), [torch.randn(2, 5, 6, generator=g)], 17)
    torch.manual_seed(9)
    export("lstm_bidir_state_op13", BiLstmWithState(), [torch.randn(3, 2, 4, generator=g), torch.randn(2, 2, 5, generator=g),
                                                        torch.randn(2, 2, 5, generator=g)], 13)
    for opset in (11, 13):
        torch.manual_seed(10)
        export("split_softmax_op%d" % opset, SplitSoftmax(), [torch.randn(2, 6, generator=g)], opset)
    torch.manual_seed(4)
    # opset 11: Squeeze / Unsqueeze take their axes as attributes
    export("lstm1_op11", LstmModel(1, False), [torch.randn(5, 2, 6, generator=g)], 11)
    torch.manual_seed(6)
    export("encoder1_relu_op13", Encoder(1, "relu"), [torch.randn(2, 7, 16, generator=g)], 13)
    torch.manual_seed(7)
    export("encoder2_gelu_op17", Encoder(2, "gelu"), [torch.randn(2, 7, 16, generator=g)], 17)
    return 0


if __name__ == "__main__":
    sys.exit(main())
