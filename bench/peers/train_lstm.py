#!/usr/bin/python3
"""Peer numbers for `weft bench train-lstm`: PyTorch 1.13 CPU eager training steps of a one-layer LSTM
(input 32, hidden 128, batch_first) over T = 50 steps, a Linear 128 -> 10 head on the last step,
cross-entropy loss, Adam (lr 1e-3), batch 64, on random data (x (B, T, 32) ~ N(0,1), labels uniform in
0..9), one step = zero_grad + forward + loss + backward + optimizer step. Same JSON fields as the Java
suite, impl "torch".
Timing (train_common.py): warm-up (3 s), then --rounds rounds of --steps steps; the median round is
reported; --first-steps: seconds from process start to the end of steps 1, 10, 100.
Run: env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/train_lstm.py
     [--threads 1,2] [--batch 64] [--steps 5] [--rounds 7] [--warmup 3] [--first-steps] [--json]
"""
import sys

sys.dont_write_bytecode = True  # keep bench/peers free of __pycache__
import train_common  # noqa: E402

SEQ_LEN, INPUT, HIDDEN, CLASSES = 50, 32, 128, 10


def build(torch, batch):
    nn = torch.nn

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(INPUT, HIDDEN, batch_first=True)
            self.head = nn.Linear(HIDDEN, CLASSES)

        def forward(self, x):
            out, _ = self.lstm(x)
            return self.head(out[:, -1])

    model = Model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.randn(batch, SEQ_LEN, INPUT)
    y = torch.randint(0, CLASSES, (batch,))

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss
    return step


def main():
    args = train_common.parse(__doc__, batch=64, steps=5)
    return train_common.run(args, "train-lstm", "lstm_adam", "LSTM 32-128 T=50 Adam",
                            {"seq_len": SEQ_LEN, "input": INPUT, "hidden": HIDDEN, "classes": CLASSES}, build)


if __name__ == "__main__":
    sys.exit(main())
