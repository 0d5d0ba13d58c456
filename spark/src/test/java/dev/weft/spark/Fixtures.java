package dev.weft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.autograd.Autograd;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.SGD;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.FlatParameters;
import dev.weft.nn.train.Trainer;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared data and checks of the Spark tests: two Gaussian blobs in 2-d, a 2-8-1 MLP, and the single-process
 * reference trained on the concatenation of the partitions' batches. Tolerance as in nn's GradientSyncTest:
 * |a - b| <= 1e-5 + 1e-4 |b| per parameter (float summation order only).
 */
final class Fixtures {
    static final double ATOL = 1e-5, RTOL = 1e-4;

    private Fixtures() {}

    static Module mlp() {
        Generator g = new Generator(11);
        return new Sequential(new Linear(2, 8, true, g), new ReLU(), new Linear(8, 1, true, g));
    }

    static final ModelFactory MLP = Fixtures::mlp;
    static final LossFunction BCE = Losses::binaryCrossEntropyWithLogits;
    static final OptimizerFactory SGD_MOMENTUM = ps -> new SGD(ps, SGD.options().lr(0.2).momentum(0.9));
    static final OptimizerFactory SGD_PLAIN = ps -> new SGD(ps, SGD.options().lr(0.2));
    static final double ADAM_LR = 0.05;
    static final OptimizerFactory ADAM = ps -> new Adam(ps, ADAM_LR);

    /** {@code steps} batches per partition, partition p's of {@code rows[p]} rows. */
    static List<List<BatchData>> partitions(int steps, int[] rows, long seed) {
        Generator g = new Generator(seed);
        List<List<BatchData>> out = new ArrayList<>();
        for (int p = 0; p < rows.length; p++) out.add(new ArrayList<>());
        for (int s = 0; s < steps; s++) {
            for (int p = 0; p < rows.length; p++) {
                Tensor y = Tensor.bernoulli(g, 0.5, rows[p]);
                Tensor centre = y.mul(2.0).sub(1.0).unsqueeze(1).mul(Tensor.of(2f, 1f));
                Tensor x = Tensor.randn(g, rows[p], 2).mul(0.9).add(centre);
                out.get(p).add(BatchData.of(new Batch(x, y.unsqueeze(1))));
            }
        }
        return out;
    }

    /** One process, step s on the concatenation of every partition's s-th batch. */
    static float[] single(List<List<BatchData>> parts, OptimizerFactory opt, int epochs) {
        List<Batch> batches = new ArrayList<>();
        for (int s = 0; s < parts.get(0).size(); s++) {
            List<Tensor> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (List<BatchData> p : parts) {
                Batch b = p.get(s).toBatch();
                xs.add(b.input());
                ys.add(b.target());
            }
            batches.add(new Batch(Tensor.cat(xs, 0), Tensor.cat(ys, 0)));
        }
        Module m = mlp();
        Trainer.builder().epochs(epochs).progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(m, opt.create(m.parameters()), BCE, batches);
        return FlatParameters.values(m.parameters());
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tol = ATOL + RTOL * Math.abs(expected[i]);
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol,
                    what + ": parameter " + i + " expected " + expected[i] + " actual " + actual[i] + " (tolerance " + tol + ")");
        }
    }

    /**
     * Local Adam with averaged state, by hand (PyTorch's update, betas 0.9/0.999, eps 1e-8, in double): each round,
     * from the common (w, m, v, t), every partition takes k steps on its batches, then w, m, v, t become their means
     * weighted by the examples each partition saw. {@code reset}: m, v, t restart at zero each round instead.
     */
    static double[] localAdam(List<List<BatchData>> parts, int epochs, int k, boolean reset) {
        double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        float[] init = FlatParameters.values(mlp().parameters());
        int n = init.length, steps = parts.get(0).size();
        double[] w = new double[n], m = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) w[i] = init[i];
        double t = 0;
        for (int e = 0; e < epochs; e++) {
            for (int s0 = 0; s0 < steps; s0 += k) {
                double[] sw = new double[n], sm = new double[n], sv = new double[n];
                double st = 0, total = 0;
                for (List<BatchData> part : parts) {
                    double[] wr = w.clone(), mr = reset ? new double[n] : m.clone(), vr = reset ? new double[n] : v.clone();
                    double tr = reset ? 0 : t, seen = 0;
                    for (int s = s0; s < Math.min(steps, s0 + k); s++) {
                        Batch b = part.get(s).toBatch();
                        double[] g = gradient(wr, b);
                        tr++;
                        for (int i = 0; i < n; i++) {
                            mr[i] = b1 * mr[i] + (1 - b1) * g[i];
                            vr[i] = b2 * vr[i] + (1 - b2) * g[i] * g[i];
                            wr[i] -= ADAM_LR / (1 - Math.pow(b1, tr)) * mr[i] / (Math.sqrt(vr[i]) / Math.sqrt(1 - Math.pow(b2, tr)) + eps);
                        }
                        seen += b.input().size(0);
                    }
                    for (int i = 0; i < n; i++) {
                        sw[i] += seen * wr[i];
                        sm[i] += seen * mr[i];
                        sv[i] += seen * vr[i];
                    }
                    st += seen * tr;
                    total += seen;
                }
                for (int i = 0; i < n; i++) {
                    w[i] = sw[i] / total;
                    m[i] = sm[i] / total;
                    v[i] = sv[i] / total;
                }
                t = Math.round(st / total);
            }
        }
        return w;
    }

    /** The BCE gradient of the MLP at flat parameters w on one batch. */
    private static double[] gradient(double[] w, Batch b) {
        Module m = mlp();
        float[] f = new float[w.length];
        for (int i = 0; i < w.length; i++) f[i] = (float) w[i];
        FlatParameters.setValues(m.parameters(), f);
        Autograd.backward(BCE.apply(m.forward(b.input()), b.target()));
        float[] g = FlatParameters.gradients(m.parameters());
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) out[i] = g[i];
        return out;
    }

    /** The worst |reference - got| in units of the tolerance ATOL + RTOL |reference|. */
    static double worst(double[] reference, float[] got) {
        double worst = 0;
        for (int i = 0; i < reference.length; i++) {
            worst = Math.max(worst, Math.abs(reference[i] - got[i]) / (ATOL + RTOL * Math.abs(reference[i])));
        }
        return worst;
    }
}
