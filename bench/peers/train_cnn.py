#!/usr/bin/python3
"""Peer numbers for `weft bench train-cnn`: PyTorch 1.13 CPU eager training steps of the mnist-cnn
reproduction's LeNet-5-style CNN (conv 5x5 1->6 padding 2, ReLU, max pool 2, conv 5x5 6->16, ReLU,
max pool 2, flatten, Linear 400-120-84-10 with ReLU), cross-entropy loss, Adam (lr 2e-3), batch 64, on
random data of MNIST's shape (x (B, 1, 28, 28) ~ N(0,1), labels uniform in 0..9), one step = zero_grad +
forward + loss + backward + optimizer step. Same JSON fields as the Java suite, impl "torch".
Timing (train_common.py): warm-up (3 s), then --rounds rounds of --steps steps; the median round is
reported; --first-steps: seconds from process start to the end of steps 1, 10, 100.
Run: env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/train_cnn.py
     [--threads 1,2] [--batch 64] [--steps 20] [--rounds 7] [--warmup 3] [--first-steps] [--json]
"""
import sys

sys.dont_write_bytecode = True  # keep bench/peers free of __pycache__
import train_common  # noqa: E402


def build(torch, batch):
    nn = torch.nn
    model = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10))
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.randn(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss
    return step


def main():
    args = train_common.parse(__doc__, batch=64, steps=20)
    return train_common.run(args, "train-cnn", "lenet5_adam", "LeNet-5 1x28x28 Adam",
                            {"image": "1x28x28", "classes": 10}, build)


if __name__ == "__main__":
    sys.exit(main())
