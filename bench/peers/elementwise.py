#!/usr/bin/python3
"""Peer numbers for `weft bench elementwise`: GB/s of add, mul, exp and relu on float32 arrays in NumPy and
PyTorch (CPU), on the same sizes and in the same JSON-line format (impl "numpy" / "torch"). Bytes per element as
in the Java suite: 12 for add/mul (two reads, one write), 8 for exp/relu. Every call writes into a preallocated
output (out=), so no allocation is timed. triad_gbps is null on these lines: compare with the STREAM-triad line of
the Java suite run in the same time window (neither peer has a one-pass triad at full speed: NumPy needs two
passes, torch.add with alpha is slower than plain add). For reference the script still prints PyTorch's fused
a = b + s*c (torch.add with alpha) on 16M floats as case "triad_torch_alpha". NumPy ufuncs are single-threaded:
its lines say threads 1.

Run: /usr/bin/python3 bench/peers/elementwise.py [--sizes 1024,16777216] [--ops add,mul,exp,relu]
     [--threads 1,2] [--peers numpy,torch] [--samples 7] [--json]
A missing peer is skipped with an install hint on stderr.
--device cuda[:N]: PyTorch on the GPU instead (default sizes 1M,4M,16M,64M), each op allocating its result like
the Weft suite, beside a device-to-device copy of the largest size (x.clone()) as the bandwidth reference
(copy_gbps, pct_copy), timed with synchronization (cuda_common.py); the same JSON as
`weft bench elementwise --device cuda` with impl "torch".
"""
import argparse
import json
import os
import sys
import time

OPS = ["add", "mul", "exp", "relu"]
SIZES = [1024, 16384, 262144, 1048576, 4194304, 16777216]
INSTALL = {"numpy": "apt-get install python3-numpy", "torch": "apt-get install python3-torch"}
TRIAD_N = 16 << 20


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def median_seconds(call, samples):
    """Warm up ~0.2 s, then `samples` batches of ~20 ms each; median seconds per call."""
    t0 = time.perf_counter()
    warm = 0
    while warm < 5 or time.perf_counter() - t0 < 0.2:
        call()
        warm += 1
    per = (time.perf_counter() - t0) / warm
    batch = int(max(1, min(1_000_000, 0.02 / max(per, 1e-9))))
    out = []
    for _ in range(samples):
        a = time.perf_counter()
        for _ in range(batch):
            call()
        out.append((time.perf_counter() - a) / batch)
    return median(out)


def numpy_calls(np, op, n):
    rng = np.random.default_rng(n)
    a = rng.uniform(-4, 4, n).astype(np.float32)
    b = rng.uniform(-4, 4, n).astype(np.float32)
    y = np.empty(n, np.float32)
    return {"add": lambda: np.add(a, b, out=y), "mul": lambda: np.multiply(a, b, out=y),
            "exp": lambda: np.exp(a, out=y), "relu": lambda: np.maximum(a, 0, out=y)}[op]


def torch_calls(torch, op, n):
    g = torch.Generator().manual_seed(n)
    a = torch.rand(n, generator=g) * 8 - 4
    b = torch.rand(n, generator=g) * 8 - 4
    y = torch.empty(n)
    return {"add": lambda: torch.add(a, b, out=y), "mul": lambda: torch.mul(a, b, out=y),
            "exp": lambda: torch.exp(a, out=y), "relu": lambda: torch.clamp_min(a, 0, out=y)}[op]


def torch_triad(torch, samples):
    b = torch.ones(TRIAD_N)
    c = torch.full((TRIAD_N,), 2.0)
    a = torch.empty(TRIAD_N)
    sec = median_seconds(lambda: torch.add(b, c, alpha=3.0, out=a), samples)
    return 12.0 * TRIAD_N / sec / 1e9


def emit(args, peer, op, threads, n, gbps, triad):
    if args.json:
        print(json.dumps({"suite": "elementwise", "case": op, "impl": peer, "threads": threads, "device": "cpu",
                          "n": n, "gbps": round(gbps, 4), "triad_gbps": None if triad is None else round(triad, 4)}))
    else:
        print(f"{op:<17} {peer:<6} {threads:7d} {n:10d} {gbps:8.2f}")
    sys.stdout.flush()


def cuda_main(args):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.dont_write_bytecode = True
    import cuda_common
    try:
        import torch
    except ImportError:
        torch = None
    dev = cuda_common.device_or_exit(torch, args.device)
    sizes = [int(s) for s in (args.sizes or "1048576,4194304,16777216,67108864").split(",")]
    common = {"impl": "torch", "threads": 1, "device": cuda_common.name(dev), "device_name": torch.cuda.get_device_name(dev)}
    big = max(sizes)
    src = torch.rand(big, device=dev)
    copy = 8.0 * big / cuda_common.median_seconds(torch, lambda: src.clone(), args.samples) / 1e9
    del src

    def emit_cuda(op, n, gbps):
        line = {"suite": "elementwise", "case": op, **common, "n": n, "gbps": round(gbps, 4),
                "copy_gbps": round(copy, 4), "pct_copy": round(100 * gbps / copy, 2)}
        print(json.dumps(line) if args.json else f"{op:<8} torch {n:10d} {gbps:8.1f} GB/s ({line['pct_copy']:.0f}% of copy)",
              flush=True)

    emit_cuda("d2d_copy", big, copy)
    for op in args.ops.split(","):
        for n in sizes:
            g = torch.Generator(device=dev).manual_seed(n)
            a = torch.rand(n, generator=g, device=dev) - 0.5
            b = torch.rand(n, generator=g, device=dev)
            call = {"add": lambda: torch.add(a, b), "mul": lambda: torch.mul(a, b), "exp": lambda: torch.exp(a),
                    "relu": lambda: torch.relu(a)}[op]
            sec = cuda_common.median_seconds(torch, call, args.samples)
            emit_cuda(op, n, (12.0 if op in ("add", "mul") else 8.0) * n / sec / 1e9)
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default=None, help="default " + ",".join(map(str, SIZES)) + " (cuda: 1M,4M,16M,64M)")
    p.add_argument("--device", default="cpu", help="cpu (default) or cuda[:N]")
    p.add_argument("--ops", default=",".join(OPS))
    p.add_argument("--threads", default=f"1,{os.cpu_count()}" if (os.cpu_count() or 1) > 1 else "1")
    p.add_argument("--peers", default="numpy,torch")
    p.add_argument("--samples", type=int, default=7)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    for op in args.ops.split(","):
        if op not in OPS:
            sys.exit(f"elementwise.py: --ops: unknown '{op}' (expected {', '.join(OPS)})")
    if args.device != "cpu":
        if not args.device.startswith("cuda"):
            p.error(f"--device: unknown '{args.device}' (expected cpu, cuda or cuda:N)")
        return cuda_main(args)
    sizes = [int(s) for s in (args.sizes or ",".join(map(str, SIZES))).split(",")]
    ops = args.ops.split(",")
    threads = [int(t) for t in args.threads.split(",")]
    for op in ops:
        if op not in OPS:
            sys.exit(f"elementwise.py: --ops: unknown '{op}' (expected {', '.join(OPS)})")

    mods = {}
    for peer in args.peers.split(","):
        try:
            mods[peer] = __import__(peer)
        except ImportError:
            print(f"elementwise.py: {peer} not installed, skipping it (install: {INSTALL.get(peer, 'pip install ' + peer)})",
                  file=sys.stderr)
    if not args.json:
        print(f"{'op':<17} {'impl':<6} {'threads':>7} {'n':>10} {'GB/s':>8}")

    torch = mods.get("torch")
    triads = {}
    if torch is not None:
        for t in threads:
            torch.set_num_threads(t)
            triads[t] = torch_triad(torch, args.samples)
            emit(args, "torch", "triad_torch_alpha", t, TRIAD_N, triads[t], None)
    if "numpy" in mods:
        np = mods["numpy"]
        for op in ops:
            for n in sizes:
                sec = median_seconds(numpy_calls(np, op, n), args.samples)
                emit(args, "numpy", op, 1, n, (12.0 if op in ("add", "mul") else 8.0) * n / sec / 1e9, None)
    if torch is not None:
        for op in ops:
            for n in sizes:
                call = torch_calls(torch, op, n)
                for t in threads:
                    torch.set_num_threads(t)
                    sec = median_seconds(call, args.samples)
                    emit(args, "torch", op, t, n, (12.0 if op in ("add", "mul") else 8.0) * n / sec / 1e9, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
