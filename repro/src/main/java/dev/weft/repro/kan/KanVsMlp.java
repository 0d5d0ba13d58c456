package dev.weft.repro.kan;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.kan.KAN;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.Tanh;
import dev.weft.nn.optim.LBFGS;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;

/**
 * The KAN paper's accuracy protocol for a function of a few variables (Sec. 3.2-3.3), shared by kan-feynman and
 * kan-special: points drawn uniformly from a box (seeded), the inputs mapped affinely to [-1, 1], a KAN trained by
 * pykan's LBFGS fit with grid extension (G = 3 -> 5 -> 10 -> 20 ...), its grids spanning the whole box, and taken at
 * the grid that does best on a validation sample, and an MLP of about the same number of parameters (tanh, two hidden
 * layers) trained by the same LBFGS for as many steps in all. F64 throughout.
 */
final class KanVsMlp {
    private KanVsMlp() {}

    /** A target over the box [lo, hi] (one interval per variable); f gets the variables in their original units. */
    record Target(String name, double[] lo, double[] hi, ToDoubleFunction<double[]> f) {
        Target {
            if (lo.length != hi.length || lo.length == 0) {
                throw new IllegalArgumentException("Target " + name + ": " + lo.length + " lower and " + hi.length + " upper bounds");
            }
            for (int i = 0; i < lo.length; i++) {
                if (!(lo[i] < hi[i])) throw new IllegalArgumentException("Target " + name + ": variable " + i + " range [" + lo[i] + ", " + hi[i] + "]");
            }
        }

        int dims() {
            return lo.length;
        }
    }

    /** Inputs x (B, C) mapped to [-1, 1] and targets y (B, 1), F64. */
    record Data(Tensor x, Tensor y) {}

    /** n points uniform in the target's box (seeded by g): the inputs scaled to [-1, 1], y = f at the original point. */
    static Data sample(Target t, int n, Generator g) {
        int d = t.dims();
        double[] u = Tensor.rand(g, DType.F64, n, d).toDoubleArray();
        double[] x = new double[n * d], y = new double[n], point = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                point[j] = t.lo()[j] + (t.hi()[j] - t.lo()[j]) * u[i * d + j];
                x[i * d + j] = 2 * u[i * d + j] - 1;
            }
            y[i] = t.f().applyAsDouble(point);
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("Target " + t.name() + ": f" + java.util.Arrays.toString(point) + " = " + y[i]);
            }
        }
        return new Data(Tensor.of(x, n, d), Tensor.of(y, n, 1));
    }

    /** sqrt(mean((m(x) - y)^2)). */
    static double rmse(Module m, Data d) {
        try (var s = Autograd.noGrad()) {
            return m.forward(d.x()).sub(d.y()).square().mean().sqrt().item();
        }
    }

    /** The standard deviation of the targets: the RMSE of predicting their mean. */
    static double std(Data d) {
        return d.y().sub(d.y().mean()).square().mean().sqrt().item();
    }

    /** A trained KAN, the grid it was taken at and its validation RMSE there, and its parameter count at the last grid. */
    record KanFit(KAN model, int grid, double validation, long lastGridParameters) {}

    /**
     * A KAN of the given width trained with grid extension: stepsPerGrid LBFGS steps at grids[0], then refined to each
     * later grid (the new splines fit to the old ones) and trained again; onStep gets the running step count. Returns
     * the model after the grid with the lowest RMSE on val (a finer grid can overfit the training points; the test
     * points are never looked at). The grids are set from the training inputs together with the box's 2^C corners:
     * pykan's grids span only the samples' range, and a test point just beyond it (0.997 where the training points end
     * at 0.996) falls on the splines' untrained extension, measured: an error of 1.1 on I.16.6, where the rest are 1e-3.
     */
    static KanFit trainKan(int[] width, int[] grids, int stepsPerGrid, Data train, Data val, Generator g, IntConsumer onStep) {
        KAN model = new KAN(KAN.options(width).grid(grids[0]).generator(g));
        model.to(DType.F64);
        Tensor gridSamples = Tensor.cat(List.of(train.x(), corners(width[0])), 0);
        KanFit best = null;
        for (int gi = 0; gi < grids.length; gi++) {
            if (gi > 0) model = model.refine(grids[gi], gridSamples);
            int done = gi * stepsPerGrid;
            fit(model, train, gridSamples, stepsPerGrid, s -> onStep.accept(done + s + 1));
            double v = rmse(model, val);
            if (best == null || v < best.validation()) best = new KanFit(model, grids[gi], v, 0);
        }
        return new KanFit(best.model(), best.grid(), best.validation(), model.numParameters());
    }

    /** The 2^c corners of [-1, 1]^c, (2^c, c). */
    static Tensor corners(int c) {
        int n = 1 << c;
        double[] v = new double[n * c];
        for (int i = 0; i < n; i++) for (int j = 0; j < c; j++) v[i * c + j] = ((i >> j) & 1) == 0 ? -1 : 1;
        return Tensor.of(v, n, c);
    }

    /** pykan's fit (as kan-toy's): LBFGS steps on the training MSE, the grids updated from gridSamples every 5 of the first 50. */
    static void fit(KAN m, Data train, Tensor gridSamples, int steps, IntConsumer onStep) {
        LBFGS opt = new LBFGS(m.parameters(), LBFGS.options().lr(1).historySize(10).strongWolfe().toleranceGrad(1e-32).toleranceChange(1e-32));
        for (int s = 0; s < steps; s++) {
            if (s % 5 == 0 && s < 50) m.updateGridFromSamples(gridSamples);
            opt.step(() -> {
                opt.zeroGrad();
                Tensor loss = m.forward(train.x()).sub(train.y()).square().mean();
                Autograd.backward(loss);
                return loss;
            });
            onStep.accept(s);
        }
    }

    /** MLP in -> h -> h -> 1 with tanh: (B, in) -> (B, 1), F64. */
    static Module mlp(int in, int h, Generator g) {
        Module m = new Sequential(new Linear(in, h, true, g), new Tanh(), new Linear(h, h, true, g), new Tanh(), new Linear(h, 1, true, g));
        m.to(DType.F64);
        return m;
    }

    /** The hidden width h whose MLP in -> h -> h -> 1 has the parameter count nearest to params (h^2 + (in + 3) h + 1). */
    static int mlpWidthFor(long params, int in) {
        int best = 1;
        for (int h = 1; h < 4096; h++) {
            if (Math.abs(count(in, h) - params) < Math.abs(count(in, best) - params)) best = h;
        }
        return best;
    }

    static long count(int in, int h) {
        return (long) h * h + (long) (in + 3) * h + 1;
    }

    /** steps of the same LBFGS as the KAN's (pykan's fit, without grid updates) on the training MSE. */
    static void trainMlp(Module m, Data train, int steps, IntConsumer onStep) {
        LBFGS opt = new LBFGS(m.parameters(), LBFGS.options().lr(1).historySize(10).strongWolfe().toleranceGrad(1e-32).toleranceChange(1e-32));
        for (int s = 0; s < steps; s++) {
            opt.step(() -> {
                opt.zeroGrad();
                Tensor loss = m.forward(train.x()).sub(train.y()).square().mean();
                Autograd.backward(loss);
                return loss;
            });
            onStep.accept(s + 1);
        }
    }

    /** The grid sizes 3, 5, 10, 20, 50 up to and including last. */
    static int[] grids(int last) {
        List<Integer> gs = new ArrayList<>();
        for (int g : KanToy.GRIDS) if (g <= last) gs.add(g);
        return gs.stream().mapToInt(Integer::intValue).toArray();
    }
}
