package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.nn.Flatten;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.MaxPool2d;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * {@code weft bench train-cnn}: training steps per second of the {@code mnist-cnn} reproduction's
 * LeNet-5-style CNN, cross-entropy, Adam (lr 2e-3, the reproduction's base rate; its cosine schedule
 * is left out), batch 64, on seeded random data of MNIST's shape (x (B, 1, 28, 28) ~ N(0, 1), labels
 * uniform in 0..9). {@code bench/peers/train_cnn.py} times the same step in PyTorch. Timing, options
 * and {@code --first-steps} as every {@link TrainSuite}.
 */
public final class TrainCnnBench extends TrainSuite {
    @Override
    public String name() {
        return "train-cnn";
    }

    @Override
    public String description() {
        return "steps/s of the LeNet-5-style CNN training step (mnist-cnn's model, Adam, batch 64) on random 1x28x28 data";
    }

    @Override
    protected int defaultBatch() {
        return 64;
    }

    @Override
    protected int defaultSteps() {
        return 20;
    }

    @Override
    protected String peerScript() {
        return "train_cnn.py";
    }

    @Override
    TrainCase trainCase(BenchArgs args, int batch) {
        return new TrainCase("lenet5_adam", "LeNet-5 1x28x28 Adam", TrainCase.shape("image", "1x28x28", "classes", 10),
                () -> new Step(batch));
    }

    /**
     * x: (B, 1, 28, 28) -> (B, 10): conv 5x5 1->6 (padding 2), ReLU, max pool 2, conv 5x5 6->16, ReLU,
     * max pool 2, flatten (400), 400-120-84-10 with ReLU. The same layers as the reproduction's
     * {@code MnistCnn.lenet5}, built here because bench does not depend on repro.
     */
    static Sequential lenet5(Generator g) {
        return new Sequential(
                new Conv2d(Conv2d.options(1, 6, 5).padding(2).generator(g)),
                new ReLU(), new MaxPool2d(2),
                new Conv2d(Conv2d.options(6, 16, 5).generator(g)),
                new ReLU(), new MaxPool2d(2),
                new Flatten(),
                new Linear(400, 120, true, g), new ReLU(),
                new Linear(120, 84, true, g), new ReLU(),
                new Linear(84, 10, true, g));
    }

    private static final class Step implements TrainStep {
        final Sequential model;
        final Adam opt;
        final Tensor x, y;

        Step(int batch) {
            Generator g = new Generator(0);
            model = lenet5(g);
            opt = new Adam(model.parameters(), 2e-3);
            x = Tensor.randn(g, DType.F32, batch, 1, 28, 28);
            y = Tensor.randint(g, 0, 10, DType.I64, batch);
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
