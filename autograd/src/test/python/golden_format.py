"""The file format shared by make_golden.py and make_fft_golden.py: '#' header lines, then blocks
'case NAME' ... 'end'; each tensor is a line 'KIND NAME d0,d1,...' (KIND: input, const, output, grad;
'-' for a 0-d shape) and a line of its values in row-major order.
"""
import os
import sys

import torch


def fmt(kind, name, t):
    shape = ",".join(str(s) for s in t.shape) if t.dim() > 0 else "-"
    vals = " ".join(repr(float(v)) for v in t.detach().reshape(-1).tolist())
    return f"{kind} {name} {shape}\n{vals}\n"


def header(what, test, script):
    """The two '#' lines: what the data is, the Java test that reads it, the script and versions that made it."""
    return [f"# Golden {what} data for {test} (float64).\n",
            f"# Produced by {script} with torch {torch.__version__}, "
            f"python {sys.version.split()[0]}, torch.manual_seed(0). Do not edit by hand.\n"]


def write(out, lines):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        f.writelines(lines)
