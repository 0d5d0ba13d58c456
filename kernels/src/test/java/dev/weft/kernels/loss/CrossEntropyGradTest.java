package dev.weft.kernels.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused cross-entropy backward: scalar reference against the formula written out, SIMD against scalar
 * at class counts around the vector width (tails), and the facade's row split independent of the row count.
 */
public class CrossEntropyGradTest {

    /** One random problem: logits, their log-sum-exp, the per-row and per-class factors, targets (some ignored). */
    public record Case(int n, int c, double[] x, double[] lse, double[] a, double[] m, double[] t, int[] target, double[] b) {
        public static Case random(SplittableRandom r, int n, int c, boolean smoothing) {
            double[] x = new double[n * c], lse = new double[n], a = new double[n], m = new double[n], t = new double[n];
            int[] target = new int[n];
            for (int i = 0; i < n; i++) {
                double mx = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    x[i * c + k] = (float) (r.nextGaussian() * 3);
                    mx = Math.max(mx, x[i * c + k]);
                }
                double s = 0;
                for (int k = 0; k < c; k++) s += Math.exp(x[i * c + k] - mx);
                lse[i] = (float) (mx + Math.log(s));
                target[i] = i % 5 == 3 ? -1 : r.nextInt(c);
                a[i] = (float) r.nextDouble(0.1, 2);
                m[i] = smoothing ? (float) r.nextDouble() : 0;
                t[i] = target[i] < 0 ? 0 : (float) r.nextDouble(0.1, 2);
            }
            double[] b = null;
            if (smoothing) {
                b = new double[c];
                for (int k = 0; k < c; k++) b[k] = (float) r.nextDouble(0, 0.1);
            }
            return new Case(n, c, x, lse, a, m, t, target, b);
        }

        float[] xf() {
            float[] f = new float[x.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) x[i];
            return f;
        }

        float[] lsef() {
            float[] f = new float[lse.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) lse[i];
            return f;
        }

        public float[] simdF32() {
            float[] dx = new float[n * c];
            CrossEntropyGradSimd.rows(xf(), 0, 0, n, c, lsef(), a, m, t, target, b, dx, 0);
            return dx;
        }

        public double[] simdF64() {
            double[] dx = new double[n * c];
            CrossEntropyGradSimd.rows(x, 0, 0, n, c, lse, a, m, t, target, b, dx, 0);
            return dx;
        }

        /** The formula, element by element in double. */
        double[] expected() {
            double[] dx = new double[n * c];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < c; k++) {
                    dx[i * c + k] = a[i] * Math.exp(x[i * c + k] - lse[i]) - (b == null ? 0 : m[i] * b[k])
                            - (k == target[i] ? t[i] : 0);
                }
            }
            return dx;
        }
    }

    @Test
    void scalarIsTheFormulaAndSimdAgreesAtEveryTail() {
        SplittableRandom r = new SplittableRandom(11);
        for (int c : new int[] {1, 3, 7, 8, 9, 15, 16, 17, 33, 100}) {
            for (boolean smooth : new boolean[] {false, true}) {
                Case k = Case.random(r, 6, c, smooth);
                double[] want = k.expected();
                double[] sd = new double[want.length];
                CrossEntropyGradScalar.rows(k.x(), 0, 0, k.n(), c, k.lse(), k.a(), k.m(), k.t(), k.target(), k.b(), sd, 0);
                assertArrayEquals(want, sd, 1e-15, "scalar F64, c = " + c);
                assertArrayEquals(want, k.simdF64(), 1e-13, "SIMD F64, c = " + c);
                float[] sf = new float[want.length];
                CrossEntropyGradScalar.rows(k.xf(), 0, 0, k.n(), c, k.lsef(), k.a(), k.m(), k.t(), k.target(), k.b(), sf, 0);
                float[] vf = k.simdF32();
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], sf[i], 1e-6, "scalar F32, c = " + c + " at " + i);
                    assertEquals(sf[i], vf[i], 2e-6, "SIMD F32 vs scalar, c = " + c + " at " + i);
                }
            }
        }
    }

    @Test
    void theFacadeGivesTheSameBitsWhateverTheRowCountAndOffset() {
        Case k = Case.random(new SplittableRandom(12), 40, 77, true);
        double[] whole = new double[k.n() * k.c()];
        CrossEntropyGrad.apply(k.x(), 0, k.n(), k.c(), k.lse(), k.a(), k.m(), k.t(), k.target(), k.b(), whole, 0);
        // row 5 alone, read from an offset array and written at an offset: the same bits as in the whole call
        int c = k.c();
        double[] x1 = new double[3 + c], dx1 = new double[2 + c];
        System.arraycopy(k.x(), 5 * c, x1, 3, c);
        CrossEntropyGrad.apply(x1, 3, 1, c, new double[] {k.lse()[5]}, new double[] {k.a()[5]}, new double[] {k.m()[5]},
                new double[] {k.t()[5]}, new int[] {k.target()[5]}, k.b(), dx1, 2);
        for (int j = 0; j < c; j++) {
            assertEquals(Double.doubleToRawLongBits(whole[5 * c + j]), Double.doubleToRawLongBits(dx1[2 + j]), "class " + j);
        }
    }
}
