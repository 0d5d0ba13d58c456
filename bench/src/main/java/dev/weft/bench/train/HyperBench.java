package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.nn.Sequential;
import dev.weft.nn.hyper.HMLP;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code weft bench hyper}: training steps per second of per-sample generated weights. An {@link HMLP} (code 8 ->
 * Linear(8, 32) + ReLU -> one Linear(32, numel) head per target tensor) maps each sample's code c_i in [0, 1)^8 to
 * its own weights theta_i of the target MLP 784-64-10 (Linear + ReLU + Linear, 50,890 parameters per sample), and
 * the target runs sample i with theta_i as batched matmuls ({@code PerSampleCall}). One step: zeroGrad + generate
 * (B, 50890) + per-sample forward + cross-entropy + backward + Adam (lr 1e-3) over the generator's parameters, batch
 * 128, random seeded data: what {@code bench/peers/hyper_torch.py} times as vmap(functional_call) and as explicit
 * torch.bmm. Timing, options and {@code --first-steps} as every {@link TrainSuite}.
 */
public final class HyperBench extends TrainSuite {
    @Override
    public String name() {
        return "hyper";
    }

    @Override
    public String description() {
        return "steps/s of a hypernetwork training step with per-sample generated weights (HMLP code 8, hidden 32 -> MLP "
                + "784-64-10 per sample, Adam, batch 128)";
    }

    @Override
    protected int defaultBatch() {
        return 128;
    }

    @Override
    protected int defaultSteps() {
        return 20;
    }

    @Override
    protected String peerScript() {
        return "hyper_torch.py";
    }

    @Override
    protected Set<String> modelOptions() {
        return Set.of("sizes", "code", "hidden");
    }

    @Override
    protected String modelUsage() {
        return "  --sizes LIST     target MLP widths (default 784,64,10)\n"
                + "  --code N         per-sample code width (default 8)\n"
                + "  --hidden LIST    hypernetwork hidden widths (default 32)\n";
    }

    @Override
    TrainCase trainCase(BenchArgs args, int batch) {
        String sizesText = args.get("sizes", "784,64,10"), hiddenText = args.get("hidden", "32");
        int[] sizes = args.ints("sizes", sizesText), hidden = args.ints("hidden", hiddenText);
        if (sizes.length < 2) throw new IllegalArgumentException("bench hyper: --sizes needs at least two widths, got " + sizesText);
        for (int v : sizes) if (v < 1) throw new IllegalArgumentException("bench hyper: --sizes must be >= 1, got " + sizesText);
        for (int v : hidden) if (v < 1) throw new IllegalArgumentException("bench hyper: --hidden must be >= 1, got " + hiddenText);
        int code = args.ints("code", "8")[0];
        if (code < 1) throw new IllegalArgumentException("bench hyper: --code must be >= 1, got " + code);
        return new TrainCase("hyper_per_sample_adam", sizesText.replace(',', '-') + " per sample, HMLP code " + code + " hidden "
                + hiddenText.replace(',', '-') + " Adam", TrainCase.shape("features", sizesText, "code", code, "hidden", hiddenText),
                () -> new Step(sizes, code, hidden, batch));
    }

    /** The target MLP: Linear + ReLU per hidden width, then the last Linear. */
    static Sequential target(int[] sizes, Generator g) {
        Sequential model = new Sequential();
        for (int i = 0; i + 1 < sizes.length; i++) {
            model.append(new Linear(sizes[i], sizes[i + 1], true, g));
            if (i + 2 < sizes.length) model.append(new ReLU());
        }
        return model;
    }

    /** The generator's own parameters: every target tensor is generated, so everything outside "target.". */
    static List<Tensor> generatorParameters(HMLP h) {
        List<Tensor> out = new ArrayList<>();
        h.namedParameters().forEach((k, v) -> {
            if (!k.startsWith("target.")) out.add(v);
        });
        return out;
    }

    /** The hypernetwork, optimizer and one fixed random batch (codes, inputs, labels); {@link #run} is one step. */
    static final class Step implements TrainStep {
        final HMLP hyper;
        final Adam opt;
        final Tensor codes, x, y;

        Step(int[] sizes, int code, int[] hidden, int batch) {
            Generator g = new Generator(0);
            hyper = new HMLP(HMLP.options(target(sizes, g), code).hidden(hidden).generator(g));
            opt = new Adam(generatorParameters(hyper), 1e-3);
            codes = Tensor.rand(g, DType.F32, batch, code);
            x = Tensor.randn(g, DType.F32, batch, sizes[0]);
            y = Tensor.randint(g, 0, sizes[sizes.length - 1], DType.I64, batch);
        }

        @Override
        public double run() {
            opt.zeroGrad();
            // codes (B, 8) -> theta (B, 50890) -> per-sample target on x (B, 784) -> (B, 10)
            Tensor loss = Losses.crossEntropy(hyper.forward(codes, x), y);
            Autograd.backward(loss);
            opt.step();
            return loss.item();
        }
    }
}
