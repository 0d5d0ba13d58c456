package dev.weft.nn.sparse;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseEvolutionTest {
    private static Set<Long> positions(SparseLinear l) {
        long[] crow = l.ownBuffers().get("crow_indices").toLongArray(), col = l.ownBuffers().get("col_indices").toLongArray();
        Set<Long> out = new HashSet<>();
        for (int r = 0; r < l.outFeatures(); r++) {
            for (long q = crow[r]; q < crow[r + 1]; q++) {
                if (q > crow[r]) assertTrue(col[(int) q] > col[(int) q - 1], "columns sorted within row " + r);
                out.add((long) r * l.inFeatures() + col[(int) q]);
            }
        }
        return out;
    }

    @Test
    void anErdosRenyiLayerHasTheExpectedDensity() {
        SparseLinear l = SparseEvolution.erdosRenyi(784, 1000, 20, true, new Generator(1));
        double p = 20.0 * (784 + 1000) / (784.0 * 1000);
        assertEquals(p, l.density(), 4 * Math.sqrt(p * (1 - p) / (784.0 * 1000)), "density within 4 sigma of p = " + p);
        assertEquals(l.nnz(), positions(l).size());
    }

    @Test
    void evolveRemovesTheSmallestOfEachSignRegrowsAsManyAndKeepsTheRest() {
        SparseLinear l = SparseEvolution.erdosRenyi(40, 30, 3, false, new Generator(2));
        int nnz = l.nnz();
        double[] v = l.ownParameters().get("values").toDoubleArray();
        long[] crow = l.ownBuffers().get("crow_indices").toLongArray(), col = l.ownBuffers().get("col_indices").toLongArray();
        int pos = 0, neg = 0;
        for (double x : v) if (x > 0) pos++; else if (x < 0) neg++;
        Tensor valuesBefore = l.ownParameters().get("values");
        Tensor x = Tensor.randn(new Generator(3), 5, 40);
        var step = SparseEvolution.evolve(l, 0.3, new Generator(4));
        assertEquals((int) Math.floor(0.3 * pos) + (int) Math.floor(0.3 * neg), step.removed());
        assertEquals(step.removed(), step.added());
        assertEquals(nnz, l.nnz(), "the weight count is fixed");
        assertTrue(valuesBefore == l.ownParameters().get("values"), "the same values tensor");
        assertEquals(nnz, positions(l).size(), "no duplicate connections");
        // every kept connection keeps its value; the removed ones were the smallest of their sign
        java.util.Map<Long, Double> after = new java.util.HashMap<>();
        long[] crow2 = l.ownBuffers().get("crow_indices").toLongArray(), col2 = l.ownBuffers().get("col_indices").toLongArray();
        double[] v2 = l.ownParameters().get("values").toDoubleArray();
        for (int r = 0; r < 30; r++) for (long q = crow2[r]; q < crow2[r + 1]; q++) after.put((long) r * 40 + col2[(int) q], v2[(int) q]);
        double maxRemovedPos = 0, minKeptPos = Double.MAX_VALUE;
        for (int r = 0; r < 30; r++) {
            for (long q = crow[r]; q < crow[r + 1]; q++) {
                double w = v[(int) q];
                Double now = after.get((long) r * 40 + col[(int) q]);
                boolean kept = now != null && now == (float) w;
                if (w > 0 && kept) minKeptPos = Math.min(minKeptPos, w);
                if (w > 0 && !kept) maxRemovedPos = Math.max(maxRemovedPos, w);
            }
        }
        assertTrue(maxRemovedPos <= minKeptPos, "removed " + maxRemovedPos + " > kept " + minKeptPos);
        // the layer still runs on the new pattern (its cached structure follows the buffers)
        Tensor dense = l.toDenseWeight();
        assertArrayEquals(x.matmul(dense.t()).toFloatArray(), l.forward(x).toFloatArray(), 1e-5f);
    }

    @Test
    void aFullyConnectedLayerIsLeftAsItIsAndRegrowScaleZeroStartsNewWeightsAtZero() {
        SparseLinear dense = SparseEvolution.erdosRenyi(10, 3, 20, false, new Generator(5));
        assertEquals(30, dense.nnz(), "p caps at 1");
        float[] before = dense.ownParameters().get("values").toFloatArray();
        assertEquals(0, SparseEvolution.evolve(dense, 0.3, new Generator(6)).removed());
        assertArrayEquals(before, dense.ownParameters().get("values").toFloatArray(), 0);
        SparseLinear l = SparseEvolution.erdosRenyi(40, 30, 3, false, new Generator(7));
        int zerosBefore = 0;
        for (float v : l.ownParameters().get("values").toFloatArray()) if (v == 0) zerosBefore++;
        var step = SparseEvolution.evolve(l, 0.3, 0, new Generator(8));
        int zeros = 0;
        for (float v : l.ownParameters().get("values").toFloatArray()) if (v == 0) zeros++;
        assertEquals(zerosBefore + step.added(), zeros, "every regrown weight starts at 0");
    }

    @Test
    void badArgumentsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> SparseEvolution.erdosRenyi(4, 4, 0, true, new Generator(1)));
        assertTrue(e.getMessage().contains("epsilon must be > 0"), e.getMessage());
        SparseLinear l = SparseEvolution.erdosRenyi(10, 10, 2, true, new Generator(1));
        e = assertThrows(IllegalArgumentException.class, () -> SparseEvolution.evolve(l, 1.0, new Generator(1)));
        assertTrue(e.getMessage().contains("zeta must be in [0, 1), got 1.0"), e.getMessage());
    }
}
