#!/usr/bin/python3
"""Writes the golden data of dev.weft.autograd.GoldenTest: inputs, outputs and gradients of a few
composite functions computed by PyTorch in float64. Run from the repository root:
    /usr/bin/python3 autograd/src/test/python/make_golden.py
It rewrites autograd/src/test/resources/golden/autograd_golden.txt; the Java test only reads that file.
Format (golden_format.py): after '#' header lines, blocks 'case NAME' ... 'end'; each tensor is a line
'KIND NAME d0,d1,...' (KIND: input, const, output, grad; '-' for a 0-d shape) and a line of values.
"""
import os

import torch
import torch.nn.functional as F

from golden_format import fmt, header, write

torch.manual_seed(0)
DT = torch.float64
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "autograd_golden.txt")


def rand(*shape, lo=-1.0, hi=1.0):
    return (torch.rand(*shape, dtype=DT) * (hi - lo) + lo).requires_grad_(True)


def mlp():
    x, w1, b1, w2, b2 = rand(5, 4), rand(8, 4), rand(8), rand(3, 8), rand(3)
    h1 = torch.tanh(x @ w1.t() + b1)
    h2 = F.gelu(h1 @ w2.t() + b2)
    loss = (h2 ** 2).mean() + 0.1 * w1.norm()
    return dict(x=x, w1=w1, b1=b1, w2=w2, b2=b2), {}, loss


def softmax_nll():
    logits = rand(4, 5, lo=-2, hi=2)
    onehot = F.one_hot(torch.tensor([1, 0, 4, 2]), 5).to(DT)
    logp = F.log_softmax(logits, dim=1)
    nll = -(logp * onehot).sum() / 4
    p = torch.softmax(logits, dim=1)
    ent = -(p * logp).sum(dim=1).mean()
    loss = nll + 0.5 * ent + torch.logsumexp(logits, dim=0).sum() * 0.1
    return dict(logits=logits), dict(onehot=onehot), loss


def broadcast_reduce():
    a, b, c = rand(3, 1, 4), rand(5, 1), rand(4)
    y = a * b + c.exp()                                   # (3, 5, 4)
    loss = (y.sum(0).amax(1).sum() + y.var(dim=2).mean() + y.logsumexp(1).sum() * 0.5
            + (a.abs() + 1).prod() * 0.01 + y.std() + y.cumsum(2).mean() + (y - y.mean(0, keepdim=True)).pow(2).sum()
            + torch.maximum(a, b.unsqueeze(0)).sum() + y.max(dim=1).values.sum() * 0.1)
    return dict(a=a, b=b, c=c), {}, loss


def einsum_matmul():
    A, B, C = rand(2, 3, 4), rand(4, 5), rand(2, 5, 3)
    y = torch.matmul(A, B)                                # (2, 3, 5)
    z = torch.einsum("bij,bjk->bik", y, C)                # (2, 3, 3)
    t = torch.einsum("bii->b", z)                         # traces (diagonal view)
    loss = (t.sum() + torch.einsum("ij,ij->", B, B) + (A.transpose(1, 2) @ A).norm()
            + torch.einsum("bij,jk->bik", A, B).sigmoid().sum() + z[:, 1:, ::2].sum())
    return dict(A=A, B=B, C=C), {}, loss


def conv_index_linalg():
    x, w, b = rand(2, 3, 6, 6), rand(4, 3, 3, 3), rand(4)
    m, rhs = rand(3, 3), rand(3, 2)
    idx = torch.tensor([[0, 2, 1], [1, 1, 0]])
    y = F.max_pool2d(F.relu(F.conv2d(x, w, b, padding=1)), 2)          # (2, 4, 3, 3)
    z = F.avg_pool2d(y, 2, stride=1)                                    # (2, 4, 2, 2)
    picked = y.flatten(1).gather(1, idx * 7)                             # (2, 3)
    spd = m @ m.t() + 3 * torch.eye(3, dtype=DT)
    loss = (picked.logsumexp(1).sum() + z.square().sum() + y.sort(dim=-1).values[..., 0].sum()
            + torch.linalg.solve(spd, rhs).sum() + torch.linalg.cholesky(spd).sum() + torch.linalg.det(spd) * 0.1
            + y.index_select(1, torch.tensor([3, 0])).mean())
    return dict(x=x, w=w, b=b, m=m, rhs=rhs), dict(idx=idx.to(DT)), loss


def new_ops():
    a, b, c = rand(3, 4), rand(3, 4), rand(3, 4, lo=0.5, hi=1.5)
    x1, x2, z = rand(2, 5, 3), rand(2, 4, 3), rand(3, 3)
    mask = torch.tensor([[1.0], [0.0], [1.0]], dtype=DT)           # a zero row: norm and std at a singular point
    reps = torch.tensor([1, 0, 2])
    zm = z * mask
    loss = (a.addcmul(b, c, value=0.5).sum() + a.addcdiv(b, c, value=-0.25).square().sum()
            + torch.nan_to_num(a / c).sum() + a.repeat_interleave(reps, dim=0).pow(2).sum()
            + torch.cdist(x1, x2).sum() + torch.cdist(x1, x2, p=1).mean() + torch.cdist(x1, x1, p=3).sum()
            + zm.norm(dim=1).sum() + zm.std(dim=1).sum() + zm.norm(p=3, dim=1).sum())
    return dict(a=a, b=b, c=c, x1=x1, x2=x2, z=z), dict(mask=mask, reps=reps.to(DT)), loss


def inplace_ops():
    x, v, w, m = rand(4, 3), rand(2, 3), rand(3), rand(4, 3)
    keep = torch.tensor([[1.0], [0.0], [1.0], [0.0]], dtype=DT)  # rows masked_fill_ overwrites
    y = x * 1.0
    y.index_put_((torch.tensor([3, 0]),), v)
    y.index_put_((torch.tensor([1, 1]),), w, accumulate=True)
    y.masked_fill_(keep.expand(4, 3) > 0.5, 0.25)
    y.clamp_(-0.5, 0.8)
    y.addcmul_(m, m, value=0.3)
    p = torch.nn.functional.pad(x, (1, 2), mode="reflect")
    u = x.unbind(1)
    loss = y.square().sum() + p.sin().sum() + (u[0] * u[2].exp()).sum()
    return dict(x=x, v=v, w=w, m=m), dict(keep=keep), loss


CASES = [("mlp", mlp), ("softmax_nll", softmax_nll), ("broadcast_reduce", broadcast_reduce),
         ("einsum_matmul", einsum_matmul), ("conv_index_linalg", conv_index_linalg), ("new_ops", new_ops),
         ("inplace_ops", inplace_ops)]


def main():
    lines = header("autograd", "dev.weft.autograd.GoldenTest", "autograd/src/test/python/make_golden.py")
    for name, fn in CASES:
        inputs, consts, loss = fn()
        grads = torch.autograd.grad(loss, list(inputs.values()))
        lines.append(f"case {name}\n")
        for k, v in inputs.items():
            lines.append(fmt("input", k, v))
        for k, v in consts.items():
            lines.append(fmt("const", k, v))
        lines.append(fmt("output", "loss", loss))
        for k, g in zip(inputs.keys(), grads):
            lines.append(fmt("grad", k, g))
        lines.append("end\n")
    write(OUT, lines)
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
