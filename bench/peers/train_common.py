"""What the train peers (train_mlp.py, train_cnn.py, train_lstm.py) share: options, timing and the JSON
line, mirroring dev.weft.bench.train.TrainSuite. Steps/s mode: per thread count (torch.set_num_threads),
seed 0, build the model, warm up (--warmup s), run --rounds rounds of --steps steps, report the median
round. --first-steps mode: one thread count; seconds from this process's start (interpreter start and
`import torch` included) to the end of steps 1, 10, 100, then exit.
--device cuda[:N] (train_mlp.py, train_gcn.py, whose build takes a device): model and data on the GPU, one
thread count (1), and each step reads its loss back (float(loss)), as the Weft suite does on a device; without
CUDA a one-line message and exit 2 (cuda_common.py).
"""
import inspect
import argparse
import json
import os
import sys
import time


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def since_process_start():
    """(seconds since this process started, what it is measured from).

    Linux: the start time in /proc/self/stat (field 22, clock ticks since boot, 10 ms resolution) against
    CLOCK_BOOTTIME. psutil's create_time() adds the boot time in whole seconds, so it is up to a second off
    against time.time(); it is only the fallback, and the script's own start the last resort."""
    try:
        with open("/proc/self/stat") as f:
            stat = f.read()
        ticks = int(stat[stat.rindex(")") + 2:].split()[19])  # the fields after "(comm)" start at field 3
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK"), "process_start"
    except (OSError, ValueError, AttributeError):
        pass
    try:
        import psutil
        return time.time() - psutil.Process().create_time(), "process_start_psutil"
    except ImportError:
        return time.perf_counter() - _SCRIPT_START, "script_start"


_SCRIPT_START = time.perf_counter()


def parse(doc, batch, steps, add_options=None):
    """add_options(parser), when given, adds a peer's own options."""
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    p.add_argument("--threads", default=None, help="thread counts (default 1,2; with --first-steps one, default 1)")
    p.add_argument("--batch", type=int, default=batch)
    p.add_argument("--steps", type=int, default=steps, help="steps per timed round")
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--warmup", type=float, default=3.0, help="seconds of warm-up per thread count")
    p.add_argument("--first-steps", action="store_true",
                   help="only: seconds from process start to the end of steps 1, 10, 100, then exit")
    p.add_argument("--checkpoints", default="1,10,100", help="the steps --first-steps reports")
    p.add_argument("--json", action="store_true")
    p.add_argument("--device", default="cpu", help="cpu (default) or cuda[:N] (train_mlp.py, train_gcn.py)")
    if add_options is not None:
        add_options(p)
    args = p.parse_args()
    if args.device != "cpu" and not args.device.startswith("cuda"):
        p.error(f"--device: unknown '{args.device}' (expected cpu, cuda or cuda:N)")
    if args.device != "cpu" and (args.first_steps or args.threads):
        p.error("--first-steps and --threads apply to --device cpu only")
    args.threads = [int(t) for t in (args.threads or ("1" if args.first_steps or args.device != "cpu" else "1,2")).split(",")]
    args.checkpoints = [int(c) for c in args.checkpoints.split(",")]
    if args.first_steps and len(args.threads) != 1:
        p.error("--first-steps times one fresh process: give one thread count (--threads N)")
    if any(c < 1 for c in args.checkpoints) or args.checkpoints != sorted(set(args.checkpoints)):
        p.error("--checkpoints must be increasing steps >= 1")
    return args


def run(args, suite, case, label, shape, build, epoch=False, impl="torch"):
    """build(torch, batch) -> step(): one zero_grad + forward + loss + backward + optimizer step, returning
    the loss tensor; called after torch.manual_seed(0) for each thread count. impl: the JSON line's impl."""
    try:
        import torch
    except ImportError:
        if args.device != "cpu":
            torch = None
        else:
            print("torch: not installed; install with: apt-get install python3-torch", file=sys.stderr)
            return 1
    dev, sync = None, (lambda loss: loss)
    if args.device != "cpu":
        if "device" not in inspect.signature(build).parameters:
            print(f"{suite}: --device {args.device}: this peer runs on the CPU only", file=sys.stderr)
            return 2
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import cuda_common
        dev = cuda_common.device_or_exit(torch, args.device)
        sync = float   # reads the loss back: one synchronization per step, as the Weft suite on a device
    for threads in args.threads:
        torch.set_num_threads(threads)
        torch.manual_seed(0)
        step = build(torch, args.batch) if dev is None else build(torch, args.batch, device=dev)
        line = {"suite": suite, "case": case, "impl": impl, "threads": threads,
                "device": "cpu" if dev is None else f"cuda:{dev.index}", "batch": args.batch, **shape}
        if args.first_steps:
            ends = []
            for s in range(1, args.checkpoints[-1] + 1):
                loss = step()
                if s in args.checkpoints:
                    ends.append(since_process_start())
            line["case"] = case + "_first_steps"
            line["from"] = ends[0][1]
            for c, (t, _) in zip(args.checkpoints, ends):
                line[f"first_{c}_s"] = round(t, 3)
            line["loss"] = float(loss)
            if args.json:
                print(json.dumps(line))
            else:
                at = ", ".join(f"step {c} at {t:.3f} s" for c, (t, _) in zip(args.checkpoints, ends))
                print(f"torch  threads={threads}  batch={args.batch}  {label}: {at} (from {ends[0][1]})")
            return 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < args.warmup:
            sync(step())
        rates = []
        for _ in range(args.rounds):
            a = time.perf_counter()
            for _ in range(args.steps):
                loss = sync(step())
            rates.append(args.steps / (time.perf_counter() - a))
        sps = median(rates)
        if args.json:
            rate = {"steps_per_s": round(sps, 2), **({"epochs_per_s": round(sps, 2)} if epoch else {})}
            print(json.dumps({**line, **rate, "ms": round(1000 / sps, 4), "loss": float(loss)}))
        else:
            print(f"torch  threads={threads}  batch={args.batch}  {label}: {sps:8.1f} steps/s  ({1000 / sps:.3f} ms/step)")
    return 0
