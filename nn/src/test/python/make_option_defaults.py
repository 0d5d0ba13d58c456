"""Writes nn/src/test/resources/golden/torch_defaults.txt: the options PyTorch gives each layer when only
the required arguments are passed, read back from the constructed module (so defaults that the signature
leaves to the body, such as stride=None meaning the kernel size, are what PyTorch really uses).
OptionDefaultsTest builds the same layers from Weft's short constructors and options builders and
compares every option. Run from the repository root:  /usr/bin/python3 nn/src/test/python/make_option_defaults.py
Line format:  <layer> <option>=<value> ...   (tuples as a,b; booleans true/false; None as none)
"""
import os
import torch
import torch.nn as nn

out_path = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "torch_defaults.txt")


def fmt(v):
    if v is None:
        return "none"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (tuple, list)):
        return ",".join(fmt(x) for x in v)
    if isinstance(v, float):
        return repr(v)
    return str(v)


def opts(m, *names):
    return {n: getattr(m, n) for n in names}


conv = ("stride", "padding", "dilation", "groups", "padding_mode")
rnn = ("num_layers", "bias", "batch_first", "dropout", "bidirectional")
cases = {}
for name, m in [("Conv1d", nn.Conv1d(4, 6, 3)), ("Conv2d", nn.Conv2d(4, 6, 3))]:
    cases[name] = dict(opts(m, *conv), bias=m.bias is not None)
m = nn.ConvTranspose2d(4, 6, 3)
cases["ConvTranspose2d"] = dict(opts(m, *conv, "output_padding"), bias=m.bias is not None)
cases["Linear"] = dict(bias=nn.Linear(3, 2).bias is not None)
cases["Bilinear"] = dict(bias=nn.Bilinear(2, 3, 4).bias is not None)
cases["Embedding"] = opts(nn.Embedding(7, 3), "padding_idx")
for name, m in [("BatchNorm1d", nn.BatchNorm1d(3)), ("BatchNorm2d", nn.BatchNorm2d(3))]:
    cases[name] = opts(m, "eps", "momentum", "affine", "track_running_stats")
m = nn.LayerNorm(4)
cases["LayerNorm"] = dict(opts(m, "eps", "elementwise_affine"), bias=m.bias is not None)
cases["GroupNorm"] = opts(nn.GroupNorm(2, 6), "eps", "affine")
cases["Dropout"] = opts(nn.Dropout(), "p")
cases["GELU"] = opts(nn.GELU(), "approximate")
cases["MaxPool1d"] = opts(nn.MaxPool1d(3), "stride", "padding", "dilation", "ceil_mode")
cases["MaxPool2d"] = opts(nn.MaxPool2d(3), "stride", "padding", "dilation", "ceil_mode")
cases["AvgPool1d"] = opts(nn.AvgPool1d(3), "stride", "padding", "ceil_mode", "count_include_pad")
cases["AvgPool2d"] = opts(nn.AvgPool2d(3), "stride", "padding", "ceil_mode", "count_include_pad")
m = nn.MultiheadAttention(8, 2)
cases["MultiheadAttention"] = dict(opts(m, "dropout", "batch_first", "kdim", "vdim"), bias=m.in_proj_bias is not None)
m = nn.TransformerEncoderLayer(8, 2)
cases["TransformerEncoderLayer"] = dict(
    dim_feedforward=m.linear1.out_features, dropout=m.dropout.p, activation=m.activation.__name__,
    layer_norm_eps=m.norm1.eps, batch_first=m.self_attn.batch_first, norm_first=m.norm_first,
    bias=m.linear1.bias is not None)
cases["LSTM"] = opts(nn.LSTM(3, 4), *rnn, "proj_size")
cases["GRU"] = opts(nn.GRU(3, 4), *rnn)
m = nn.RNN(3, 4)
cases["RNN"] = dict(opts(m, *rnn), nonlinearity=m.nonlinearity)
cases["RNNCell"] = opts(nn.RNNCell(3, 4), "bias", "nonlinearity")
cases["LSTMCell"] = opts(nn.LSTMCell(3, 4), "bias")
cases["GRUCell"] = opts(nn.GRUCell(3, 4), "bias")
m = nn.CrossEntropyLoss()
cases["CrossEntropyLoss"] = dict(opts(m, "ignore_index", "reduction", "label_smoothing"), weight=m.weight)
m = nn.NLLLoss()
cases["NLLLoss"] = dict(opts(m, "ignore_index", "reduction"), weight=m.weight)
m = nn.BCELoss()
cases["BCELoss"] = dict(opts(m, "reduction"), weight=m.weight)
m = nn.BCEWithLogitsLoss()
cases["BCEWithLogitsLoss"] = dict(opts(m, "reduction"), weight=m.weight, pos_weight=m.pos_weight)
cases["TripletMarginLoss"] = opts(nn.TripletMarginLoss(), "margin", "p", "eps", "swap", "reduction")

with open(out_path, "w") as f:
    f.write(f"# made by nn/src/test/python/make_option_defaults.py with torch {torch.__version__}; do not edit\n")
    for name, o in cases.items():
        f.write(name + " " + " ".join(f"{k}={fmt(v)}" for k, v in sorted(o.items())) + "\n")
