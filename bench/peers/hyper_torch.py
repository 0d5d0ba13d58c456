#!/usr/bin/python3
"""Peer numbers for `weft bench hyper`: PyTorch 1.13 CPU eager training steps of per-sample generated weights.
A hypernetwork (hypnettorch's HMLP shape: trunk Linear(8, 32) + ReLU, one Linear(32, numel) head per target tensor)
maps each sample's code c_i ~ U[0, 1)^8 to its own weights theta_i of the target MLP 784-64-10 (Linear + ReLU +
Linear, 50,890 parameters per sample); sample i runs the target with theta_i. Inputs N(0, 1), labels uniform in
0..9, batch 128, cross-entropy, Adam (lr 1e-3) over the hypernetwork's parameters; one step = zero_grad + generate +
per-sample forward + loss + backward + optimizer step. Two impls of the per-sample forward, same model:
  torch_vmap  vmap(functional_call(target, theta_i, x_i)) (torch.func in PyTorch 2; functorch.vmap with
              torch.nn.utils.stateless.functional_call in 1.13); skipped with a message when neither imports
  torch_bmm   the same MLP written as explicit torch.bmm: h = relu(bmm(x, W0^T) + b0), y = bmm(h, W1^T) + b1
Same JSON fields as the Java suite, impl "torch_vmap" / "torch_bmm".
Timing (train_common.py): warm-up (3 s), then --rounds rounds of --steps steps; the median round is reported.
Run: env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/hyper_torch.py
     [--threads 1,2] [--batch 128] [--steps 20] [--rounds 7] [--warmup 3] [--impl torch_vmap,torch_bmm]
     [--first-steps (one impl)] [--json]
"""
import sys

sys.dont_write_bytecode = True  # keep bench/peers free of __pycache__
import train_common  # noqa: E402

SIZES, CODE, HIDDEN = [784, 64, 10], 8, 32
IMPLS = ("torch_vmap", "torch_bmm")


def vmap_and_functional_call():
    """(vmap, functional_call), or None when this PyTorch has neither torch.func nor functorch."""
    try:
        from torch.func import functional_call, vmap
        return vmap, functional_call
    except ImportError:
        pass
    try:
        from functorch import vmap
        from torch.nn.utils.stateless import functional_call
        return vmap, functional_call
    except ImportError:
        return None


def build_for(impl):
    def build(torch, batch):
        nn = torch.nn
        target = nn.Sequential(nn.Linear(SIZES[0], SIZES[1]), nn.ReLU(), nn.Linear(SIZES[1], SIZES[2]))
        names = [n for n, _ in target.named_parameters()]             # 0.weight, 0.bias, 2.weight, 2.bias
        shapes = [p.shape for _, p in target.named_parameters()]
        numels = [p.numel() for _, p in target.named_parameters()]

        class HMLP(nn.Module):
            """c (B, C) -> theta (B, N): trunk, then one head per target tensor (Weft's HMLP names)."""
            def __init__(self):
                super().__init__()
                self.trunk = nn.Sequential(nn.Linear(CODE, HIDDEN), nn.ReLU())
                self.heads = nn.ModuleList([nn.Linear(HIDDEN, n) for n in numels])

            def forward(self, c):
                z = self.trunk(c)
                return {name: head(z).view(c.size(0), *shape) for name, head, shape in zip(names, self.heads, shapes)}

        hyper = HMLP()
        opt = torch.optim.Adam(hyper.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        codes = torch.rand(batch, CODE)
        x = torch.randn(batch, SIZES[0])
        y = torch.randint(0, SIZES[-1], (batch,))

        if impl == "torch_vmap":
            vmap, functional_call = vmap_and_functional_call()

            def one(theta, xi):                                          # one sample: (C_in,) -> (C_out,)
                return functional_call(target, theta, (xi.unsqueeze(0),)).squeeze(0)
            per_sample = vmap(one)
        else:
            def per_sample(theta, xb):                                   # (B, C_in) -> (B, C_out), two bmm
                h = torch.bmm(xb.unsqueeze(1), theta["0.weight"].transpose(1, 2)).squeeze(1) + theta["0.bias"]
                h = torch.relu(h)
                return torch.bmm(h.unsqueeze(1), theta["2.weight"].transpose(1, 2)).squeeze(1) + theta["2.bias"]

        def step():
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(per_sample(hyper(codes), x), y)
            loss.backward()
            opt.step()
            return loss
        return step
    return build


def add_options(p):
    p.add_argument("--impl", default=",".join(IMPLS), help="comma-separated: torch_vmap, torch_bmm (default both)")


def main():
    args = train_common.parse(__doc__, batch=128, steps=20, add_options=add_options)
    impls = [i for i in args.impl.split(",") if i]
    for i in impls:
        if i not in IMPLS:
            print(f"hyper_torch.py: --impl: unknown '{i}' (known: {', '.join(IMPLS)})", file=sys.stderr)
            return 2
    if args.first_steps and len(impls) != 1:
        print("hyper_torch.py: --first-steps times one fresh process: give one --impl", file=sys.stderr)
        return 2
    shape = {"features": ",".join(map(str, SIZES)), "code": CODE, "hidden": str(HIDDEN)}
    code = 0
    for impl in impls:
        if impl == "torch_vmap":
            try:
                import torch  # noqa: F401
            except ImportError:
                pass                                                     # train_common.run says so
            else:
                if vmap_and_functional_call() is None:
                    print("torch_vmap: skipped: neither torch.func nor functorch (vmap) with "
                          "torch.nn.utils.stateless.functional_call imports in this PyTorch", file=sys.stderr)
                    continue
        label = f"{impl} 784-64-10 per sample, HMLP code {CODE} hidden {HIDDEN} Adam"
        code = max(code, train_common.run(args, "hyper", "hyper_per_sample_adam", label, shape, build_for(impl), impl=impl))
    return code


if __name__ == "__main__":
    sys.exit(main())
