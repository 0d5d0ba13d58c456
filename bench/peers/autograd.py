#!/usr/bin/python3
"""Peer numbers for `weft bench autograd`: PyTorch 1.13 eager autograd on the same shapes as
dev.weft.bench.autograd (tiny_add_chain: y = y + b 10,000 times on 4-element float32 tensors, then one
backward; tiny_add_step: 10,000 times add + backward; tiny_add_no_tape: the add alone; mlp_step: one
forward + MSE + backward of a 3-layer ReLU MLP with autograd, and the same ops written by hand under
no_grad). Same JSON fields as the Java suite, impl "torch". Timing: a warm-up, then the median round.
Run: /usr/bin/python3 bench/peers/autograd.py [--ops 10000] [--rounds 15] [--mlp 32,64,64,64,10] [--json]
"""
import argparse
import json
import sys
import time


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def timed(fn, n, rounds, warm_s=3.0, best=False):
    t0 = time.perf_counter()
    w = 0
    while w < 3 or time.perf_counter() - t0 < warm_s:
        fn()
        w += 1
    us = []
    for _ in range(rounds):
        a = time.perf_counter()
        fn()
        us.append((time.perf_counter() - a) * 1e6 / n)
    return (median(us), min(us)) if best else median(us)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ops", type=int, default=10000)
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--mlp", default="32,64,64,64,10")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    try:
        import torch
    except ImportError:
        print("torch: not installed; install with: apt-get install python3-torch", file=sys.stderr)
        return 1
    threads = torch.get_num_threads()
    n = args.ops

    x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
    b = torch.full((4,), 0.5, requires_grad=True)
    seed = torch.ones(4)

    def chain():
        y = x
        for _ in range(n):
            y = y + b
        y.backward(seed)
        x.grad = None
        b.grad = None

    def steps():
        for _ in range(n):
            (x + b).backward(seed)
            x.grad = None
            b.grad = None

    c, d = x.detach(), b.detach()

    def no_tape():
        y = c
        for _ in range(n):
            y = y + d

    out = []

    def emit(case, extra, text):
        line = {"suite": "autograd", "case": case, "impl": "torch", "threads": threads, "device": "cpu"}
        line.update(extra)
        out.append(json.dumps(line) if args.json else text)
        print(out[-1], flush=True)

    for case, fn, what in (("tiny_add_chain", chain, f"tiny add chain (fwd+bwd, one backward per {n} ops)"),
                           ("tiny_add_step", steps, "tiny add + backward per op"),
                           ("tiny_add_no_tape", no_tape, "tiny add, no tape (forward only)")):
        med, best = timed(fn, n, args.rounds, best=True)
        emit(case, {"numel": 4, "ops": n, "us_per_op": round(med, 4), "us_per_op_min": round(best, 4)},
             f"{what:<52} {med:7.3f} µs {best:7.3f} µs (torch: median, best)")

    for spec in args.mlp.split(";"):
        B, I, H, H2, O = (int(s) for s in spec.split(","))
        g = torch.Generator().manual_seed(1)
        xs, ys = torch.randn(B, I, generator=g), torch.randn(B, O, generator=g)
        w1 = (torch.randn(I, H, generator=g) / I ** 0.5).requires_grad_()
        w2 = (torch.randn(H, H2, generator=g) / H ** 0.5).requires_grad_()
        w3 = (torch.randn(H2, O, generator=g) / H2 ** 0.5).requires_grad_()
        b1, b2, b3 = (torch.zeros(k, requires_grad=True) for k in (H, H2, O))
        params = [w1, b1, w2, b2, w3, b3]

        def tape():
            a1 = (xs @ w1 + b1).relu()
            a2 = (a1 @ w2 + b2).relu()
            loss = ((a2 @ w3 + b3) - ys).square().mean()
            loss.backward()
            for q in params:
                q.grad = None

        def by_hand():
            with torch.no_grad():
                h1 = xs @ w1 + b1
                c1 = h1.relu()
                h2 = c1 @ w2 + b2
                c2 = h2.relu()
                dd = c2 @ w3 + b3 - ys
                dd.square().mean()
                d_out = dd * 2.0 * (1.0 / dd.numel())
                c2.t() @ d_out, d_out.sum(0)
                dh2 = torch.where(h2 > 0, d_out @ w3.t(), 0.0)
                c1.t() @ dh2, dh2.sum(0)
                dh1 = torch.where(h1 > 0, dh2 @ w2.t(), 0.0)
                xs.t() @ dh1, dh1.sum(0)

        t = timed(tape, 1, max(args.rounds, 200), 2.0)
        h = timed(by_hand, 1, max(args.rounds, 200), 2.0)
        ov = 100 * (t / h - 1)
        emit("mlp_step", {"batch": B, "features": f"{I},{H},{H2},{O}", "us_per_step": round(t, 2),
                          "no_tape_us_per_step": round(h, 2), "overhead_pct": round(ov, 1)},
             f"MLP step B={B} {I},{H},{H2},{O}: tape {t:.1f} µs, no tape {h:.1f} µs, overhead {ov:+.1f}% (torch)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
