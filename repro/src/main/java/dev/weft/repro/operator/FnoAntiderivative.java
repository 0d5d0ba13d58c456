package dev.weft.repro.operator;

import dev.weft.autograd.Autograd;
import dev.weft.nn.operator.FNO1d;
import dev.weft.nn.optim.Adam;
import dev.weft.repro.StepProgress;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same operator learned by an FNO1d (Li et al. 2021) for comparison: the FNO maps the sensor values u(x_k)
 * (B, 100, 1) to G(u)(x_k) at the same 100 points (B, 100, 1), so each training function gives 100 targets where the
 * DeepONet's triples give one (the same 10,000 training functions). FNO1d(modes 16, width 32, projection 64), Adam
 * lr 1e-3, MSE, batches of 20 functions drawn with replacement; test MSE over the 100 points of the first 1,000 test
 * functions.
 */
final class FnoAntiderivative {
    static final int MODES = 16, WIDTH = 32, PROJECTION = 64, BATCH = 20, TEST = 1000;

    /** Sensor values (n, 100, 1) and the antiderivative at the sensors (n, 100, 1), F32. */
    record Grid(Tensor u, Tensor g) {}

    static Grid grid(GaussianRandomField grf, double[] fields, int n, int sensors, int stride) {
        double[] u = new double[n * sensors], g = new double[n * sensors];
        for (int i = 0; i < n; i++) {
            double[] c = grf.cumulative(fields, i);
            for (int k = 0; k < sensors; k++) {
                u[i * sensors + k] = fields[i * grf.points + k * stride];
                g[i * sensors + k] = c[k * stride];
            }
        }
        return new Grid(Tensor.of(u, n, sensors, 1).to(DType.F32), Tensor.of(g, n, sensors, 1).to(DType.F32));
    }

    static double mse(FNO1d fno, Grid d) {
        try (var s = Autograd.noGrad()) {
            double sum = 0;
            int n = d.u().size(0);
            for (int i = 0; i < n; i += 1000) {
                int len = Math.min(1000, n - i);
                sum += fno.forward(d.u().narrow(0, i, len)).sub(d.g().narrow(0, i, len)).square().sum().item();
            }
            return sum / d.g().numel();
        }
    }

    /** {final test MSE, steps, test curve}; progress counted from {@code done}. */
    static Object[] train(Grid train, Grid test, int steps, int every, Generator g, StepProgress progress, long done) {
        FNO1d fno = new FNO1d(1, 1, MODES, WIDTH, PROJECTION, g.split());
        Adam opt = new Adam(fno.parameters(), 1e-3);
        Generator batches = g.split();
        int n = train.u().size(0);
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        long t0 = System.nanoTime();
        double last = Double.NaN;
        for (int s = 0; s <= steps; s++) {
            if (s % every == 0) {
                last = mse(fno, test);
                xs.add((double) s);
                ys.add(last);
                progress.report(String.format(Locale.ROOT, "FNO1d step %5d/%d: test MSE %.3e  (%.1f s)", s, steps, last,
                        (System.nanoTime() - t0) / 1e9));
            }
            if (s == steps) break;
            Tensor idx = Tensor.randint(batches, 0, n, BATCH);
            opt.zeroGrad();
            Tensor loss = fno.forward(train.u().indexSelect(0, idx)).sub(train.g().indexSelect(0, idx)).square().mean();
            Autograd.backward(loss);
            opt.step();
            progress.update(done + s + 1, String.format(Locale.ROOT, "FNO1d batch MSE %.2e", loss.item()));
        }
        return new Object[] {last, xs, ys};
    }
}
