#!/usr/bin/python3
"""Writes the golden data of dev.weft.autograd.FftGoldenTest: inputs, outputs and gradients of torch.fft
transforms computed by PyTorch in float64. Run from the repository root:
    /usr/bin/python3 autograd/src/test/python/make_fft_golden.py
It rewrites autograd/src/test/resources/golden/fft_golden.txt; the Java test only reads that file.
Complex tensors are stored as torch.view_as_real gives them (a trailing dim of size 2). Each case has
one input x, the transform's output y, a fixed weight w and the gradient of sum(y * w) with respect to x.
Format (golden_format.py, shared with make_golden.py): '#' header lines, blocks 'case NAME' ... 'end', each tensor a line
'KIND NAME d0,d1,...' (KIND: input, const, output, grad) and a line of values.
"""
import os

import torch
import torch.fft as F

from golden_format import fmt, header, write

torch.manual_seed(0)
DT = torch.float64
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "fft_golden.txt")
C = torch.view_as_complex
R = torch.view_as_real

# name -> (input shape, function of x); complex inputs end in 2 and are viewed as complex first.
# Each function has a Java twin of the same name in FftGoldenTest.
CASES = [
    ("rfft_n7", (3, 7), lambda x: R(F.rfft(x))),
    ("rfft_dim0_n10_ortho", (6, 3), lambda x: R(F.rfft(x, n=10, dim=0, norm="ortho"))),
    ("rfft_n4_forward", (2, 9), lambda x: R(F.rfft(x, n=4, dim=-1, norm="forward"))),
    ("rfft_n257", (257,), lambda x: R(F.rfft(x))),
    ("irfft_default", (2, 5, 2), lambda x: F.irfft(C(x))),
    ("irfft_dim0_n13_ortho", (4, 3, 2), lambda x: F.irfft(C(x), n=13, dim=0, norm="ortho")),
    ("irfft_n5_forward", (3, 6, 2), lambda x: F.irfft(C(x), n=5, dim=1, norm="forward")),
    ("irfft_n8_dc_nyquist_imag", (2, 5, 2), lambda x: F.irfft(C(x), n=8)),
    ("fft_n13", (2, 13, 2), lambda x: R(F.fft(C(x)))),
    ("fft_dim0_n16_ortho", (5, 3, 2), lambda x: R(F.fft(C(x), n=16, dim=0, norm="ortho"))),
    ("fft_n100", (100, 2), lambda x: R(F.fft(C(x)))),
    ("ifft_n6", (7, 2), lambda x: R(F.ifft(C(x), n=6))),
    ("ifft_dim1_forward", (2, 4, 3, 2), lambda x: R(F.ifft(C(x), dim=1, norm="forward"))),
    ("rfft2", (2, 6, 5), lambda x: R(F.rfft2(x))),
    ("irfft2_s", (2, 6, 3, 2), lambda x: F.irfft2(C(x), s=(6, 5))),
    ("rfftn_dims_s_ortho", (4, 3, 5), lambda x: R(F.rfftn(x, s=(6, 4), dim=(2, 0), norm="ortho"))),
    ("irfftn_dims", (3, 3, 2), lambda x: F.irfftn(C(x), s=(5, 4), dim=(0, 1))),
    ("fftn_ifftn", (3, 4, 2), lambda x: R(F.ifftn(F.fftn(C(x), s=(5, 3), norm="forward") * 1.5, dim=(1,)))),
]


def main():
    lines = header("torch.fft", "dev.weft.autograd.FftGoldenTest", "autograd/src/test/python/make_fft_golden.py")
    for name, shape, fn in CASES:
        x = (torch.rand(*shape, dtype=DT) * 2 - 1).requires_grad_(True)
        y = fn(x)
        w = torch.rand(*y.shape, dtype=DT) * 2 - 1
        (g,) = torch.autograd.grad((y * w).sum(), [x])
        lines.append(f"case {name}\n")
        lines.append(fmt("input", "x", x))
        lines.append(fmt("const", "w", w))
        lines.append(fmt("output", "y", y))
        lines.append(fmt("grad", "x", g))
        lines.append("end\n")
    write(OUT, lines)
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
