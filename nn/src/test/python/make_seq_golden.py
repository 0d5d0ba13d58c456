"""Writes nn/src/test/resources/golden/seq_golden.txt: F64 goldens for Weft's recurrent and attention layers.

Run from the repository root with PyTorch installed:  python3 nn/src/test/python/make_seq_golden.py
Each case stores the module's state dict, the inputs, a fixed random cotangent per output, the outputs
and the gradients of sum(output * cotangent); the file format and the case writer are golden_cases.py.
"""
import os
import torch
import torch.nn as nn

from golden_cases import GoldenFile

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "seq_golden.txt")

gold = GoldenFile("nn/src/test/python/make_seq_golden.py", OUT)
case = gold.case


def randomize(module, scale):
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.empty_like(p).uniform_(-scale, scale))


torch.manual_seed(0)

# 2-layer bidirectional batch-first LSTM with h0/c0
def lstm_outputs(output, state):
    return {"output": output, "hN": state[0], "cN": state[1]}


lstm = nn.LSTM(3, 4, num_layers=2, batch_first=True, bidirectional=True)
case("lstm", lstm,
     {"x": torch.randn(2, 5, 3), "h0": torch.randn(4, 2, 4), "c0": torch.randn(4, 2, 4)},
     lambda m, i: lstm_outputs(*m(i["x"], (i["h0"], i["c0"]))),
     ["weight_hh_l0", "bias_ih_l1_reverse", "weight_ih_l1"])

# 2-layer bidirectional time-major GRU with h0
gru = nn.GRU(3, 5, num_layers=2, bidirectional=True)
case("gru", gru, {"x": torch.randn(6, 2, 3), "h0": torch.randn(4, 2, 5)},
     lambda m, i: dict(zip(["output", "hN"], m(i["x"], i["h0"]))),
     ["weight_hh_l0_reverse", "bias_hh_l1", "weight_ih_l0"])

# 2-layer relu RNN, batch-first, no h0
rnn = nn.RNN(4, 3, num_layers=2, nonlinearity="relu", batch_first=True)
case("rnn_relu", rnn, {"x": torch.randn(3, 5, 4)},
     lambda m, i: dict(zip(["output", "hN"], m(i["x"]))),
     ["weight_hh_l1", "bias_ih_l0"])

# unbatched one-layer tanh RNN with h0
rnn1 = nn.RNN(2, 3)
case("rnn_tanh_unbatched", rnn1, {"x": torch.randn(4, 2), "h0": torch.randn(1, 3)},
     lambda m, i: dict(zip(["output", "hN"], m(i["x"], i["h0"]))), ["weight_hh_l0"])

# cells
lcell = nn.LSTMCell(3, 4)
case("lstm_cell", lcell, {"x": torch.randn(2, 3), "h": torch.randn(2, 4), "c": torch.randn(2, 4)},
     lambda m, i: dict(zip(["h", "c"], m(i["x"], (i["h"], i["c"])))), ["weight_ih", "bias_hh"])
gcell = nn.GRUCell(3, 4)
case("gru_cell", gcell, {"x": torch.randn(2, 3), "h": torch.randn(2, 4)},
     lambda m, i: {"h": m(i["x"], i["h"])}, ["weight_hh", "bias_hh"])

# MHA, batch-first self-shaped (L = S) with key padding mask (last key of batch 1) and causal bool mask
mha = nn.MultiheadAttention(8, 2, batch_first=True)
randomize(mha, 0.5)
L = 4
causal = torch.triu(torch.ones(L, L, dtype=torch.bool), diagonal=1)
kpm = torch.zeros(2, L, dtype=torch.bool)
kpm[1, L - 1] = True
case("mha_masks", mha,
     {"q": torch.randn(2, L, 8), "k": torch.randn(2, L, 8), "v": torch.randn(2, L, 8), "kpm": kpm, "causal": causal},
     lambda m, i: dict(zip(["output", "weights"], m(i["q"], i["k"], i["v"], key_padding_mask=i["kpm"],
                                                    attn_mask=i["causal"], need_weights=True))),
     ["in_proj_weight", "out_proj.weight", "in_proj_bias"])

# MHA with kdim/vdim (separate projections), time-major, float additive mask, per-head weights
mha2 = nn.MultiheadAttention(6, 3, kdim=5, vdim=4)
randomize(mha2, 0.5)
case("mha_kdim", mha2,
     {"q": torch.randn(3, 2, 6), "k": torch.randn(5, 2, 5), "v": torch.randn(5, 2, 4), "mask": torch.randn(3, 5)},
     lambda m, i: dict(zip(["output", "weights"], m(i["q"], i["k"], i["v"], attn_mask=i["mask"],
                                                    need_weights=True, average_attn_weights=False))),
     ["q_proj_weight", "k_proj_weight", "v_proj_weight"])

# encoder layers, eval mode, post-norm relu and pre-norm gelu, batch-first, with padding + causal masks
for nf, act in [(False, "relu"), (True, "gelu")]:
    layer = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.1, activation=act,
                                       batch_first=True, norm_first=nf)
    randomize(layer, 0.5)
    layer.eval()
    case("encoder_layer_" + ("norm_first" if nf else "post_norm"), layer,
         {"x": torch.randn(2, 5, 8), "kpm": torch.tensor([[False] * 5, [False] * 3 + [True] * 2]),
          "causal": torch.triu(torch.ones(5, 5, dtype=torch.bool), diagonal=1)},
         lambda m, i: {"output": m(i["x"], src_mask=i["causal"], src_key_padding_mask=i["kpm"])},
         ["self_attn.in_proj_weight", "linear1.weight", "norm2.bias"])

# a 2-layer encoder with a final norm (names layers.{i}.* and norm.*), time-major, no masks
enc_layer = nn.TransformerEncoderLayer(8, 4, dim_feedforward=12, dropout=0.0)
encoder = nn.TransformerEncoder(enc_layer, num_layers=2, norm=nn.LayerNorm(8), enable_nested_tensor=False)
randomize(encoder, 0.5)
encoder.eval()
case("encoder", encoder, {"x": torch.randn(3, 2, 8)},
     lambda m, i: {"output": m(i["x"])}, ["layers.0.linear2.bias", "layers.1.self_attn.out_proj.weight", "norm.weight"])

gold.write()
