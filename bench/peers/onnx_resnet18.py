#!/usr/bin/python3
"""Peer numbers for `weft bench onnx`: ResNet-18 (He et al. 2016, the torchvision layout written out here so
torchvision need not be installed: conv 7x7/2 + BN + ReLU, max pool 3x3/2, four stages of two BasicBlocks with
64/128/256/512 channels, global average pool, fc 512 -> 1000), seeded weights, BatchNorm in eval mode with seeded
running statistics. --export PATH writes it with torch.onnx.export (input "input" (1, 3, 224, 224), output
"output") for `weft bench onnx --model PATH`; then batch-1 eager CPU inference under torch.no_grad() is timed per
thread count (torch.set_num_threads): --warmup untimed runs, the median of --iters runs, one JSON line like the
Java suite's (impl "torch"; "case" is the export file's name without .onnx, default "resnet18").
Run: /usr/bin/python3 bench/peers/onnx_resnet18.py --export resnet18.onnx [--opset 13] [--export-only]
     [--threads 1,2] [--warmup 3] [--iters 20] [--json]
"""
import argparse
import json
import os
import sys
import time

sys.dont_write_bytecode = True  # keep bench/peers free of __pycache__


def build(torch):
    nn = torch.nn

    class BasicBlock(nn.Module):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
            self.bn1 = nn.BatchNorm2d(cout)
            self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
            self.bn2 = nn.BatchNorm2d(cout)
            self.downsample = None
            if stride != 1 or cin != cout:
                self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

        def forward(self, x):
            y = torch.relu(self.bn1(self.conv1(x)))
            y = self.bn2(self.conv2(y))
            return torch.relu(y + (x if self.downsample is None else self.downsample(x)))

    class ResNet18(nn.Module):
        def __init__(self, classes=1000):
            super().__init__()
            self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
            self.bn1 = nn.BatchNorm2d(64)
            self.maxpool = nn.MaxPool2d(3, 2, 1)
            blocks, cin = [], 64
            for i, w in enumerate((64, 128, 256, 512)):
                for j in range(2):
                    blocks.append(BasicBlock(cin, w, 2 if (j == 0 and i > 0) else 1))
                    cin = w
            self.layers = nn.Sequential(*blocks)
            self.fc = nn.Linear(512, classes)

        def forward(self, x):
            x = self.maxpool(torch.relu(self.bn1(self.conv1(x))))
            x = self.layers(x)
            return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))

    torch.manual_seed(0)
    model = ResNet18()
    g = torch.Generator().manual_seed(1)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.num_features, generator=g) * 0.1)
            m.running_var.copy_(torch.rand(m.num_features, generator=g) + 0.5)
    return model.eval()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--export", default=None, help="write the model to this .onnx path")
    p.add_argument("--opset", type=int, default=13)
    p.add_argument("--export-only", action="store_true", help="export, do not time")
    p.add_argument("--threads", default="1,2")
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--iters", type=int, default=20)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    try:
        import torch
    except ImportError:
        print("torch: not installed; install with: apt-get install python3-torch", file=sys.stderr)
        return 2
    model = build(torch)
    x = torch.randn(1, 3, 224, 224, generator=torch.Generator().manual_seed(0))
    if args.export:
        torch.onnx.export(model, (x,), args.export, opset_version=args.opset, input_names=["input"],
                          output_names=["output"], do_constant_folding=True)
        print(f"wrote {args.export} ({os.path.getsize(args.export)} bytes, opset {args.opset})", file=sys.stderr)
    if args.export_only:
        return 0
    case = os.path.basename(args.export)[:-5] if args.export and args.export.endswith(".onnx") else "resnet18"
    with torch.no_grad():
        for threads in [int(t) for t in args.threads.split(",")]:
            torch.set_num_threads(threads)
            for _ in range(args.warmup):
                model(x)
            ms = []
            for _ in range(args.iters):
                t0 = time.perf_counter()
                model(x)
                ms.append((time.perf_counter() - t0) * 1000)
            ms.sort()
            median = ms[len(ms) // 2] if len(ms) % 2 else (ms[len(ms) // 2 - 1] + ms[len(ms) // 2]) / 2
            line = {"suite": "onnx", "case": case, "impl": "torch", "threads": threads, "device": "cpu", "batch": 1,
                    "input": "[1,3,224,224]", "opset": args.opset, "iters": args.iters, "ms": round(median, 4)}
            if args.json:
                print(json.dumps(line))
            else:
                print(f"torch  threads={threads}  {case} input [1,3,224,224]: {median:8.2f} ms median of {args.iters}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
