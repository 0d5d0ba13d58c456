package dev.weft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
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
}
