#!/usr/bin/python3
"""Peer numbers for `weft bench kan`: PyTorch 1.13 CPU eager forward + backward steps of KAN [784, 64, 10]
in efficient-kan's formulation (per layer: silu(x) @ W_base^T plus the B-spline basis expansion (B, in * (G + k))
@ (scaler * W_spline)^T, the bases by the Cox-de Boor recursion over the whole extended grid), grid 5, order 3,
F32, batch 128, on random data (inputs U(-1, 1), labels uniform), one step = zero grads + forward + cross-entropy +
backward (no optimizer step). Same JSON fields as the Java suite, impl "torch". With --path faithful, impl
"torch_pykan": pykan's formulation instead, every edge's activation formed as a (B, out, in) tensor
(postacts = scale_base * silu(x) + scale_sp * spline(x), summed over the inputs), as pykan's KANLayer.forward does;
Weft's `--path faithful` is the same formulation.
Timing (train_common.py): warm-up (3 s), then --rounds rounds of --steps steps; the median round is reported.
Run: env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/kan_torch.py
     [--threads 1,2] [--batch 128] [--steps 50] [--rounds 7] [--warmup 3] [--path fast|faithful] [--first-steps] [--json]
"""
import sys

sys.dont_write_bytecode = True  # keep bench/peers free of __pycache__
import train_common  # noqa: E402

SIZES, GRID, K = [784, 64, 10], 5, 3


def build(torch, batch, faithful=False):
    class Layer(torch.nn.Module):
        def __init__(self, n_in, n_out):
            super().__init__()
            h = 2.0 / GRID
            knots = torch.arange(-K, GRID + K + 1, dtype=torch.float32) * h - 1.0
            self.register_buffer("grid", knots.expand(n_in, -1).contiguous())       # (in, G + 2k + 1)
            self.base_weight = torch.nn.Parameter(torch.empty(n_out, n_in).uniform_(-1, 1) / n_in ** 0.5)
            self.spline_weight = torch.nn.Parameter(torch.randn(n_out, n_in, GRID + K) * 0.1 / GRID)
            self.spline_scaler = torch.nn.Parameter(torch.empty(n_out, n_in).uniform_(-1, 1) / n_in ** 0.5)

        def bases(self, x):                                                        # (B, in) -> (B, in, G + k)
            g = self.grid
            x = x.unsqueeze(-1)
            b = ((x >= g[:, :-1]) & (x < g[:, 1:])).to(x.dtype)
            for q in range(1, K + 1):
                b = (x - g[:, :-(q + 1)]) / (g[:, q:-1] - g[:, :-(q + 1)]) * b[:, :, :-1] \
                    + (g[:, q + 1:] - x) / (g[:, q + 1:] - g[:, 1:-q]) * b[:, :, 1:]
            return b

        def forward(self, x):
            if faithful:                                                           # pykan: (B, out, in) edges
                spline = torch.einsum("bic,oic->boi", self.bases(x), self.spline_weight)
                post = self.base_weight * torch.nn.functional.silu(x).unsqueeze(1) + self.spline_scaler * spline
                return post.sum(2)
            base = torch.nn.functional.linear(torch.nn.functional.silu(x), self.base_weight)
            w = (self.spline_weight * self.spline_scaler.unsqueeze(-1)).view(self.spline_weight.size(0), -1)
            return base + torch.nn.functional.linear(self.bases(x).view(x.size(0), -1), w)

    model = torch.nn.Sequential(*[Layer(a, b) for a, b in zip(SIZES, SIZES[1:])])
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.rand(batch, SIZES[0]) * 2 - 1
    y = torch.randint(0, SIZES[-1], (batch,))

    def step():
        model.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        return loss
    return step


def add_options(p):
    p.add_argument("--path", default="fast", choices=["fast", "faithful"],
                   help="fast: efficient-kan's basis + GEMM (impl torch); faithful: pykan's per-edge form (impl torch_pykan)")


def main():
    args = train_common.parse(__doc__, batch=128, steps=50, add_options=add_options)
    faithful = args.path == "faithful"
    return train_common.run(args, "kan", "kan_fwd_bwd", "784-64-10 G5 k3",
                            {"features": "784,64,10", "grid": GRID, "k": K, "path": args.path},
                            lambda torch, batch: build(torch, batch, faithful), impl="torch_pykan" if faithful else "torch")


if __name__ == "__main__":
    sys.exit(main())
