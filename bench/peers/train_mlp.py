#!/usr/bin/python3
"""Peer numbers for `weft bench train-mlp`: PyTorch 1.13 CPU eager training steps of the MLP
784-256-128-10 (Linear+ReLU, Linear+ReLU, Linear), cross-entropy loss, Adam (lr 1e-3), batch 128,
on random data (inputs N(0,1), labels uniform in 0..9), one step = zero_grad + forward + loss +
backward + optimizer step. Same JSON fields as the Java suite, impl "torch".
Timing: warm-up (3 s), then --rounds rounds of --steps steps; the median round is reported.
Run: /usr/bin/python3 bench/peers/train_mlp.py [--threads 1,2] [--batch 128] [--steps 50] [--rounds 7] [--json]
"""
import argparse
import json
import sys
import time


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", default="1,2")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    try:
        import torch
    except ImportError:
        print("torch: not installed; install with: apt-get install python3-torch", file=sys.stderr)
        return 1
    sizes = [784, 256, 128, 10]
    for threads in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(threads)
        torch.manual_seed(0)
        model = torch.nn.Sequential(
            torch.nn.Linear(784, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 128), torch.nn.ReLU(),
            torch.nn.Linear(128, 10))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = torch.nn.CrossEntropyLoss()
        x = torch.randn(args.batch, 784)
        y = torch.randint(0, 10, (args.batch,))

        def step():
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
            return loss

        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 3.0:
            step()
        rates = []
        for _ in range(args.rounds):
            a = time.perf_counter()
            for _ in range(args.steps):
                step()
            rates.append(args.steps / (time.perf_counter() - a))
        sps = median(rates)
        if args.json:
            print(json.dumps({"suite": "train-mlp", "case": "mlp_adam", "impl": "torch", "threads": threads,
                              "device": "cpu", "batch": args.batch, "features": ",".join(map(str, sizes)),
                              "steps_per_s": round(sps, 2), "ms": round(1000 / sps, 4)}))
        else:
            print(f"torch  threads={threads}  batch={args.batch}  784-256-128-10 Adam: "
                  f"{sps:8.1f} steps/s  ({1000 / sps:.3f} ms/step)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
