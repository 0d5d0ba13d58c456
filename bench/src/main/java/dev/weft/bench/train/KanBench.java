package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.nn.kan.KAN;
import dev.weft.nn.loss.Losses;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.Set;

/**
 * {@code weft bench kan}: forward + backward steps per second of KAN [784, 64, 10] (grid 5, order 3, SiLU base,
 * F32), batch 128, on random data: one step is zeroGrad + the fast forward (fused B-spline basis + GEMMs) +
 * cross-entropy + backward, no optimizer step — what {@code bench/peers/kan_torch.py} times for efficient-kan's
 * formulation in PyTorch. With {@code --path faithful} the forward is the paper-faithful one instead (every edge's
 * activation formed as a (B, out, in) tensor, {@link KAN#forwardActivations}), beside the peer's {@code --path faithful}
 * (pykan's formulation, impl torch_pykan). Timing, options and {@code --first-steps} as every {@link TrainSuite}.
 */
public final class KanBench extends TrainSuite {
    @Override
    public String name() {
        return "kan";
    }

    @Override
    public String description() {
        return "steps/s of KAN [784, 64, 10] forward + backward (grid 5, order 3, batch 128, F32) on random data";
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
        return "kan_torch.py";
    }

    @Override
    protected Set<String> modelOptions() {
        return Set.of("sizes", "grid", "path");
    }

    @Override
    protected String modelUsage() {
        return "  --sizes LIST     layer widths (default 784,64,10)\n  --grid N         grid intervals (default 5)\n"
                + "  --path P         fast (fused basis + GEMM, the default) or faithful (every edge's activation formed, pykan's form)\n";
    }

    @Override
    TrainCase trainCase(BenchArgs args, int batch) {
        String sizesText = args.get("sizes", "784,64,10");
        int[] sizes = args.ints("sizes", sizesText);
        if (sizes.length < 2) throw new IllegalArgumentException("bench kan: --sizes needs at least two widths, got " + sizesText);
        int grid = Integer.parseInt(args.get("grid", "5"));
        if (grid < 1) throw new IllegalArgumentException("bench kan: --grid must be >= 1, got " + grid);
        String path = args.get("path", "fast");
        if (!path.equals("fast") && !path.equals("faithful")) {
            throw new IllegalArgumentException("bench kan: --path must be fast or faithful, got " + path);
        }
        boolean faithful = path.equals("faithful");
        return new TrainCase("kan_fwd_bwd", sizesText.replace(',', '-') + " G" + grid + " k3" + (faithful ? " faithful" : ""),
                TrainCase.shape("features", sizesText, "grid", grid, "k", 3, "path", path), () -> new Step(sizes, grid, batch, faithful));
    }

    /** The model and one fixed random batch; {@link #run} is one forward + backward. */
    private static final class Step implements TrainStep {
        final KAN model;
        final Tensor x, y;
        final boolean faithful;

        Step(int[] sizes, int grid, int batch, boolean faithful) {
            this.faithful = faithful;
            Generator g = new Generator(0);
            model = new KAN(KAN.options(sizes).grid(grid).k(3).generator(g));
            x = Tensor.rand(g, DType.F32, batch, sizes[0]).mul(2).sub(1);
            y = Tensor.randint(g, 0, sizes[sizes.length - 1], DType.I64, batch);
        }

        @Override
        public double run() {
            model.zeroGrad();
            Tensor logits = faithful ? model.forwardActivations(x).y() : model.forward(x);
            Tensor loss = Losses.crossEntropy(logits, y);
            Autograd.backward(loss);
            return loss.item();
        }
    }
}
