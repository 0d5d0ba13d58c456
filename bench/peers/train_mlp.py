#!/usr/bin/python3
"""Peer numbers for `weft bench train-mlp`: PyTorch 1.13 CPU eager training steps of the MLP
784-256-128-10 (Linear+ReLU, Linear+ReLU, Linear), cross-entropy loss, Adam (lr 1e-3), batch 128,
on random data (inputs N(0,1), labels uniform in 0..9), one step = zero_grad + forward + loss +
backward + optimizer step. Same JSON fields as the Java suite, impl "torch".
Timing (train_common.py): warm-up (3 s), then --rounds rounds of --steps steps; the median round is
reported; --first-steps: seconds from process start to the end of steps 1, 10, 100.
Run: env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/train_mlp.py
     [--threads 1,2] [--batch 128] [--steps 50] [--rounds 7] [--warmup 3] [--first-steps] [--json]
     [--device cuda[:N]]   (the model and batch on the GPU; see train_common.py)
"""
import sys

sys.dont_write_bytecode = True  # keep bench/peers free of __pycache__
import train_common  # noqa: E402


def build(torch, batch, device="cpu"):
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.randn(batch, 784).to(device)
    y = torch.randint(0, 10, (batch,)).to(device)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss
    return step


def main():
    args = train_common.parse(__doc__, batch=128, steps=50)
    return train_common.run(args, "train-mlp", "mlp_adam", "784-256-128-10 Adam",
                            {"features": "784,256,128,10"}, build)


if __name__ == "__main__":
    sys.exit(main())
