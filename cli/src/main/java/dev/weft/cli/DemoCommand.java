package dev.weft.cli;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.bench.Stats;
import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weft demo}: a short tour of the engine on generated data — tensors and views, broadcasting,
 * reductions, seeded randomness, a gradient through the tape, then the same GEMM on the scalar reference and the SIMD kernel.
 * Then it trains a small MLP on a generated data set ({@link SpiralDemo}) and a GCN on a generated graph
 * ({@link GnnDemo}) and a hypernetwork that generates an MLP for two tasks ({@link HyperDemo}), and ends with the {@code --quick}
 * runs of the reproductions that need no downloaded data ({@link ReproTour}): their tables and charts, kan-toy's
 * recovered formula and where its network plot went.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A short tour of the engine on generated data, then the quick reproductions that need no "
                + "downloaded data (their tables, charts and result files in --out)."})
final class DemoCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--out", paramLabel = "DIR", description = "where the reproductions' charts and result files go (default: ${DEFAULT-VALUE})")
    Path dir = Path.of(dev.weft.repro.report.Outputs.DEFAULT_DIR);

    DemoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        return run(dir, io.out());
    }

    static int run(Path dir, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        tour(out, true);
        boolean pass = ReproTour.run(out, dir);
        out.printf(Locale.ROOT, "%ndemo and reproductions done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return pass ? 0 : ReproCommand.VERDICT_FAILED;
    }

    /**
     * The demo. full false is the short form the AOT training run ({@link AotTraining}) uses: the same
     * steps, 64 x 64 GEMMs timed once without warm-up and the spiral trained for 1 epoch.
     */
    static void tour(PrintStream out, boolean full) {
        long t0 = System.nanoTime();
        out.println("== Tensors: strided views share storage");
        Tensor x = Tensor.arange(0, 12, 1).to(DType.F32).reshape(3, 4);
        out.println("x = arange(12).reshape(3, 4)\n" + x);
        Tensor xt = x.t();
        out.printf("x.t(): shape %s, strides %s, contiguous=%b, same storage=%b%n",
                Shape.format(xt.shape()), Shape.format(xt.stride()), xt.isContiguous(), xt.storage() == x.storage());

        out.println("\n== Broadcasting and reductions");
        Tensor bias = Tensor.of(10f, 20f, 30f, 40f);
        Tensor y = x.add(bias);
        out.println("x + [10, 20, 30, 40]\n" + y);
        out.println("sum over dim 1: " + y.sum(1));
        out.println("softmax over dim 1 of x / 4:\n" + x.div(4.0).softmax(1));

        out.println("\n== Seeded randomness: same seed, same bits");
        Tensor a1 = Tensor.randn(new Generator(42), 2, 3), a2 = Tensor.randn(new Generator(42), 2, 3);
        out.println("randn(seed 42, 2x3)\n" + a1);
        out.println("a second draw with seed 42 is identical: " + a1.equal(a2));

        out.println("\n== Autograd: the tape records ops, backward accumulates into leaves");
        Tensor w = Tensor.randn(new Generator(3), DType.F64, 3, 2).requiresGrad(true);
        Tensor in = Tensor.randn(new Generator(4), DType.F64, 4, 3);
        Tensor loss = in.matmul(w).tanh().square().mean();
        Autograd.backward(loss);
        out.println("loss = mean(tanh(in @ w)^2) = " + String.format(Locale.ROOT, "%.6f", loss.item()));
        out.println("dloss/dw\n" + w.grad());
        boolean ok = Gradcheck.gradcheck("mean(tanh(in @ w)^2)", t -> in.matmul(t[0]).tanh().square().mean(),
                w.detach().requiresGrad(true));
        out.println("gradcheck against central differences (F64): " + (ok ? "passed" : "FAILED"));

        out.println("\n== GEMM: scalar reference vs Vector API kernel (" + KernelImpl.floatSpecies().vectorBitSize()
                + "-bit, " + Parallel.threads() + " threads)");
        Generator g = new Generator(7);
        int n = full ? 384 : 64;
        Tensor a = Tensor.randn(g, n, n), b = Tensor.randn(g, n, n);
        KernelImpl saved = KernelImpl.current();
        try {
            double[] scalar = timeMatmul(a, b, KernelImpl.SCALAR, full ? 2 : 1, 0);
            double[] simd = timeMatmul(a, b, KernelImpl.SIMD, full ? 10 : 1, full ? 600_000_000L : 0);
            KernelImpl.set(KernelImpl.SCALAR);
            Tensor cRef = a.matmul(b);
            KernelImpl.set(KernelImpl.SIMD);
            Tensor cSimd = a.matmul(b);
            double maxDiff = cRef.sub(cSimd).abs().max().item();
            out.printf(Locale.ROOT, "%-8s %5d x %d x %d  %8.2f ms  %7.2f GFLOP/s%n", "scalar", n, n, n, scalar[0], scalar[1]);
            out.printf(Locale.ROOT, "%-8s %5d x %d x %d  %8.2f ms  %7.2f GFLOP/s  (%.1fx)%n", "simd", n, n, n, simd[0], simd[1],
                    simd[1] / scalar[1]);
            out.printf(Locale.ROOT, "max |scalar - simd| = %.3g over %d outputs (F32 rounding, k = %d)%n", maxDiff, n * n, n);
        } finally {
            KernelImpl.set(saved);
        }
        SpiralDemo.run(out, full ? SpiralDemo.EPOCHS : 1);
        GnnDemo.run(out, full ? 200 : 2);
        HyperDemo.run(out, full ? HyperDemo.STEPS : 2);
        out.printf(Locale.ROOT, "%ndemo done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Median time (ms) and GFLOP/s of a.matmul(b) with the given kernel implementation, after warmNanos of warm-up. */
    private static double[] timeMatmul(Tensor a, Tensor b, KernelImpl impl, int reps, long warmNanos) {
        KernelImpl.set(impl);
        // Let C2 compile the kernel first: the Vector API code runs far slower until it does.
        long warmUntil = System.nanoTime() + warmNanos;
        for (int w = 0; w < Math.max(1, reps / 2) || System.nanoTime() < warmUntil; w++) a.matmul(b);
        double[] ms = new double[reps];
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            a.matmul(b);
            ms[r] = (System.nanoTime() - s) / 1e6;
        }
        double med = Stats.median(ms);
        double flops = 2.0 * a.size(0) * a.size(1) * b.size(1);
        return new double[] {med, flops / (med * 1e6)};
    }
}
