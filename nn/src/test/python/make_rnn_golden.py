"""Writes nn/src/test/resources/golden/rnn_golden.txt: F64 goldens for Weft's LSTM proj_size and packed sequences.

Run from the repository root with PyTorch installed:  python3 nn/src/test/python/make_rnn_golden.py
Same file format, case writer and loss as make_seq_golden.py (golden_cases.py): per case the state dict, the
inputs, a fixed random cotangent R per output (loss = sum(output * R)), the outputs, and the loss's gradients
w.r.t. the inputs and a few parameters. Packed cases store the padded input and its lengths ("input.lengths", not
differentiated); their "output" is pad_packed_sequence of the packed output, so positions past a length are 0.
"""
import os
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from golden_cases import GoldenFile

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "rnn_golden.txt")

gold = GoldenFile("nn/src/test/python/make_rnn_golden.py", OUT)
case = gold.case


def lstm_run(batch_first, packed, enforce_sorted=False):
    def run(m, i):
        x = i["x"]
        if packed:
            x = pack_padded_sequence(x, i["lengths"], batch_first=batch_first, enforce_sorted=enforce_sorted)
        state = (i["h0"], i["c0"]) if "h0" in i else None
        out, (h, c) = m(x, state)
        if packed:
            out, _ = pad_packed_sequence(out, batch_first=batch_first)
        return {"output": out, "hN": h, "cN": c}
    return run


def gru_run(batch_first):
    def run(m, i):
        x = pack_padded_sequence(i["x"], i["lengths"], batch_first=batch_first, enforce_sorted=False)
        out, h = m(x, i.get("h0"))
        out, _ = pad_packed_sequence(out, batch_first=batch_first)
        return {"output": out, "hN": h}
    return run


torch.manual_seed(0)

# 2-layer bidirectional batch-first LSTM with proj_size, padded input, h0 (4, B, P) and c0 (4, B, H)
lstm = nn.LSTM(3, 5, num_layers=2, batch_first=True, bidirectional=True, proj_size=2)
case("lstm_proj", lstm, {"x": torch.randn(2, 4, 3), "h0": torch.randn(4, 2, 2), "c0": torch.randn(4, 2, 5)},
     lstm_run(True, False), ["weight_hr_l0", "weight_hr_l1_reverse", "weight_hh_l1", "bias_ih_l0_reverse"])

# 2-layer bidirectional batch-first LSTM on unsorted unequal lengths, with h0/c0
lstm = nn.LSTM(3, 4, num_layers=2, batch_first=True, bidirectional=True)
case("lstm_packed", lstm,
     {"x": torch.randn(4, 5, 3), "lengths": torch.tensor([3, 5, 1, 4]), "h0": torch.randn(4, 4, 4), "c0": torch.randn(4, 4, 4)},
     lstm_run(True, True), ["weight_hh_l0", "weight_ih_l1_reverse", "bias_hh_l0_reverse", "weight_hh_l1"])

# 2-layer bidirectional time-major GRU on unsorted unequal lengths, with h0
gru = nn.GRU(3, 4, num_layers=2, bidirectional=True)
case("gru_packed", gru, {"x": torch.randn(5, 3, 3), "lengths": torch.tensor([2, 5, 3]), "h0": torch.randn(4, 3, 4)},
     gru_run(False), ["weight_hh_l0_reverse", "bias_hh_l1", "weight_ih_l0", "bias_hh_l0"])

# 2-layer bidirectional time-major LSTM with proj_size on sorted lengths (enforce_sorted=True), zero state
lstm = nn.LSTM(2, 4, num_layers=2, bidirectional=True, proj_size=3)
case("lstm_proj_packed_sorted", lstm, {"x": torch.randn(4, 4, 2), "lengths": torch.tensor([4, 3, 3, 1])},
     lstm_run(False, True, enforce_sorted=True), ["weight_hr_l1", "weight_hr_l0_reverse", "weight_ih_l0"])

# 1-layer bidirectional tanh RNN, batch-first, unsorted lengths, no h0
rnn = nn.RNN(2, 3, bidirectional=True, batch_first=True)
case("rnn_packed", rnn, {"x": torch.randn(3, 4, 2), "lengths": torch.tensor([1, 4, 2])},
     gru_run(True), ["weight_hh_l0", "weight_hh_l0_reverse"])

gold.write()
