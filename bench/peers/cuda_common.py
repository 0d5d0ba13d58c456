"""What the peers' `--device cuda` runs share: the CUDA check with a clear message, and timing that synchronizes
(torch.cuda.synchronize() before the clock starts and before it is read), as dev.weft.bench.cuda.DeviceTimer
does: ~0.3 s warm-up, then `samples` batches of ~20 ms, the median seconds per call. Lines carry
"device": "cuda:N", "impl": "torch" and the device's name."""
import sys
import time


def device_or_exit(torch, device):
    """The torch.device for `device` ("cuda" or "cuda:N"), or a one-line message on stderr and exit 2."""
    if torch is None:
        print(f"--device {device}: torch is not installed (apt-get install python3-torch, or pip install torch)",
              file=sys.stderr)
        sys.exit(2)
    if not torch.cuda.is_available():
        print(f"--device {device}: torch.cuda is not available (torch {torch.__version__}, built with CUDA "
              f"{torch.version.cuda}; no GPU or no driver)", file=sys.stderr)
        sys.exit(2)
    d = torch.device(device)
    if d.index is None:
        d = torch.device("cuda", 0)
    if d.index >= torch.cuda.device_count():
        print(f"--device {device}: only {torch.cuda.device_count()} CUDA device(s)", file=sys.stderr)
        sys.exit(2)
    return d


def name(d):
    return f"cuda:{d.index}"


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def seconds_per_call(torch, call, calls):
    torch.cuda.synchronize()
    a = time.perf_counter()
    for _ in range(calls):
        call()
    torch.cuda.synchronize()
    return (time.perf_counter() - a) / calls


def median_seconds(torch, call, samples):
    t0 = time.perf_counter()
    per, warm = float("inf"), 0
    while warm < 3 or time.perf_counter() - t0 < 0.3:
        per = seconds_per_call(torch, call, 1)
        warm += 1
    batch = int(max(1, min(100_000, 0.02 / max(per, 1e-7))))
    return median([seconds_per_call(torch, call, batch) for _ in range(samples)])
