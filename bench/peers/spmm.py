#!/usr/bin/python3
"""Peer numbers for `weft bench spmm`: y = A x with A a CSR graph (the same structure as
dev.weft.bench.sparse.SpmmGraphs: splitmix64 draws, coalesced) and x (n, features) F32, by
  torch_csr  torch.sparse.mm on a sparse_csr_tensor (int32 indices),
  torch_coo  torch.sparse.mm on a coalesced sparse_coo_tensor,
  c_loop     a plain C CSR loop (spmm_loop.c, cc -O3 -march=native, one thread).
Fields as the Java suite: nodes, nnz, features, threads, ms (median), gbps (the same byte count).
torch's thread count is set with torch.set_num_threads; the C loop runs at 1 thread only.
Run: /usr/bin/python3 bench/peers/spmm.py [--graphs cora,uniform,powerlaw] [--features 16,64,256]
     [--threads 1,2] [--peers torch_csr,torch_coo,c_loop] [--reps N] [--json]
"""
import argparse
import ctypes
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
SIZES = {"cora": (2708, False, 1), "uniform": (100_000, False, 2), "powerlaw": (100_000, True, 3)}
DEGREE = 4


def draws(seed, ks):
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (ks.astype(np.uint64) + np.uint64(1)) * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def graph(name):
    n, power, seed = SIZES[name]
    nnz = DEGREE * n
    p = np.arange(nnz, dtype=np.uint64)
    col = (draws(seed, 2 * p) % np.uint64(n)).astype(np.int32)
    if power:
        u = (draws(seed, 2 * p + np.uint64(1)) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
        row = np.minimum(n - 1, np.floor(n * (u * u * u))).astype(np.int64)
    else:
        row = (np.arange(nnz) // DEGREE).astype(np.int64)
    key = np.unique(row * n + col.astype(np.int64))          # coalesced: sorted by (row, col), duplicates dropped
    row, col = key // n, (key % n).astype(np.int32)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.add.at(ptr, row + 1, 1)
    return n, np.cumsum(ptr).astype(np.int32), col, row


def median(xs):
    s = sorted(xs)
    k = len(s)
    return s[k // 2] if k % 2 else 0.5 * (s[k // 2 - 1] + s[k // 2])


def time_ms(call, reps):
    t0 = time.perf_counter()
    warm = 0
    while warm < 5 or (time.perf_counter() - t0 < 0.3 and warm < 100000):
        call()
        warm += 1
    per = (time.perf_counter() - t0) / warm
    k = reps if reps > 0 else int(max(5, min(500, 0.5 / max(per, 1e-9))))
    out = []
    for _ in range(k):
        a = time.perf_counter()
        call()
        out.append((time.perf_counter() - a) * 1e3)
    return median(out)


def c_library():
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spmm_loop.c")
    lib = os.path.join(tempfile.gettempdir(), "weft_spmm_loop.so")
    subprocess.run(["cc", "-O3", "-march=native", "-shared", "-fPIC", "-o", lib, src], check=True)
    so = ctypes.CDLL(lib)
    so.spmm_csr.argtypes = [ctypes.c_int, ctypes.c_int] + [ctypes.c_void_p] * 5
    return so


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--graphs", default="cora,uniform,powerlaw")
    ap.add_argument("--features", default="16,64,256")
    ap.add_argument("--threads", default="1,%d" % os.cpu_count() if os.cpu_count() > 1 else "1")
    ap.add_argument("--peers", default="torch_csr,torch_coo,c_loop")
    ap.add_argument("--reps", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    peers = a.peers.split(",")
    torch = None
    if any(p.startswith("torch") for p in peers):
        import torch as t
        torch = t
    so = c_library() if "c_loop" in peers else None
    rng = np.random.default_rng(7)
    if not a.json:
        print("%-9s %-10s %7s %8s %8s %7s %9s %8s" % ("graph", "peer", "nodes", "nnz", "features", "threads", "ms", "GB/s"))
    for name in a.graphs.split(","):
        n, ptr, col, row = graph(name)
        nnz = len(col)
        val = rng.random(nnz, dtype=np.float32)
        for f in [int(s) for s in a.features.split(",")]:
            x = rng.random((n, f), dtype=np.float32)
            nbytes = 4.0 * (n + 1) + 8.0 * nnz + 4.0 * f * nnz + 4.0 * f * n
            for peer in peers:
                for t in [int(s) for s in a.threads.split(",")]:
                    if peer == "c_loop":
                        if t != 1:
                            continue
                        y = np.empty((n, f), dtype=np.float32)
                        args = (n, f, ptr.ctypes.data, col.ctypes.data, val.ctypes.data, x.ctypes.data, y.ctypes.data)
                        call = lambda: so.spmm_csr(*args)
                    else:
                        torch.set_num_threads(t)
                        xt = torch.from_numpy(x)
                        if peer == "torch_csr":
                            A = torch.sparse_csr_tensor(torch.from_numpy(ptr), torch.from_numpy(col), torch.from_numpy(val), (n, n))
                        else:
                            idx = torch.from_numpy(np.stack([row, col.astype(np.int64)]))
                            A = torch.sparse_coo_tensor(idx, torch.from_numpy(val), (n, n)).coalesce()
                        call = lambda: torch.sparse.mm(A, xt)
                    ms = time_ms(call, a.reps)
                    rec = {"suite": "spmm", "case": name, "impl": peer, "threads": t, "device": "cpu", "nodes": n, "nnz": nnz,
                           "features": f, "ms": ms, "gbps": nbytes / (ms * 1e-3) / 1e9}
                    if a.json:
                        print(json.dumps(rec))
                    else:
                        print("%-9s %-10s %7d %8d %8d %7d %9.4f %8.2f" % (name, peer, n, nnz, f, t, ms, rec["gbps"]))
                    sys.stdout.flush()


if __name__ == "__main__":
    main()
