package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.Set;

/**
 * {@code weft bench train-mlp}: training steps per second of the MLP 784-256-128-10 (ReLU),
 * cross-entropy, Adam (lr 1e-3), batch 128, on random data — one step is zeroGrad + forward + loss
 * + backward + optimizer step, exactly what {@code bench/peers/train_mlp.py} times in PyTorch.
 * Timing, options and {@code --first-steps} as every {@link TrainSuite}.
 */
public final class TrainMlpBench extends TrainSuite {
    @Override
    public String name() {
        return "train-mlp";
    }

    @Override
    public String description() {
        return "steps/s of an MLP 784-256-128-10 training step (Adam, batch 128) on random data";
    }

    @Override
    protected int defaultBatch() {
        return 128;
    }

    @Override
    protected int defaultSteps() {
        return 50;
    }

    @Override
    protected String peerScript() {
        return "train_mlp.py";
    }

    @Override
    protected Set<String> modelOptions() {
        return Set.of("sizes");
    }

    @Override
    protected String modelUsage() {
        return "  --sizes LIST     layer widths (default 784,256,128,10)\n";
    }

    @Override
    TrainCase trainCase(BenchArgs args, int batch) {
        return trainCase(args, batch, Device.CPU);
    }

    @Override
    TrainCase trainCase(BenchArgs args, int batch, Device device) {
        String sizesText = args.get("sizes", "784,256,128,10");
        int[] sizes = args.ints("sizes", sizesText);
        if (sizes.length < 2) throw new IllegalArgumentException("bench train-mlp: --sizes needs at least two widths, got " + sizesText);
        return new TrainCase("mlp_adam", sizesText.replace(',', '-') + " Adam", TrainCase.shape("features", sizesText),
                () -> new Step(sizes, batch, device));
    }

    /** The model, optimizer and one fixed random batch; {@link #run} is one training step. */
    private static final class Step implements TrainStep {
        final Sequential model = new Sequential();
        final Adam opt;
        final Tensor x, y;

        Step(int[] sizes, int batch, Device device) {
            Generator g = new Generator(0);
            for (int i = 0; i + 1 < sizes.length; i++) {
                model.append(new Linear(sizes[i], sizes[i + 1], true, g));
                if (i + 2 < sizes.length) model.append(new ReLU());
            }
            model.to(device);
            opt = new Adam(model.parameters(), 1e-3);
            x = Tensor.randn(g, DType.F32, batch, sizes[0]).to(device);
            y = Tensor.randint(g, 0, sizes[sizes.length - 1], DType.I64, batch).to(device);
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
