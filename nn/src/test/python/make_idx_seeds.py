"""Writes the seed inputs of IdxFuzzTest (small valid IDX files, one per element type, plain and
gzipped) under src/test/resources/dev/weft/nn/data/IdxFuzzTestInputs/readIdx/. Run from nn/."""
import gzip
import os
import struct

OUT = "src/test/resources/dev/weft/nn/data/IdxFuzzTestInputs/readIdx"
TYPES = {"u8": (0x08, "B"), "i8": (0x09, "b"), "i16": (0x0B, "h"), "i32": (0x0C, "i"), "f32": (0x0D, "f"), "f64": (0x0E, "d")}
VALUES = {"u8": [0, 1, 255, 128, 7, 9], "i8": [-128, 127, 0, -1, 5, 6], "i16": [-32768, 32767, 0, -1, 300, 2],
          "i32": [-2**31, 2**31 - 1, 0, -1, 70000, 3], "f32": [0.5, -1.0, 1e-40, float("inf"), 3.0, 0.0],
          "f64": [0.1, -2.5, 5e-324, float("-inf"), 1e300, 0.0]}


def idx(name, dims, values):
    code, fmt = TYPES[name]
    return bytes([0, 0, code, len(dims)]) + struct.pack(">%dI" % len(dims), *dims) + struct.pack(">%d%s" % (len(values), fmt), *values)


os.makedirs(OUT, exist_ok=True)
for name in TYPES:
    data = idx(name, [2, 3], VALUES[name])
    open(os.path.join(OUT, name + "-2x3.idx"), "wb").write(data)
open(os.path.join(OUT, "u8-1x2x3.idx.gz"), "wb").write(gzip.compress(idx("u8", [1, 2, 3], VALUES["u8"]), mtime=0))
open(os.path.join(OUT, "i16-empty-0x4.idx"), "wb").write(idx("i16", [0, 4], []))
