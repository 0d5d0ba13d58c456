package dev.weft.nn.functional;

import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * F.sparsemax and F.entmax15: hand-computed golden values, the simplex laws (sum 1, >= 0, exact zeros),
 * the 2-vector closed form of sparsemax, entmax-1.5 against a bisection on tau written here, F64
 * gradchecks (first and second order) along the last and an inner dim, and the errors for bad input.
 */
class SparseMapsTest {
    private static Tensor randn(long seed, double scale, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape).mul(scale);
    }

    @Test
    void sparsemaxGoldenValues() {
        // sorted 1, 0.5, -1: support k = 2 (1 + 2 * 0.5 > 1.5, 1 - 3 < 0.5), tau = (1.5 - 1) / 2 = 0.25
        assertArrayEquals(new double[] {0.75, 0.25, 0}, F.sparsemax(Tensor.of(1.0, 0.5, -1.0), 0).toDoubleArray(), 1e-15);
        // a clear winner takes all; equal scores share
        assertArrayEquals(new double[] {0, 1, 0}, F.sparsemax(Tensor.of(0.0, 3.0, 1.0), 0).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, F.sparsemax(Tensor.of(2.0, 2.0, 2.0, 2.0), 0).toDoubleArray(), 1e-15);
        // (0.1, 0.2, 0.3): all in the support, tau = (0.6 - 1) / 3
        double tau = -0.4 / 3;
        assertArrayEquals(new double[] {0.1 - tau, 0.2 - tau, 0.3 - tau}, F.sparsemax(Tensor.of(0.1, 0.2, 0.3), 0).toDoubleArray(), 1e-15);
    }

    @Test
    void sparsemaxOfTwoVectorIsTheClippedLinearMap() {
        // sparsemax([t, 0]) = [clip((t + 1) / 2, 0, 1), 1 - that] (Martins and Astudillo, eq. 7)
        for (double t : new double[] {-3, -1, -0.6, 0, 0.3, 0.99, 1, 2.5}) {
            double a = Math.clamp((t + 1) / 2, 0, 1);
            double s = 0.7;   // shift invariance: [t + s, s]
            assertArrayEquals(new double[] {a, 1 - a}, F.sparsemax(Tensor.of(t + s, s), 0).toDoubleArray(), 1e-14, "t = " + t);
        }
    }

    @Test
    void entmax15GoldenValues() {
        // x / 2 - max = (0, -0.5, -1): support 2, (-tau)^2 + (-0.5 - tau)^2 = 1 -> -tau = (1 + sqrt 7) / 4
        double r7 = Math.sqrt(7);
        assertArrayEquals(new double[] {(1 + r7) * (1 + r7) / 16, (r7 - 1) * (r7 - 1) / 16, 0},
                F.entmax15(Tensor.of(2.0, 1.0, -1.0), 0).toDoubleArray(), 1e-14);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, F.entmax15(Tensor.of(1.0, 1.0, -1.0), 0).toDoubleArray(), 1e-14);
        assertArrayEquals(new double[] {1, 0, 0}, F.entmax15(Tensor.of(2.0, 0.0, -2.0), 0).toDoubleArray(), 1e-14);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, F.entmax15(Tensor.of(5.0, 5.0, 5.0), 0).toDoubleArray(), 1e-14);
    }

    /** entmax-1.5 of one row by bisection on tau: sum_i relu(x_i / 2 - tau)^2 = 1, tau in [max/2 - 1, max/2]. */
    private static double[] entmaxBisection(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) max = Math.max(max, v / 2);
        double lo = max - 1, hi = max;
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2, s = 0;
            for (double v : x) s += Math.pow(Math.max(v / 2 - mid, 0), 2);
            if (s >= 1) lo = mid; else hi = mid;
        }
        double tau = (lo + hi) / 2;
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) p[i] = Math.pow(Math.max(x[i] / 2 - tau, 0), 2);
        return p;
    }

    @Test
    void entmax15MatchesBisection() {
        for (int n : new int[] {1, 2, 5, 17, 64}) {
            for (double scale : new double[] {0.3, 1, 4}) {
                Tensor x = randn(100 + n, scale, 6, n);
                double[] got = F.entmax15(x, 1).toDoubleArray(), xs = x.toDoubleArray();
                for (int r = 0; r < 6; r++) {
                    double[] row = java.util.Arrays.copyOfRange(xs, r * n, (r + 1) * n);
                    double[] want = entmaxBisection(row);
                    for (int i = 0; i < n; i++) {
                        assertEquals(want[i], got[r * n + i], 1e-12, "n " + n + " scale " + scale + " row " + r + " i " + i);
                    }
                }
            }
        }
    }

    @Test
    void bothAreDistributionsWithExactZerosAlongAnyDim() {
        Tensor x = randn(7, 3, 4, 9, 5);
        for (int dim : new int[] {0, 1, -1}) {
            for (Tensor p : new Tensor[] {F.sparsemax(x, dim), F.entmax15(x, dim)}) {
                assertArrayEquals(x.shape(), p.shape());
                assertTrue(p.min().item() >= 0, "nonnegative");
                assertTrue(p.sum(dim).sub(1).abs().max().item() < 1e-12, "rows sum to 1 along dim " + dim);
                assertTrue(p.eq(0.0).any().item() != 0, "some exact zeros at scale 3 along dim " + dim);
            }
        }
        // sparsemax is sparser than entmax-1.5, which is sparser than softmax (no zeros at all)
        Tensor y = randn(8, 2, 50, 12);
        double zs = F.sparsemax(y, 1).eq(0.0).to(DType.F64).sum().item(), ze = F.entmax15(y, 1).eq(0.0).to(DType.F64).sum().item();
        assertTrue(zs > ze && ze > 0, "zeros: sparsemax " + zs + ", entmax15 " + ze);
        assertEquals(0, F.softmax(y, 1).eq(0.0).to(DType.F64).sum().item());
        // an inner dim agrees with moving it last
        assertTrue(F.entmax15(x, 1).allclose(F.entmax15(x.movedim(1, -1), -1).movedim(-1, 1), 0, 1e-15));
        assertTrue(F.sparsemax(x, 0).allclose(F.sparsemax(x.movedim(0, -1), -1).movedim(-1, 0), 0, 1e-15));
    }

    @Test
    void f32AgreesWithF64() {
        Tensor x = randn(21, 2, 4, 33);
        assertTrue(F.sparsemax(x.to(DType.F32), 1).to(DType.F64).allclose(F.sparsemax(x, 1), 0, 1e-5));
        assertTrue(F.entmax15(x.to(DType.F32), 1).to(DType.F64).allclose(F.entmax15(x, 1), 0, 1e-5));
        assertEquals(DType.F32, F.entmax15(x.to(DType.F32), 1).dtype());
    }

    @Test
    void minusInfinityEntriesGetZero() {
        Tensor x = Tensor.of(1.0, Double.NEGATIVE_INFINITY, 0.5, -1.0);
        assertArrayEquals(new double[] {0.75, 0, 0.25, 0}, F.sparsemax(x, 0).toDoubleArray(), 1e-15);
        double[] e = F.entmax15(x, 0).toDoubleArray(), want = entmaxBisection(new double[] {1, -1e300, 0.5, -1});
        assertArrayEquals(want, e, 1e-14);
    }

    @Test
    void gradcheckSparsemax() {
        Tensor x = randn(11, 1.5, 3, 6).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("sparsemax dim -1", a -> F.sparsemax(a[0], -1), x));
        Tensor y = randn(12, 1.5, 5, 2, 3).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("sparsemax dim 0", a -> F.sparsemax(a[0], 0).mul(a[0]), y));
        assertTrue(Gradcheck.gradgradcheck("sparsemax second order", a -> F.sparsemax(a[0], -1).mul(a[0]), x));
    }

    @Test
    void gradcheckEntmax15() {
        Tensor x = randn(13, 1.5, 3, 6).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("entmax15 dim -1", a -> F.entmax15(a[0], -1), x));
        Tensor y = randn(14, 1.5, 5, 2, 3).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("entmax15 dim 0", a -> F.entmax15(a[0], 0).mul(a[0]), y));
        assertTrue(Gradcheck.gradgradcheck("entmax15 second order", a -> F.entmax15(a[0], -1), x));
    }

    @Test
    void badInputIsAnErrorNamingTheFunction() {
        Tensor x = Tensor.zeros(DType.F64, 2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> F.sparsemax(x, 2));
        assertEquals("sparsemax: dim 2 out of range for x (2, 3) (expected in [-2, 1])", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.entmax15(x, -3));
        assertEquals("entmax15: dim -3 out of range for x (2, 3) (expected in [-2, 1])", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.entmax15(Tensor.scalar(1.0, DType.F64), 0));
        assertTrue(e.getMessage().startsWith("entmax15: x is a scalar"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.sparsemax(Tensor.of(1L, 2L), 0));
        assertTrue(e.getMessage().startsWith("sparsemax: x (2,) has dtype i64"), e.getMessage());
    }
}
