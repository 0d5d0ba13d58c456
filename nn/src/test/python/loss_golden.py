"""Writes nn/src/test/resources/golden/loss_golden.txt: PyTorch reference values of every Weft loss.

Each case stores its inputs, the loss and the gradient of sum(loss) with respect to each input
that requires grad, all in float64. LossGoldenTest computes the same case in Weft and compares.
Run from the repository root: /usr/bin/python3 nn/src/test/python/loss_golden.py
"""
import os
import torch
import torch.nn.functional as F

torch.manual_seed(1234)
D = torch.float64
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "loss_golden.txt")
lines = []


def fmt(t):
    t = t.detach()
    shape = ",".join(str(s) for s in t.shape) if t.dim() > 0 else "-"
    kind = "i64" if t.dtype in (torch.int64, torch.int32) else "f64"
    vals = " ".join(repr(int(v)) if kind == "i64" else repr(float(v)) for v in t.reshape(-1).tolist())
    return f"{kind} {shape} {vals}".rstrip()


def case(name, fn, inputs, grads):
    """inputs: dict name -> tensor; grads: names of inputs to differentiate."""
    for k in grads:
        inputs[k] = inputs[k].clone().requires_grad_(True)
    loss = fn(**inputs)
    for k, v in inputs.items():
        lines.append(f"{name} {k} {fmt(v)}")
    lines.append(f"{name} loss {fmt(loss)}")
    if grads:
        gs = torch.autograd.grad(loss.sum(), [inputs[k] for k in grads])
        for k, g in zip(grads, gs):
            lines.append(f"{name} grad.{k} {fmt(g)}")


def rn(*s):
    return torch.randn(*s, dtype=D)


def probs(*s, dim=1):
    return torch.softmax(rn(*s), dim=dim)


# regression
for red in ("mean", "sum", "none"):
    case(f"mse_{red}", lambda x, y, red=red: F.mse_loss(x, y, reduction=red), {"x": rn(3, 4), "y": rn(3, 4)}, ["x", "y"])
    case(f"l1_{red}", lambda x, y, red=red: F.l1_loss(x, y, reduction=red), {"x": rn(3, 4), "y": rn(3, 4)}, ["x", "y"])
case("smoothl1_b05", lambda x, y: F.smooth_l1_loss(x, y, beta=0.5), {"x": rn(5, 3), "y": rn(5, 3)}, ["x"])
case("smoothl1_b0_sum", lambda x, y: F.smooth_l1_loss(x, y, beta=0.0, reduction="sum"), {"x": rn(5, 3), "y": rn(5, 3)}, ["x"])
case("huber_d07_none", lambda x, y: F.huber_loss(x, y, delta=0.7, reduction="none"), {"x": rn(5, 3), "y": rn(5, 3)}, ["x"])
case("huber_mean", lambda x, y: F.huber_loss(x, y), {"x": 2 * rn(6), "y": rn(6)}, ["x"])

# cross-entropy with class indices
tgt = torch.tensor([1, 0, 3, 3, 2])
tgt_ign = torch.tensor([1, -100, 3, 3, -100])
w = torch.rand(4, dtype=D) + 0.5
for red in ("mean", "sum", "none"):
    case(f"ce_{red}", lambda x, y, red=red: F.cross_entropy(x, y, reduction=red), {"x": rn(5, 4), "y": tgt}, ["x"])
    case(f"ce_w_ign_{red}", lambda x, y, w, red=red: F.cross_entropy(x, y, weight=w, ignore_index=-100, reduction=red),
         {"x": rn(5, 4), "y": tgt_ign, "w": w}, ["x"])
    case(f"ce_w_ign_ls_{red}", lambda x, y, w, red=red: F.cross_entropy(x, y, weight=w, reduction=red, label_smoothing=0.2),
         {"x": rn(5, 4), "y": tgt_ign, "w": w}, ["x"])
    case(f"ce_prob_w_ls_{red}", lambda x, y, w, red=red: F.cross_entropy(x, y, weight=w, reduction=red, label_smoothing=0.1),
         {"x": rn(5, 4), "y": probs(5, 4), "w": w}, ["x", "y"])
case("ce_w_mean", lambda x, y, w: F.cross_entropy(x, y, weight=w), {"x": rn(5, 4), "y": tgt, "w": w}, ["x"])
case("ce_ign2_mean", lambda x, y: F.cross_entropy(x, y, ignore_index=3), {"x": rn(5, 4), "y": tgt}, ["x"])
case("ce_ls_mean", lambda x, y: F.cross_entropy(x, y, label_smoothing=0.3), {"x": rn(5, 4), "y": tgt}, ["x"])
case("ce_prob_mean", lambda x, y: F.cross_entropy(x, y), {"x": rn(5, 4), "y": probs(5, 4)}, ["x"])
case("ce_nd_mean", lambda x, y: F.cross_entropy(x, y), {"x": rn(2, 3, 2, 2), "y": torch.randint(0, 3, (2, 2, 2))}, ["x"])
case("ce_nd_w_ign_ls_none", lambda x, y, w: F.cross_entropy(x, y, weight=w, ignore_index=1, reduction="none", label_smoothing=0.1),
     {"x": rn(2, 3, 4), "y": torch.tensor([[0, 1, 2, 2], [1, 1, 0, 2]]), "w": torch.tensor([0.3, 1.0, 2.0], dtype=D)}, ["x"])
case("ce_unbatched", lambda x, y: F.cross_entropy(x, y), {"x": rn(4), "y": torch.tensor(2)}, ["x"])
case("ce_large_logits", lambda x, y: F.cross_entropy(x, y), {"x": 300 * rn(3, 4), "y": torch.tensor([0, 1, 2])}, ["x"])

# nll
case("nll_mean", lambda x, y: F.nll_loss(x, y), {"x": torch.log_softmax(rn(5, 4), 1), "y": tgt}, ["x"])
case("nll_w_ign_sum", lambda x, y, w: F.nll_loss(x, y, weight=w, ignore_index=3, reduction="sum"),
     {"x": rn(5, 4), "y": tgt, "w": w}, ["x"])
case("nll_w_mean", lambda x, y, w: F.nll_loss(x, y, weight=w), {"x": rn(5, 4), "y": tgt, "w": w}, ["x"])

# binary
p = torch.rand(4, 3, dtype=D) * 0.9 + 0.05
case("bce_mean", lambda x, y: F.binary_cross_entropy(x, y), {"x": p, "y": torch.rand(4, 3, dtype=D)}, ["x", "y"])
case("bce_w_none", lambda x, y, w: F.binary_cross_entropy(x, y, weight=w, reduction="none"),
     {"x": p, "y": torch.bernoulli(torch.full((4, 3), 0.5, dtype=D)), "w": torch.rand(3, dtype=D)}, ["x"])
case("bcel_mean", lambda x, y: F.binary_cross_entropy_with_logits(x, y), {"x": 3 * rn(4, 3), "y": torch.rand(4, 3, dtype=D)}, ["x", "y"])
case("bcel_w_pw_sum", lambda x, y, w, pw: F.binary_cross_entropy_with_logits(x, y, weight=w, pos_weight=pw, reduction="sum"),
     {"x": 3 * rn(4, 3), "y": torch.rand(4, 3, dtype=D), "w": torch.rand(4, 1, dtype=D), "pw": torch.rand(3, dtype=D) * 3}, ["x", "y"])
case("bcel_extreme_none", lambda x, y: F.binary_cross_entropy_with_logits(x, y, reduction="none"),
     {"x": torch.tensor([-80.0, -30.0, 0.0, 30.0, 80.0], dtype=D), "y": torch.tensor([1.0, 0.0, 0.5, 1.0, 0.0], dtype=D)}, ["x"])

# KL
t = probs(4, 5)
t[0, 1] = 0.0
for red in ("mean", "batchmean", "sum", "none"):
    case(f"kl_{red}", lambda x, y, red=red: F.kl_div(x, y, reduction=red), {"x": torch.log_softmax(rn(4, 5), 1), "y": t}, ["x"])
case("kl_logt_batchmean", lambda x, y: F.kl_div(x, y, reduction="batchmean", log_target=True),
     {"x": torch.log_softmax(rn(4, 5), 1), "y": torch.log_softmax(rn(4, 5), 1)}, ["x", "y"])
case("kl_targetgrad_sum", lambda x, y: F.kl_div(x, y, reduction="sum"), {"x": rn(3, 2), "y": torch.rand(3, 2, dtype=D) + 0.1}, ["x", "y"])

# pairs and triplets
lab = torch.tensor([1, -1, 1, -1, -1])
case("cos_m02_mean", lambda a, b, y: F.cosine_embedding_loss(a, b, y, margin=0.2), {"a": rn(5, 3), "b": rn(5, 3), "y": lab}, ["a", "b"])
case("cos_none", lambda a, b, y: F.cosine_embedding_loss(a, b, y, margin=-0.5, reduction="none"),
     {"a": rn(5, 3), "b": rn(5, 3), "y": lab}, ["a", "b"])
case("triplet_mean", lambda a, p, n: F.triplet_margin_loss(a, p, n), {"a": rn(4, 3), "p": rn(4, 3), "n": rn(4, 3)}, ["a", "p", "n"])
case("triplet_swap_p1_sum", lambda a, p, n: F.triplet_margin_loss(a, p, n, margin=2.0, p=1, swap=True, reduction="sum"),
     {"a": rn(4, 3), "p": rn(4, 3), "n": rn(4, 3)}, ["a", "p", "n"])
case("triplet_p3_none", lambda a, p, n: F.triplet_margin_loss(a, p, n, margin=1.5, p=3, eps=1e-3, reduction="none"),
     {"a": rn(4, 3), "p": rn(4, 3), "n": rn(4, 3)}, ["a", "p", "n"])
case("rank_m03_mean", lambda a, b, y: F.margin_ranking_loss(a, b, y, margin=0.3), {"a": rn(6), "b": rn(6), "y": torch.tensor([1., -1., 1., 1., -1., -1.], dtype=D)}, ["a", "b"])
case("rank_sum", lambda a, b, y: F.margin_ranking_loss(a, b, y, reduction="sum"), {"a": rn(6), "b": rn(6), "y": torch.tensor([1., -1., 1., 1., -1., -1.], dtype=D)}, ["a", "b"])

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    f.write(f"# made by nn/src/test/python/loss_golden.py with torch {torch.__version__}; "
            "line: case key dtype shape(- for 0-d) values\n")
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines)} lines to {OUT}")
