package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.rnn.LSTM;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * {@code weft bench train-lstm}: training steps per second of a one-layer LSTM (input 32, hidden 128,
 * batch-first) over T = 50 steps with a linear head 128 -> 10 on the last step, cross-entropy, Adam
 * (lr 1e-3), batch 64, on seeded random data (x (B, T, 32) ~ N(0, 1), labels uniform in 0..9).
 * {@code bench/peers/train_lstm.py} times the same step in PyTorch. Timing, options and
 * {@code --first-steps} as every {@link TrainSuite}.
 */
public final class TrainLstmBench extends TrainSuite {
    static final int SEQ_LEN = 50, INPUT = 32, HIDDEN = 128, CLASSES = 10;

    @Override
    public String name() {
        return "train-lstm";
    }

    @Override
    public String description() {
        return "steps/s of an LSTM training step (input 32, hidden 128, T=50, last-step head, Adam, batch 64) on random data";
    }

    @Override
    protected int defaultBatch() {
        return 64;
    }

    @Override
    protected int defaultSteps() {
        return 5;
    }

    @Override
    protected String peerScript() {
        return "train_lstm.py";
    }

    @Override
    TrainCase trainCase(BenchArgs args, int batch) {
        return new TrainCase("lstm_adam", "LSTM 32-128 T=50 Adam",
                TrainCase.shape("seq_len", SEQ_LEN, "input", INPUT, "hidden", HIDDEN, "classes", CLASSES),
                () -> new Step(batch));
    }

    /** x: (B, T, C) -> LSTM -> h_T (B, H) -> Linear -> (B, classes). */
    static final class Model extends Module {
        final LSTM lstm;
        final Linear head;

        Model(Generator g) {
            lstm = registerModule("lstm", new LSTM(LSTM.options(INPUT, HIDDEN).batchFirst(true).generator(g)));
            head = registerModule("head", new Linear(HIDDEN, CLASSES, true, g));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor out = lstm.forward(x);
            return head.forward(out.select(1, out.size(1) - 1));
        }
    }

    private static final class Step implements TrainStep {
        final Model model;
        final Adam opt;
        final Tensor x, y;

        Step(int batch) {
            Generator g = new Generator(0);
            model = new Model(g);
            opt = new Adam(model.parameters(), 1e-3);
            x = Tensor.randn(g, DType.F32, batch, SEQ_LEN, INPUT);
            y = Tensor.randint(g, 0, CLASSES, DType.I64, batch);
        }

        @Override
        public double run() {
            opt.zeroGrad();
            Tensor loss = Losses.crossEntropy(model.forward(x), y);
            Autograd.backward(loss);
            opt.step();
            return loss.item();
        }
    }
}
