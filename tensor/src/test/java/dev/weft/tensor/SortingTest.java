package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static dev.weft.tensor.JoiningTest.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Sorting: goldens, the laws sort = sorted permutation and topk = prefix of sort, and error messages. */
class SortingTest {

    @Test
    void sortGoldens() {
        ValuesIndices s = Tensor.of(3f, 1f, 2f).sort();
        assertArrayEquals(new float[] {1, 2, 3}, s.values().toFloatArray());
        assertArrayEquals(new long[] {1, 2, 0}, s.indices().toLongArray());
        // stable in both directions
        Tensor ties = Tensor.of(2L, 1L, 2L, 1L);
        assertArrayEquals(new long[] {1, 3, 0, 2}, ties.sort(0, false, true).indices().toLongArray());
        assertArrayEquals(new long[] {0, 2, 1, 3}, ties.sort(0, true, true).indices().toLongArray());
        assertArrayEquals(new long[] {0, 2, 1, 3}, ties.argsort(0, true).toLongArray());
        // NaN sorts largest
        Tensor n = Tensor.of(Double.NaN, 1.0, Double.NEGATIVE_INFINITY);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 1, Double.NaN}, n.sort().values().toDoubleArray());
        // along dim 0 of a transposed view
        Tensor t = Tensor.of(new int[][] {{3, 1}, {0, 2}, {1, 5}}).t(); // (2, 3): [[3, 0, 1], [1, 2, 5]]
        ValuesIndices c = t.sort(0, false);
        assertArrayEquals(new int[] {1, 0, 1, 3, 2, 5}, c.values().toIntArray());
        assertArrayEquals(new long[] {1, 0, 0, 0, 1, 1}, c.indices().toLongArray());
        assertArrayEquals(new boolean[] {false, true, true}, Tensor.of(true, false, true).sort().values().toBooleanArray());
        assertEquals(0, Tensor.scalar(4).sort().indices().dim());
    }

    @Test
    void topkKthvalueMedianGoldens() {
        Tensor x = Tensor.of(1.0, 5.0, 3.0, 4.0);
        ValuesIndices t = x.topk(2);
        assertArrayEquals(new double[] {5, 4}, t.values().toDoubleArray());
        assertArrayEquals(new long[] {1, 3}, t.indices().toLongArray());
        assertArrayEquals(new long[] {0, 2}, x.topk(2, 0, false, true).indices().toLongArray());
        assertArrayEquals(new long[] {0, 2}, Tensor.of(4.0, 1.0, 5.0).topk(2, 0, true, false).indices().toLongArray());
        ValuesIndices k = Tensor.of(1.0, 2.0, 3.0, 4.0, 5.0).kthvalue(4, 0, false);
        assertEquals(4.0, k.values().item());
        assertEquals(3.0, k.indices().item());
        Tensor m = Tensor.of(new double[][] {{1, 3, 2, 4}, {9, 7, 8, 6}});
        ValuesIndices md = m.median(1, true);
        assertArrayEquals(new int[] {2, 1}, md.values().shape());
        assertArrayEquals(new double[] {2, 7}, md.values().toDoubleArray());
        assertArrayEquals(new long[] {2, 1}, md.indices().toLongArray());
        assertEquals(4.0, m.median().item());
    }

    @Property(tries = 80, seed = "1")
    void sortIsASortedPermutationAndTopkItsPrefix(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        int rank = 1 + rnd.nextInt(3);
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) shape[d] = 1 + rnd.nextInt(6);
        DType dt = new DType[] {DType.F32, DType.F64, DType.I32, DType.I64}[rnd.nextInt(4)];
        // few distinct values so ties are common
        Tensor x = Tensor.randint(new Generator(seed), -3, 4, shape).to(dt);
        if (rnd.nextBoolean() && rank >= 2) x = x.transpose(0, rank - 1);
        int dim = rnd.nextInt(rank);
        boolean desc = rnd.nextBoolean();
        ValuesIndices s = x.sort(dim, desc);
        assertArrayEquals(x.gather(dim, s.indices()).toDoubleArray(), s.values().toDoubleArray());
        Tensor sorted = moveLast(s.values(), dim);
        double[] v = sorted.toDoubleArray();
        long[] idx = moveLast(s.indices(), dim).toLongArray();
        int n = x.size(dim);
        for (int line = 0; line < v.length / n; line++) {
            boolean[] seen = new boolean[n];
            for (int j = 0; j < n; j++) {
                int p = line * n + j;
                seen[(int) idx[p]] = true;
                if (j > 0) {
                    double a = v[p - 1], b = v[p];
                    boolean ordered = desc ? a >= b : a <= b;
                    org.junit.jupiter.api.Assertions.assertTrue(ordered, "line " + line + " not ordered at " + j);
                    if (a == b) org.junit.jupiter.api.Assertions.assertTrue(idx[p - 1] < idx[p], "not stable at " + j);
                }
            }
            for (boolean b : seen) org.junit.jupiter.api.Assertions.assertTrue(b, "indices are not a permutation");
        }
        int k = rnd.nextInt(n + 1);
        ValuesIndices t = x.topk(k, dim, desc, true);
        assertArrayEquals(s.values().narrow(dim, 0, k).toDoubleArray(), t.values().toDoubleArray());
        assertArrayEquals(s.indices().narrow(dim, 0, k).toLongArray(), t.indices().toLongArray());
    }

    /** t with dim moved to the end (a view). */
    static Tensor moveLast(Tensor t, int dim) {
        int[] p = new int[t.dim()];
        for (int i = 0, j = 0; i < t.dim(); i++) if (i != dim) p[j++] = i;
        p[t.dim() - 1] = dim;
        return t.permute(p);
    }

    @Test
    void errors() {
        Tensor x = Tensor.zeros(2, 3);
        error("topk: input (2, 3): k 4 out of range 0..3 for dim 1", () -> x.topk(4));
        error("sort: dim 2 out of range for rank 2", () -> x.sort(2, false));
        error("kthvalue: input (2, 3): k 0 out of range 1..2 for dim 0", () -> x.kthvalue(0, 0, false));
        error("median: input (2, 0): dim 1 is empty", () -> Tensor.zeros(2, 0).median(1, false));
        error("median: input (0,) is empty", () -> Tensor.zeros(0).median());
    }
}
