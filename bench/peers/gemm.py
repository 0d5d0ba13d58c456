#!/usr/bin/python3
"""Peer numbers for `weft bench gemm`: SGEMM/DGEMM GFLOP/s of NumPy (OpenBLAS) and PyTorch (CPU) on the
same shapes as dev.weft.bench.gemm.GemmShapes (square sizes; --shapes mlp: batch 128 through
784->256->128->10, forward x W^T and backward dX = dY W, dW = dY^T X), per thread count.

Thread counts are fixed per process (OpenBLAS reads OPENBLAS_NUM_THREADS at import), so the script
re-executes itself once per (peer, thread count). Timing: warm up ~0.5 s, then the median of repeated calls.
Run: /usr/bin/python3 bench/peers/gemm.py [--sizes 256,512,1024] [--shapes mlp] [--threads 1,2]
     [--dtype f32,f64] [--peers openblas,torch] [--reps N] [--json]
--device cuda[:N]: torch.mm on the GPU instead (square sizes, default 1024,2048,4096,8192, dtypes f32,f64), F32
with TF32 off and on (torch.backends.cuda.matmul.allow_tf32, --tf32 off,on) as separate lines, timed with
synchronization (cuda_common.py), the same JSON as `weft bench gemm --device cuda` with impl "torch".
"""
import argparse
import json
import os
import subprocess
import sys
import time

MLP_BATCH = 128
MLP_LAYERS = [(784, 256), (256, 128), (128, 10)]
INSTALL = {"openblas": "apt-get install python3-numpy libopenblas0-pthread",
           "torch": "apt-get install python3-torch"}


def shapes(sizes, mlp):
    out = [("square", s, s, s, False, False) for s in sizes]
    if mlp:
        b = MLP_BATCH
        for i, o in MLP_LAYERS:
            tag = f"{i}x{o}"
            out.append((f"mlp_fwd_{tag}", b, o, i, False, True))
            out.append((f"mlp_dx_{tag}", b, i, o, False, False))
            out.append((f"mlp_dw_{tag}", o, i, b, True, False))
    return out


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def time_call(call, flops, reps):
    t0 = time.perf_counter()
    warm = 0
    while warm < 3 or (time.perf_counter() - t0 < 0.5 and warm < 10000):
        call()
        warm += 1
    per = (time.perf_counter() - t0) / warm
    n = reps if reps > 0 else int(max(5, min(200, 1.0 / max(per, 1e-9))))
    g = []
    for _ in range(n):
        a = time.perf_counter()
        call()
        g.append(flops / (time.perf_counter() - a) / 1e9)
    return median(g)


def operands(mod, case, dtype):
    """Stored operands as GemmBench lays them out: A (m,k) or (k,m) if transA, B (k,n) or (n,k) if transB."""
    _, m, n, k, ta, tb = case
    if mod == "numpy":
        import numpy as np
        rng = np.random.default_rng(1)
        dt = np.float32 if dtype == "f32" else np.float64
        a = rng.uniform(-1, 1, (k, m) if ta else (m, k)).astype(dt)
        b = rng.uniform(-1, 1, (n, k) if tb else (k, n)).astype(dt)
        a = a.T if ta else a
        b = b.T if tb else b
        c = np.empty((m, n), dtype=dt)
        return lambda: np.matmul(a, b, out=c)
    import torch
    g = torch.Generator().manual_seed(1)
    dt = torch.float32 if dtype == "f32" else torch.float64
    a = torch.rand((k, m) if ta else (m, k), generator=g, dtype=dt) * 2 - 1
    b = torch.rand((n, k) if tb else (k, n), generator=g, dtype=dt) * 2 - 1
    a = a.t() if ta else a
    b = b.t() if tb else b
    c = torch.empty((m, n), dtype=dt)
    return lambda: torch.matmul(a, b, out=c)


def child(args):
    """Runs one peer at one thread count (set before import by the parent) and prints JSON lines."""
    peer, threads = args.child, args.child_threads
    if peer == "torch":
        import torch
        torch.set_num_threads(threads)
    for dtype in args.dtype.split(","):
        for case in shapes([int(s) for s in args.sizes.split(",") if s], args.shapes == "mlp"):
            name, m, n, k, ta, tb = case
            g = time_call(operands("numpy" if peer == "openblas" else "torch", case, dtype), 2.0 * m * n * k, args.reps)
            print(json.dumps({"suite": "gemm", "case": name, "impl": peer, "threads": threads, "device": "cpu",
                              "dtype": dtype, "m": m, "n": n, "k": k, "trans_a": ta, "trans_b": tb,
                              "gflops": round(g, 3)}, separators=(",", ":")), flush=True)


def cuda_main(args):
    """--device cuda: torch.mm of device-resident square operands, each result allocated like a.matmul(b) in Weft."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.dont_write_bytecode = True
    import cuda_common
    try:
        import torch
    except ImportError:
        torch = None
    dev = cuda_common.device_or_exit(torch, args.device)
    sizes = [int(s) for s in (args.sizes or "1024,2048,4096,8192").split(",") if s]
    old = torch.backends.cuda.matmul.allow_tf32
    try:
        for dtype in (args.dtype or "f32,f64").split(","):
            dt = torch.float32 if dtype == "f32" else torch.float64
            for tf32 in ([t == "on" for t in args.tf32.split(",")] if dtype == "f32" else [False]):
                torch.backends.cuda.matmul.allow_tf32 = tf32
                for n in sizes:
                    g = torch.Generator(device=dev).manual_seed(1)
                    a = torch.rand((n, n), generator=g, device=dev, dtype=dt)
                    b = torch.rand((n, n), generator=g, device=dev, dtype=dt)
                    sec = cuda_common.median_seconds(torch, lambda: torch.mm(a, b), args.samples)
                    line = {"suite": "gemm", "case": "square", "impl": "torch", "threads": 1, "device": cuda_common.name(dev),
                            "device_name": torch.cuda.get_device_name(dev), "dtype": dtype, "m": n, "n": n, "k": n,
                            "trans_a": False, "trans_b": False, "tf32": tf32, "gflops": round(2.0 * n ** 3 / sec / 1e9, 3)}
                    if args.json:
                        print(json.dumps(line, separators=(",", ":")), flush=True)
                    else:
                        print(f"torch {dtype} tf32={'on' if tf32 else 'off'} n={n}: {sec * 1e3:.3f} ms, "
                              f"{line['gflops']:.1f} GFLOP/s", flush=True)
    finally:
        torch.backends.cuda.matmul.allow_tf32 = old
    return 0


def available(peer):
    mod = "numpy" if peer == "openblas" else "torch"
    r = subprocess.run([sys.executable, "-c", f"import {mod}"], capture_output=True)
    return r.returncode == 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default=None, help="default 256,512,1024 (cuda: 1024,2048,4096,8192)")
    p.add_argument("--shapes", default="")
    p.add_argument("--threads", default="1," + str(os.cpu_count() or 1) if (os.cpu_count() or 1) > 1 else "1")
    p.add_argument("--dtype", default=None, help="default f32 (cuda: f32,f64)")
    p.add_argument("--device", default="cpu", help="cpu (default) or cuda[:N]")
    p.add_argument("--tf32", default="off,on", help="cuda only: F32 with TF32 off and/or on")
    p.add_argument("--samples", type=int, default=7, help="cuda only: timed batches, median reported")
    p.add_argument("--peers", default="openblas,torch")
    p.add_argument("--reps", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--child-threads", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.device != "cpu":
        if not args.device.startswith("cuda"):
            p.error(f"--device: unknown '{args.device}' (expected cpu, cuda or cuda:N)")
        return cuda_main(args)
    args.sizes = args.sizes or "256,512,1024"
    args.dtype = args.dtype or "f32"
    if args.child:
        child(args)
        return 0
    if args.shapes not in ("", "mlp"):
        p.error(f"--shapes: unknown '{args.shapes}' (expected mlp)")
    if not args.json:
        print(f"{'case':<16} {'impl':<8} {'dtype':<5} {'m':>6} {'n':>6} {'k':>6} {'tA/tB':<5} {'threads':>7} {'GFLOP/s':>9}")
    for peer in args.peers.split(","):
        if peer not in INSTALL:
            p.error(f"--peers: unknown '{peer}' (expected openblas or torch)")
        if not available(peer):
            print(f"{peer}: not installed; install with: {INSTALL[peer]}", file=sys.stderr)
            continue
        for t in [int(x) for x in args.threads.split(",")]:
            env = dict(os.environ)
            # every pool a peer may use is pinned to t threads (torch on Debian calls OpenBLAS too)
            for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                env[var] = str(t)
            cmd = [sys.executable, __file__, "--child", peer, "--child-threads", str(t), "--sizes", args.sizes,
                   "--shapes", args.shapes, "--dtype", args.dtype, "--reps", str(args.reps)]
            r = subprocess.run(cmd, env=env, capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{peer} threads={t}: failed:\n{r.stderr}", file=sys.stderr)
                return 1
            for line in r.stdout.splitlines():
                if args.json:
                    print(line, flush=True)
                    continue
                d = json.loads(line)
                tt = ("T" if d["trans_a"] else "N") + "/" + ("T" if d["trans_b"] else "N")
                print(f"{d['case']:<16} {d['impl']:<8} {d['dtype']:<5} {d['m']:>6} {d['n']:>6} {d['k']:>6} {tt:<5} "
                      f"{d['threads']:>7} {d['gflops']:>9.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
