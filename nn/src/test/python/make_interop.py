#!/usr/bin/python3
"""Safetensors interop fixtures for Weft (dev.weft.nn.io), made with PyTorch 1.13 (CPU).

Usage (from the repository root):
  /usr/bin/python3 nn/src/test/python/make_interop.py make
      writes nn/src/test/resources/interop/{model,expected,dtypes}.safetensors and README.md
  /usr/bin/python3 nn/src/test/python/make_interop.py seeds
      writes the fuzzer's seed files (nn/src/test/resources/dev/weft/nn/io/SafetensorsFuzzTestInputs/fuzzRead)
  /usr/bin/python3 nn/src/test/python/make_interop.py check PATH
      checks a Weft-written file (InteropTest writes nn/target/interop/weft_written.safetensors):
      layout as the format's reference writer makes it, every tensor bit-identical to the fixture
      of the same name, 'weft.*' results close to PyTorch's, and the weights loadable by PyTorch.

The format is written and read here with struct/json (the safetensors package is not installed):
8-byte little-endian header length, compact JSON header padded with spaces to a multiple of 8,
tensors sorted by dtype (descending in the format's dtype order) then by name, packed back to back.
"""
import json
import math
import struct
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]  # nn/src/test
OUT = ROOT / "resources" / "interop"
PRODUCER = "nn/src/test/python/make_interop.py make (torch %s)" % torch.__version__

# The format's dtype order (ascending); files list tensors by it, descending, then by name.
ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16",
         "I32", "U32", "F32", "F64", "I64", "U64"]
TORCH = {"BOOL": torch.bool, "U8": torch.uint8, "I8": torch.int8, "I16": torch.int16,
         "F16": torch.float16, "BF16": torch.bfloat16, "I32": torch.int32, "F32": torch.float32,
         "F64": torch.float64, "I64": torch.int64}
SIZE = {"BOOL": 1, "U8": 1, "I8": 1, "I16": 2, "F16": 2, "BF16": 2, "I32": 4, "F32": 4, "F64": 8, "I64": 8}
NAME = {v: k for k, v in TORCH.items()}


def raw_bytes(t):
    """Little-endian bytes of a tensor (numpy has no bfloat16, so 16-bit floats go through int16)."""
    t = t.contiguous()
    if t.dtype in (torch.float16, torch.bfloat16):
        t = t.view(torch.int16)
    a = t.numpy()
    return a.astype(a.dtype.newbyteorder("<")).tobytes()


def from_bytes(data, dtype_name, shape):
    dt = TORCH[dtype_name]
    if dt in (torch.float16, torch.bfloat16):
        t = torch.frombuffer(bytearray(data), dtype=torch.int16).view(dt) if data else torch.empty(0, dtype=dt)
    else:
        t = torch.frombuffer(bytearray(data), dtype=dt) if data else torch.empty(0, dtype=dt)
    return t.reshape(shape)


def save(path, tensors, metadata):
    items = sorted(tensors.items(), key=lambda kv: (-ORDER.index(NAME[kv[1].dtype]), kv[0].encode("utf-8")))
    header = {}
    if metadata:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata, key=lambda k: k.encode("utf-8"))}
    blobs, offset = [], 0
    for name, t in items:
        b = raw_bytes(t)
        header[name] = {"dtype": NAME[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    Path(path).write_bytes(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def load(path, strict_layout=False):
    """Returns (header dict, metadata, {name: (dtype, tensor, raw bytes)}); strict_layout checks the writer's rules."""
    data = Path(path).read_bytes()
    assert len(data) >= 8, "%s: shorter than 8 bytes" % path
    (n,) = struct.unpack("<Q", data[:8])
    assert 8 + n <= len(data), "%s: header length %d runs past the file" % (path, n)
    raw = data[8:8 + n]
    header = json.loads(raw.decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    tensors = {}
    spans = sorted((info["data_offsets"][0], info["data_offsets"][1], name) for name, info in header.items())
    pos = 0
    for b, e, name in spans:
        assert b == pos, "%s: tensor %r starts at %d, expected %d" % (path, name, b, pos)
        info = header[name]
        assert e - b == math.prod(info["shape"]) * SIZE[info["dtype"]], "%s: %r size mismatch" % (path, name)
        chunk = data[8 + n + b:8 + n + e]
        tensors[name] = (info["dtype"], from_bytes(chunk, info["dtype"], info["shape"]), chunk)
        pos = e
    assert 8 + n + pos == len(data), "%s: tensors cover %d of %d data bytes" % (path, pos, len(data) - 8 - n)
    if strict_layout:
        assert n % 8 == 0, "header length %d is not a multiple of 8" % n
        text = raw.decode("utf-8")
        assert text.startswith("{") and text.rstrip(" ").endswith("}"), "header must be an object padded with spaces"
        assert len(text) - len(text.rstrip(" ")) < 8, "more than 7 padding spaces"
        order = [name for _, _, name in spans]
        want = sorted(order, key=lambda k: (-ORDER.index(header[k]["dtype"]), k.encode("utf-8")))
        assert order == want, "tensors not in the reference order:\n  got  %s\n  want %s" % (order, want)
        compact = json.dumps(dict(([("__metadata__", {k: metadata[k] for k in sorted(metadata, key=lambda k: k.encode("utf-8"))})]
                                    if metadata else []) + [(k, {"dtype": header[k]["dtype"], "shape": header[k]["shape"], "data_offsets": header[k]["data_offsets"]})
                                       for k in order]),
                             separators=(",", ":"), ensure_ascii=False)
        assert text.rstrip(" ") == compact, "header is not the compact JSON the reference writes:\n%s\n%s" % (text, compact)
    return header, metadata, tensors


class Net(torch.nn.Module):
    """x: (B, 2, 4, 4) -> conv (B, 3, 4, 4) -> rows as time: (B, T=4, C=12) -> LSTM (B, 4, 5) -> LayerNorm -> MLP (B, 4, 3)."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(2, 3, kernel_size=3, padding=1)
        self.lstm = torch.nn.LSTM(input_size=12, hidden_size=5, batch_first=True)
        self.norm = torch.nn.LayerNorm(5)
        self.mlp = torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))

    def forward(self, x):
        h = self.conv(x)                                   # (B, 3, 4, 4)
        b = h.shape[0]
        h = h.permute(0, 2, 1, 3).reshape(b, 4, 12)        # (B, T=4, C=3*4): row t of every channel
        h, _ = self.lstm(h)                                # (B, 4, 5), zero initial state
        return self.mlp(self.norm(h))                      # (B, 4, 3)


def model_and_expected():
    torch.manual_seed(0)
    net = Net().double()
    x = torch.randn(2, 2, 4, 4, dtype=torch.float64, requires_grad=True)
    y = net(x)
    loss = (y ** 2).sum()
    loss.backward()
    expected = {"x": x.detach(), "y": y.detach(), "loss": loss.detach(), "grad.x": x.grad}
    for name, p in net.named_parameters():
        expected["grad." + name] = p.grad
    return net, expected


F16_SRC = [1.0, -2.5, 65504.0, 65519.99609375, 65520.0, 1e6, 1.0 + 2 ** -11, 1.0 + 3 * 2 ** -11,
           1.0 + 2 ** -11 + 2 ** -23, 2 ** -24, 2 ** -25, 2 ** -25 + 2 ** -35, 3 * 2 ** -25, 2 ** -14,
           2 ** -14 - 2 ** -24, 2 ** -14 - 2 ** -25, 1e-10, 1e-40, 0.1, -0.0, math.inf, -math.inf, math.nan,
           3.14159265, -1234.5678]
BF16_SRC = [1.0, -2.5, 65504.0, 1.0 + 2 ** -8, 1.0 + 3 * 2 ** -8, 1.0 + 2 ** -8 + 2 ** -20,
            3.3895313892515355e38, 3.3961775292304e38, 3.4028234663852886e38, 2 ** -126, 2 ** -133,
            2 ** -134, 3 * 2 ** -134, 1e-40, 1e-45, 0.1, -0.0, math.inf, -math.inf, math.nan, 3.14159265]


def dtype_fixture():
    f16_src = torch.tensor(F16_SRC, dtype=torch.float32)
    bf16_src = torch.tensor(BF16_SRC, dtype=torch.float32)
    g = torch.Generator().manual_seed(1)
    rnd = torch.randn(6, generator=g, dtype=torch.float32) * 1000
    return {
        "f32": torch.tensor([1.0, -2.5, 65504.0, 1e-40, 3.4028234663852886e38, -0.0, math.inf, -math.inf, math.nan],
                            dtype=torch.float32).reshape(3, 3),
        "f64": torch.tensor([1.0, -2.5, 1e-310, 1.7976931348623157e308, -0.0, math.inf, math.nan, 0.1], dtype=torch.float64),
        "f64_scalar": torch.tensor(3.25, dtype=torch.float64),
        "f16_src": f16_src,
        "f16": f16_src.to(torch.float16),
        "bf16_src": bf16_src,
        "bf16": bf16_src.to(torch.bfloat16),
        "rnd_src": rnd,
        "rnd_f16": rnd.to(torch.float16),
        "rnd_bf16": rnd.to(torch.bfloat16),
        "i32": torch.tensor([-2 ** 31, -1, 0, 1, 2 ** 31 - 1], dtype=torch.int32),
        "i64": torch.tensor([-2 ** 63, -1, 0, 1, 2 ** 63 - 1], dtype=torch.int64).reshape(5, 1),
        "i64_scalar": torch.tensor(-7, dtype=torch.int64),
        "i16": torch.tensor([-32768, -1, 0, 32767], dtype=torch.int16),
        "i8": torch.tensor([-128, -1, 0, 127], dtype=torch.int8),
        "u8": torch.tensor([0, 1, 128, 255], dtype=torch.uint8),
        "bool": torch.tensor([[True, False, True], [False, False, True]]),
        "empty": torch.zeros(0, 3, dtype=torch.float32),
    }


NOTE = "tab\there \"quoted\" back\\slash newline\nunicode \u00e9\u2603\U0001F600 ctrl\u0001"


def make():
    OUT.mkdir(parents=True, exist_ok=True)
    net, expected = model_and_expected()
    meta = {"format": "pt", "producer": PRODUCER}
    save(OUT / "model.safetensors", {k: v.detach() for k, v in net.state_dict().items()}, meta)
    save(OUT / "expected.safetensors", expected, meta)
    save(OUT / "dtypes.safetensors", dtype_fixture(), {"producer": PRODUCER, "note": NOTE})
    (OUT / "README.md").write_text(
        "# Safetensors interop fixtures\n\n"
        "Made by `/usr/bin/python3 nn/src/test/python/make_interop.py make` (torch %s, CPU); do not edit.\n\n"
        "- `model.safetensors`: state dict (F64) of the script's `Net`: conv = Conv2d(2, 3, 3, padding=1),\n"
        "  rows as time (B, 4, 12), lstm = LSTM(12, 5, batch_first=True), norm = LayerNorm(5),\n"
        "  mlp = Sequential(Linear(5, 8), ReLU(), Linear(8, 3)); `torch.manual_seed(0)`.\n"
        "- `expected.safetensors`: input `x` (2, 2, 4, 4), output `y` (2, 4, 3), `loss` = sum(y^2) (0-dim),\n"
        "  `grad.x` and `grad.<parameter>` of the loss.\n"
        "- `dtypes.safetensors`: every dtype Weft reads, with special values; `f16`/`bf16`/`rnd_*` are\n"
        "  PyTorch's conversions of the F32 `*_src` tensors; metadata `note` holds escapes and non-ASCII.\n\n"
        "The other direction (manual; CI has no Python): `mvn -pl nn test -Dtest=InteropTest` writes\n"
        "`nn/target/interop/weft_written.safetensors`, then\n"
        "`/usr/bin/python3 nn/src/test/python/make_interop.py check nn/target/interop/weft_written.safetensors`.\n"
        % torch.__version__)
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print("wrote %s (%d bytes)" % (OUT, total))


def same_bits(dtype, a, raw_a, b, raw_b):
    """Bit-identical, except that any NaN matches any NaN: PyTorch's vectorized F32->BF16 writes NaN as
    0xFFFF, Weft (like PyTorch's scalar path) as the quiet 0x7FC0."""
    if raw_a == raw_b:
        return True
    if not a.is_floating_point() or a.shape != b.shape:
        return False
    na, nb = torch.isnan(a.float()), torch.isnan(b.float())
    bits = {2: torch.int16, 4: torch.int32, 8: torch.int64}[SIZE[dtype]]
    return torch.equal(na, nb) and torch.equal(a[~na].view(bits), b[~nb].view(bits))


def check(path):
    _, meta, weft = load(path, strict_layout=True)
    refs, ref_meta = {}, {}
    for f in ("model", "expected", "dtypes"):
        _, m, t = load(OUT / (f + ".safetensors"))
        refs.update(t)
        ref_meta.update(m)
    exact, close, problems = 0, 0, []
    for name, (dt, t, raw) in weft.items():
        if name in refs:
            rdt, _, rraw = refs[name]
            if dt != rdt or not same_bits(dt, t, raw, refs[name][1], rraw):
                problems.append("%s: %s %s differs from the fixture's %s %s" % (name, dt, list(t.shape), rdt, list(refs[name][1].shape)))
            exact += 1
        elif name.startswith("weft.") and name[5:] in refs:
            ref = refs[name[5:]][1]
            if t.shape != ref.shape or not torch.allclose(t.double(), ref.double(), rtol=1e-9, atol=1e-11):
                err = (t.double() - ref.double()).abs().max().item() if t.shape == ref.shape else float("nan")
                problems.append("%s: differs from PyTorch's %s (max abs err %g)" % (name, name[5:], err))
            close += 1
        else:
            problems.append("%s: no fixture of that name" % name)
    for k, v in meta.items():
        if k in ref_meta and ref_meta[k] != v and k != "producer":
            problems.append("metadata %r: %r != fixture %r" % (k, v, ref_meta[k]))
    net, expected = model_and_expected()
    state = {k: weft[k][1] for k in net.state_dict() if k in weft}
    if len(state) == len(net.state_dict()):
        fresh = Net().double()
        fresh.load_state_dict(state, strict=True)
        with torch.no_grad():
            y = fresh(expected["x"])
        if not torch.equal(y, expected["y"]):
            problems.append("PyTorch forward with the Weft-written weights differs from the fixture y")
        else:
            print("PyTorch loaded the %d Weft-written weights (strict) and reproduced y exactly" % len(state))
    print("%s: %d tensors, %d bit-identical to the fixtures, %d Weft results within rtol 1e-9; metadata %s"
          % (path, len(weft), exact, close, sorted(meta)))
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("OK")


SEEDS = ROOT / "resources" / "dev" / "weft" / "nn" / "io" / "SafetensorsFuzzTestInputs" / "fuzzRead"


def seeds():
    """Small valid files that start the reader's fuzzer (SafetensorsFuzzTest) in every corner of the format."""
    SEEDS.mkdir(parents=True, exist_ok=True)
    files = {
        "empty": ({}, {}),
        "metadata_only": ({}, {"format": "pt", "k": "v\u00e9\n"}),
        "one_f32": ({"w": torch.tensor([[1.0, -2.0], [0.5, 3.0]])}, {}),
        "scalars": ({"s": torch.tensor(1.5, dtype=torch.float64), "i": torch.tensor(3), "b": torch.tensor(True)}, {}),
        "empty_tensors": ({"e": torch.zeros(0, 4), "f": torch.zeros(2, 0, dtype=torch.int32)}, {"a": "b"}),
        "halves": ({"h": torch.tensor([1.0, -0.0, float("inf"), float("nan")], dtype=torch.float16),
                    "b": torch.tensor([1.0, 2.0 ** -130, float("-inf")], dtype=torch.bfloat16)}, {}),
        "narrow_ints": ({"u": torch.tensor([0, 255], dtype=torch.uint8), "i": torch.tensor([-128, 5], dtype=torch.int8),
                         "s": torch.tensor([-300], dtype=torch.int16)}, {}),
        "mixed": ({"a.weight": torch.ones(2, 3), "a.bias": torch.zeros(2, dtype=torch.float64),
                   "idx": torch.tensor([1, 2, 3], dtype=torch.int64), "mask": torch.tensor([True, False])}, {"format": "pt"}),
    }
    for name, (tensors, meta) in files.items():
        save(SEEDS / name, tensors, meta)
    print("wrote %d seeds to %s" % (len(files), SEEDS))


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "make":
        make()
    elif len(sys.argv) == 2 and sys.argv[1] == "seeds":
        seeds()
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        check(sys.argv[2])
    else:
        sys.exit(__doc__)
