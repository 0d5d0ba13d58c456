package dev.weft.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

/**
 * isclose, searchsorted/bucketize, nanToNum, repeatInterleave, addcmul/addcdiv and cdist: values as PyTorch 1.13
 * gives them for the same inputs (printed by torch and written down here), and the errors.
 */
class NumericOpsTest {
    private static final double INF = Double.POSITIVE_INFINITY, NAN = Double.NaN;

    @Test
    void iscloseTreatsInfinitiesAndNaNAsPyTorch() {
        Tensor a = Tensor.of(1.0f, (float) INF, (float) NAN, 1e-9f, 2.0f, (float) -INF);
        Tensor b = Tensor.of(1.0f + 1e-6f, (float) INF, (float) NAN, 0.0f, 2.1f, (float) INF);
        assertArrayEquals(new boolean[] {true, true, false, true, false, false}, a.isclose(b).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, true, true, false, false}, a.isclose(b, 1e-5, 1e-8, true).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, false, false, true, false}, a.isclose(b, 0.1, 0, false).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, true}, Tensor.of(1, 2, 3).isclose(Tensor.of(1, 3, 3)).toBooleanArray());
        assertEquals(DType.BOOL, a.isclose(b).dtype());
        assertEquals("isclose: rtol and atol must be >= 0, got rtol -1.0, atol 0.0",
                assertThrows(IllegalArgumentException.class, () -> a.isclose(b, -1, 0, false)).getMessage());
    }

    @Test
    void searchsortedAndBucketizeGiveInsertionIndices() {
        Tensor s = Tensor.of(1f, 3f, 5f, 7f, 9f);
        Tensor v = Tensor.of(new float[] {3, 6, 9, 3, 6, 0}, 2, 3);
        assertArrayEquals(new long[] {1, 3, 4, 1, 3, 0}, Tensor.searchsorted(s, v, false).toLongArray());
        assertArrayEquals(new long[] {2, 3, 5, 2, 3, 0}, Tensor.searchsorted(s, v, true).toLongArray());
        assertArrayEquals(new int[] {2, 3}, Tensor.searchsorted(s, v, false).shape());
        Tensor s2 = Tensor.of(new float[] {1, 3, 5, 2, 4, 6}, 2, 3), v2 = Tensor.of(new float[] {3, 6, 1, 7}, 2, 2);
        assertArrayEquals(new long[] {1, 3, 0, 3}, Tensor.searchsorted(s2, v2, false).toLongArray());
        assertArrayEquals(new long[] {0, 1, 5}, Tensor.of(0.5f, 3f, 10f).bucketize(s, false).toLongArray());
        assertArrayEquals(new long[] {0, 2, 5}, Tensor.of(0.5f, 3f, 10f).bucketize(s, true).toLongArray());
        assertEquals(DType.I64, Tensor.searchsorted(s, v, false).dtype());
        assertEquals("searchsorted: sorted (2, 3) and values (3,): an N-d sorted sequence needs values with the same leading dims",
                assertThrows(IllegalArgumentException.class, () -> Tensor.searchsorted(s2, Tensor.of(1f, 2f, 3f), false)).getMessage());
        assertEquals("bucketize: boundaries must be 1-d, got (2, 3)",
                assertThrows(IllegalArgumentException.class, () -> v.bucketize(s2, false)).getMessage());
    }

    @Test
    void nanToNumReplacesWithTheDtypesExtremes() {
        Tensor x = Tensor.of((float) NAN, (float) INF, (float) -INF, 1.5f);
        assertArrayEquals(new float[] {0, Float.MAX_VALUE, -Float.MAX_VALUE, 1.5f}, x.nanToNum().toFloatArray());
        assertArrayEquals(new double[] {0, Double.MAX_VALUE, -Double.MAX_VALUE, 1.5}, x.to(DType.F64).nanToNum().toDoubleArray());
        assertArrayEquals(new float[] {2, 1, -1, 1.5f}, x.nanToNum(2, 1, -1).toFloatArray());
        Tensor ints = Tensor.of(1, 2);
        assertEquals(ints, ints.nanToNum());
    }

    @Test
    void repeatInterleaveRepeatsSlicesInOrder() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3, 4, 4}, x.repeatInterleave(2).toFloatArray());
        Tensor rows = x.repeatInterleave(Tensor.of(1L, 2L), 0);
        assertArrayEquals(new int[] {3, 2}, rows.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 3, 4}, rows.toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, x.repeatInterleave(3, 1).reshape(-1).toFloatArray());
        assertArrayEquals(new int[] {0, 2}, x.repeatInterleave(0, 0).shape());
        assertEquals("repeat_interleave: repeats has 3 entries for dim 0 of size 2 (input (2, 2))",
                assertThrows(IllegalArgumentException.class, () -> x.repeatInterleave(Tensor.of(1L, 2L, 3L), 0)).getMessage());
        assertEquals("repeat_interleave: repeats must be >= 0, got -1 at 1",
                assertThrows(IllegalArgumentException.class, () -> x.repeatInterleave(Tensor.of(1L, -1L), 0)).getMessage());
        assertEquals("repeat_interleave: repeats must be an integer 0-d or 1-d tensor, got f32 (2,)",
                assertThrows(IllegalArgumentException.class, () -> x.repeatInterleave(Tensor.of(1f, 2f), 0)).getMessage());
    }

    @Test
    void addcmulAddcdivAndTheirInPlaceForms() {
        Tensor x = Tensor.of(1.0, 2.0), t1 = Tensor.of(3.0, 4.0), t2 = Tensor.of(2.0, 8.0);
        assertArrayEquals(new double[] {4, 18}, x.addcmul(t1, t2, 0.5).toDoubleArray());
        assertArrayEquals(new double[] {-0.5, 1.5}, x.addcdiv(t1, t2, -1).toDoubleArray());
        Tensor y = x.clone();
        y.addcmul_(t1, t2, 1).addcdiv_(t1, t2, 2);
        assertArrayEquals(new double[] {1 + 6 + 3, 2 + 32 + 1}, y.toDoubleArray());
        assertArrayEquals(new double[] {1, 2}, x.toDoubleArray(), "the out-of-place forms leave this alone");
    }

    @Test
    void cdistMatchesTheDefinitionAndChecksShapes() {
        Generator g = new Generator(5);
        Tensor a = Tensor.randn(g, DType.F64, 2, 4, 3), b = Tensor.randn(g, DType.F64, 2, 5, 3);
        for (double p : new double[] {1, 2, 3, Double.POSITIVE_INFINITY}) {
            Tensor d = Tensor.cdist(a, b, p);
            assertArrayEquals(new int[] {2, 4, 5}, d.shape());
            for (int n = 0; n < 2; n++) for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) {
                Tensor diff = a.select(0, n).select(0, i).sub(b.select(0, n).select(0, j));
                assertEquals(diff.norm(p).item(), d.get(n, i, j), 1e-12, "p " + p);
            }
        }
        assertEquals("cdist: x1 (4, 3), x2 (5, 2): expected (..., P, M) and (..., R, M) with the same M",
                assertThrows(IllegalArgumentException.class, () -> Tensor.cdist(Tensor.zeros(4, 3), Tensor.zeros(5, 2), 2)).getMessage());
    }
}
