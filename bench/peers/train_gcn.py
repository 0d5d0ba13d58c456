#!/usr/bin/python3
"""Peer numbers for `weft bench train-gcn`: PyTorch 1.13 CPU full-batch epochs of Kipf and Welling's two-layer GCN
(1,433 -> 16 -> 7, dropout 0.5 before each layer, ReLU) on the Cora-shaped graph of dev.weft.bench.train.CoraShaped
(the same splitmix64 draws: 2,708 nodes, 5,278 undirected edges, 18 binary features per node, row-normalized),
the normalized adjacency D^-1/2 (A + I) D^-1/2 computed once as a sparse CSR tensor (GCNConv with cached=True),
each layer torch.sparse.mm(A, x W) + b; cross-entropy on the first 140 nodes; Adam lr 0.01, weight decay 5e-4 on
the first layer. One step = zero_grad + forward + loss + backward + optimizer step. Fields as the Java suite.
Run: env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/train_gcn.py
     [--threads 1,2] [--steps 50] [--rounds 7] [--warmup 3] [--json]
     [--device cuda[:N]]   (the graph, features and model on the GPU; see train_common.py)
"""
import sys

sys.dont_write_bytecode = True  # keep bench/peers free of __pycache__
import numpy as np  # noqa: E402
import spmm  # noqa: E402  (the splitmix64 draws)
import train_common  # noqa: E402

NODES, EDGES, FEATURES, PER_NODE, CLASSES, TRAIN, SEED = 2708, 5278, 1433, 18, 7, 140, 11


def data():
    k = np.arange(EDGES, dtype=np.uint64)
    a = (spmm.draws(SEED, 2 * k) % np.uint64(NODES)).astype(np.int64)
    b = (spmm.draws(SEED, 2 * k + np.uint64(1)) % np.uint64(NODES)).astype(np.int64)
    b = np.where(a == b, (b + 1) % NODES, b)
    src, dst = np.concatenate([a, b]), np.concatenate([b, a])
    x = np.zeros((NODES, FEATURES), dtype=np.float32)
    i = np.arange(NODES * PER_NODE, dtype=np.uint64)
    cols = (spmm.draws(SEED, np.uint64(100_000) + i) % np.uint64(FEATURES)).astype(np.int64)
    x[np.repeat(np.arange(NODES), PER_NODE), cols] = 1
    x /= x.sum(1, keepdims=True)
    y = (spmm.draws(SEED, np.uint64(200_000) + np.arange(NODES, dtype=np.uint64)) % np.uint64(CLASSES)).astype(np.int64)
    return src, dst, x, y


def build(torch, batch, device="cpu"):
    src, dst, x, y = data()
    loops = np.arange(NODES)
    row = np.concatenate([dst, loops])          # targets
    col = np.concatenate([src, loops])
    w = np.ones(len(row), dtype=np.float32)
    deg = np.zeros(NODES, dtype=np.float32)
    np.add.at(deg, row, w)
    norm = deg[row] ** -0.5 * w * deg[col] ** -0.5
    a = torch.sparse_coo_tensor(torch.from_numpy(np.stack([row, col])), torch.from_numpy(norm), (NODES, NODES)).coalesce()
    a = a.to(device).to_sparse_csr()
    xt, yt = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
    train = torch.arange(TRAIN, device=device)

    class Conv(torch.nn.Module):
        def __init__(self, i, o):
            super().__init__()
            self.lin = torch.nn.Linear(i, o, bias=False)
            torch.nn.init.xavier_uniform_(self.lin.weight)
            self.bias = torch.nn.Parameter(torch.zeros(o))

        def forward(self, h):
            return torch.sparse.mm(a, self.lin(h)) + self.bias

    conv1, conv2 = Conv(FEATURES, 16).to(device), Conv(16, CLASSES).to(device)
    opt = torch.optim.Adam([dict(params=conv1.parameters(), weight_decay=5e-4),
                            dict(params=conv2.parameters(), weight_decay=0)], lr=0.01)
    f = torch.nn.functional

    def step():
        opt.zero_grad(set_to_none=True)
        h = f.dropout(xt, 0.5, training=True)
        h = conv1(h).relu()
        h = f.dropout(h, 0.5, training=True)
        out = conv2(h)
        loss = f.cross_entropy(out[train], yt[train])
        loss.backward()
        opt.step()
        return loss
    return step


def main():
    args = train_common.parse(__doc__, batch=NODES, steps=50)
    return train_common.run(args, "train-gcn", "gcn_cora_shaped", "GCN 1433-16-7 Adam, 2708 nodes",
                            {"nodes": NODES, "edges": 2 * EDGES, "features": FEATURES}, build, epoch=True)


if __name__ == "__main__":
    sys.exit(main())
