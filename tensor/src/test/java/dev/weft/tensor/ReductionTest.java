package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReductionTest {
    // x = [[1, 2, 3], [4, 5, 6]]
    private static final Tensor X = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void sumMeanProd() {
        assertEquals(21.0, X.sum().item());
        assertEquals(0, X.sum().dim());
        assertArrayEquals(new double[] {5, 7, 9}, X.sum(0).toDoubleArray());
        assertArrayEquals(new double[] {6, 15}, X.sum(-1).toDoubleArray());
        assertArrayEquals(new int[] {2, 1}, X.sum(1, true).shape());
        assertArrayEquals(new double[] {2.5, 3.5, 4.5}, X.mean(0).toDoubleArray());
        assertEquals(3.5, X.mean().item());
        assertArrayEquals(new double[] {6, 120}, X.prod(1).toDoubleArray());
        assertEquals(720.0, X.prod().item());
        // integer sums accumulate in I64
        Tensor i = Tensor.of(Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertEquals(DType.I64, i.sum().dtype());
        assertEquals(2L * Integer.MAX_VALUE, (long) i.sum().item());
        assertEquals(2.0, Tensor.of(true, false, true).sum().item());
        // sum over the transposed view equals the sum over the other dim
        assertArrayEquals(X.sum(0).toDoubleArray(), X.t().sum(1).toDoubleArray());
        assertEquals(0.0, Tensor.zeros(0, 3).sum().item());
    }

    @Test
    void maxMinArg() {
        Tensor y = Tensor.of(new double[][] {{3, 1, 3}, {0, 7, -2}});
        assertEquals(7.0, y.max().item());
        assertEquals(-2.0, y.min().item());
        ValuesIndices m = y.max(1);
        assertArrayEquals(new double[] {3, 7}, m.values().toDoubleArray());
        assertArrayEquals(new long[] {0, 1}, m.indices().toLongArray());
        ValuesIndices n = y.min(0, true);
        assertArrayEquals(new int[] {1, 3}, n.values().shape());
        assertArrayEquals(new double[] {0, 1, -2}, n.values().toDoubleArray());
        assertArrayEquals(new long[] {1, 0, 1}, n.indices().toLongArray());
        assertEquals(4L, (long) y.argmax().item());
        assertEquals(5L, (long) y.argmin().item());
        assertArrayEquals(new long[] {0, 1, 0}, y.argmax(0).toLongArray());
        assertArrayEquals(new double[] {3, 7}, y.amax(1).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, -2}, y.amin(new int[] {0}, false).toDoubleArray());
        assertEquals(Double.NaN, Tensor.of(1.0, Double.NaN, 3.0).max().item());
        assertEquals(1L, (long) Tensor.of(1.0, Double.NaN, 3.0).argmax().item());
        assertArrayEquals(new boolean[] {true, false}, Tensor.of(new boolean[][] {{true, false}, {false, false}}).amax(1).toBooleanArray());
        ValuesIndices bm = Tensor.of(false, true, true).max(0);
        assertEquals(DType.BOOL, bm.values().dtype());
        assertEquals(1L, (long) bm.indices().item());
    }

    @Test
    void varStdNorm() {
        assertArrayEquals(new double[] {1, 1}, X.var(1).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3}, X.var(new int[] {1}, 0, false).toDoubleArray(), 1e-12);
        assertEquals(3.5, X.var().item(), 1e-12);
        assertEquals(Math.sqrt(3.5), X.std().item(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(4.5), Math.sqrt(4.5), Math.sqrt(4.5)}, X.std(0).toDoubleArray(), 1e-12);
        assertEquals(Math.sqrt(91), X.norm().item(), 1e-12);
        assertEquals(21.0, X.norm(1).item(), 1e-12);
        assertEquals(6.0, X.norm(Double.POSITIVE_INFINITY).item());
        assertEquals(1.0, X.norm(Double.NEGATIVE_INFINITY).item());
        assertEquals(6.0, X.norm(0).item());
        assertEquals(Math.cbrt(1 + 8 + 27 + 64 + 125 + 216), X.norm(3).item(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(14), Math.sqrt(77)}, X.norm("fro", new int[] {1}, false).toDoubleArray(), 1e-12);
        assertEquals(Double.NaN, Tensor.of(1.0).var().item());
    }

    @Test
    void logsumexpSoftmaxScans() {
        double l0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double l1 = Math.log(Math.exp(4) + Math.exp(5) + Math.exp(6));
        assertArrayEquals(new double[] {l0, l1}, X.logsumexp(1).toDoubleArray(), 1e-12);
        assertEquals(Math.log(Math.exp(l0) + Math.exp(l1)), X.logsumexp().item(), 1e-12);
        double[] sm = X.softmax(1).toDoubleArray();
        for (int j = 0; j < 3; j++) assertEquals(Math.exp(j + 1 - l0), sm[j], 1e-12);
        double[] lsm = X.logSoftmax(1).toDoubleArray();
        for (int j = 0; j < 3; j++) assertEquals(j + 4 - l1, lsm[3 + j], 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, Tensor.ones(DType.F64, 2, 3).softmax(0).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1, 3, 6, 4, 9, 15}, X.cumsum(1).toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 3, 4, 10, 18}, X.cumprod(0).toDoubleArray());
        assertEquals(DType.I64, Tensor.of(1, 2, 3).cumsum(0).dtype());
        assertArrayEquals(new long[] {1, 3, 6}, Tensor.of(1, 2, 3).cumsum(0).toLongArray());
        assertArrayEquals(new float[] {1f}, Tensor.scalar(2).softmax(0).reshape(1).toFloatArray());
    }

    @Test
    void allAny() {
        Tensor b = Tensor.of(new boolean[][] {{true, true}, {true, false}});
        assertEquals(0.0, b.all().item());
        assertEquals(1.0, b.any().item());
        assertArrayEquals(new boolean[] {true, false}, b.all(1).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true}, b.any(0).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false}, Tensor.of(new double[][] {{1, 2}, {0, 3}}).all(1).toBooleanArray());
        assertEquals(1.0, Tensor.zeros(0).all().item());
    }

    @Test
    void reducedDimsInSeveralRunsMatchOnePermutedRun() {
        // (0, 2, 3) of NCHW, the bias-gradient pattern, is reduced run by run in place; the permuted copy is the reference
        Generator g = new Generator(7);
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            Tensor x = Tensor.randn(g, dt, 5, 3, 7, 9);
            Tensor ref = x.permute(1, 0, 2, 3).contiguous().reshape(3, -1);
            assertArrayEquals(ref.sum(1).to(DType.F64).toDoubleArray(), x.sum(0, 2, 3).to(DType.F64).toDoubleArray(), 1e-4);
            assertArrayEquals(ref.amax(1).to(DType.F64).toDoubleArray(), x.amax(0, 2, 3).to(DType.F64).toDoubleArray(), 0);
            assertArrayEquals(new int[] {1, 3, 1, 1}, x.sum(new int[] {0, 2, 3}, true).shape());
            Tensor y = Tensor.randn(g, dt, 4, 3, 5, 2, 6);   // two kept dims between three runs
            Tensor refY = y.permute(1, 3, 0, 2, 4).contiguous().reshape(3, 2, -1);
            assertArrayEquals(refY.sum(2).to(DType.F64).toDoubleArray(), y.sum(0, 2, 4).to(DType.F64).toDoubleArray(), 1e-4);
        }
        Tensor i = Tensor.of(new long[] {1, 2, 3, 4, 5, 6, 7, 8}).reshape(2, 2, 2);
        assertArrayEquals(new long[] {1 + 2 + 5 + 6, 3 + 4 + 7 + 8}, i.sum(0, 2).toLongArray());
    }

    @Test
    void sumToSizeUndoesBroadcasting() {
        Tensor g = Tensor.ones(DType.F64, 4, 2, 3);
        assertArrayEquals(new double[] {8, 8, 8}, g.sumToSize(3).toDoubleArray());
        assertArrayEquals(new int[] {2, 1}, g.sumToSize(2, 1).shape());
        assertArrayEquals(new double[] {12, 12}, g.sumToSize(2, 1).toDoubleArray());
        assertEquals(24.0, g.sumToSize().item());
        assertEquals("sum_to_size: shape (3, 3) does not broadcast to (4, 2, 3)",
                assertThrows(IllegalArgumentException.class, () -> g.sumToSize(3, 3)).getMessage());
    }

    @Test
    void errors() {
        assertEquals("softmax: dim 2 out of range for rank 2 (expected -2..1)",
                assertThrows(IllegalArgumentException.class, () -> X.softmax(2)).getMessage());
        assertEquals("cumsum: dim -3 out of range for rank 2 (expected -2..1)",
                assertThrows(IllegalArgumentException.class, () -> X.cumsum(-3)).getMessage());
        assertEquals("var: expected a floating dtype (f32 or f64), got i32 for input (2,)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.of(1, 2).var()).getMessage());
        assertEquals("sum: dim 2 out of range for rank 2 (expected -2..1)",
                assertThrows(IllegalArgumentException.class, () -> X.sum(2)).getMessage());
        assertEquals("sum: dim 1 repeated in [1, -1]",
                assertThrows(IllegalArgumentException.class, () -> X.sum(1, -1)).getMessage());
        assertEquals("mean: expected a floating dtype (f32 or f64), got i64 for input (3,)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.arange(3).mean()).getMessage());
        assertEquals("amax: cannot reduce over dim 0 of size 0 in (0, 3) (no identity)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).amax(0)).getMessage());
        assertEquals("max: cannot reduce over dim 0 of size 0 in (0,) (no identity)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).max(0)).getMessage());
        assertEquals("norm: unknown p \"nuc\" (expected fro, inf, -inf or a number)",
                assertThrows(IllegalArgumentException.class, () -> X.norm("nuc", null, false)).getMessage());
    }
}
