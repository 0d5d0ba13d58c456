package dev.weft.kernels.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The whole-layer LSTM kernel against a reference written out here with plain loops and Math (F64, within
 * 1e-12, scalar and SIMD), on sizes with and without vector tails, both directions, gx read batch-first
 * through a step stride and a row stride; F32 bits independent of the thread count; bounds errors naming
 * the operand.
 */
class LstmLayerTest {
    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double[] random(SplittableRandom r, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = scale * (2 * r.nextDouble() - 1);
        return a;
    }

    /** One problem: gx stored batch-first (B, T, G) and read as (T, B, G) with step stride G, row stride T*G. */
    record Problem(int T, int B, int H, boolean reverse, double[] gx, double[] w, double[] h0, double[] c0, double[] dOut,
                   double[] dhN, double[] dcN) {
        static Problem of(long seed, int T, int B, int H, boolean reverse) {
            SplittableRandom r = new SplittableRandom(seed);
            int G = 4 * H;
            return new Problem(T, B, H, reverse, random(r, B * T * G, 2), random(r, G * H, 0.7), random(r, B * H, 1),
                    random(r, B * H, 1), random(r, T * B * H, 1), random(r, B * H, 1), random(r, B * H, 1));
        }

        double gx(int t, int b, int k) {
            return gx[(b * T + t) * 4 * H + k];
        }
    }

    /** {out, hN, cN, dgx, dW, dh0, dc0} by the definitions in LstmLayer's class comment. */
    private static double[][] reference(Problem p) {
        int T = p.T, B = p.B, H = p.H, G = 4 * H;
        double[][] h = new double[T + 1][], c = new double[T + 1][], gates = new double[T][];
        int[] order = new int[T];
        for (int s = 0; s < T; s++) order[s] = p.reverse ? T - 1 - s : s;
        h[0] = p.h0;
        c[0] = p.c0;
        double[] out = new double[T * B * H];
        for (int s = 0; s < T; s++) {
            int t = order[s];
            h[s + 1] = new double[B * H];
            c[s + 1] = new double[B * H];
            gates[s] = new double[B * G];
            for (int b = 0; b < B; b++) {
                for (int k = 0; k < G; k++) {
                    double pre = p.gx(t, b, k);
                    for (int j = 0; j < H; j++) pre += h[s][b * H + j] * p.w[k * H + j];
                    gates[s][b * G + k] = k >= 2 * H && k < 3 * H ? Math.tanh(pre) : sigmoid(pre);
                }
                for (int j = 0; j < H; j++) {
                    double i = gates[s][b * G + j], f = gates[s][b * G + H + j], g = gates[s][b * G + 2 * H + j],
                            o = gates[s][b * G + 3 * H + j];
                    double cn = f * c[s][b * H + j] + i * g;
                    c[s + 1][b * H + j] = cn;
                    h[s + 1][b * H + j] = o * Math.tanh(cn);
                    out[(t * B + b) * H + j] = h[s + 1][b * H + j];
                }
            }
        }
        double[] dh = p.dhN.clone(), dc = p.dcN.clone(), dgx = new double[T * B * G], dW = new double[G * H];
        for (int s = T - 1; s >= 0; s--) {
            int t = order[s];
            double[] dp = new double[B * G], dcPrev = new double[B * H];
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H; j++) {
                    double i = gates[s][b * G + j], f = gates[s][b * G + H + j], g = gates[s][b * G + 2 * H + j],
                            o = gates[s][b * G + 3 * H + j];
                    double tc = Math.tanh(c[s + 1][b * H + j]), dht = dh[b * H + j] + p.dOut[(t * B + b) * H + j];
                    double dct = dc[b * H + j] + dht * o * (1 - tc * tc);
                    dp[b * G + j] = dct * g * i * (1 - i);
                    dp[b * G + H + j] = dct * c[s][b * H + j] * f * (1 - f);
                    dp[b * G + 2 * H + j] = dct * i * (1 - g * g);
                    dp[b * G + 3 * H + j] = dht * tc * o * (1 - o);
                    dcPrev[b * H + j] = dct * f;
                }
            }
            System.arraycopy(dp, 0, dgx, t * B * G, B * G);
            dh = new double[B * H];
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H; j++) {
                    for (int k = 0; k < G; k++) {
                        dh[b * H + j] += dp[b * G + k] * p.w[k * H + j];
                        dW[k * H + j] += dp[b * G + k] * h[s][b * H + j];
                    }
                }
            }
            dc = dcPrev;
        }
        return new double[][] {out, h[T], c[T], dgx, dW, dh, dc};
    }

    private static double[][] runF64(Problem p) {
        int T = p.T, B = p.B, H = p.H, G = 4 * H;
        double[] out = new double[T * B * H + 2], hN = new double[B * H], cN = new double[B * H],
                gates = new double[T * B * G], cells = new double[T * B * H];
        LstmLayer.forward(p.reverse, T, B, H, p.gx, 0, G, T * G, p.w, 0, p.h0, 0, p.c0, 0, out, 2, hN, 0, cN, 0, gates, 0, cells, 0);
        double[] dgx = new double[T * B * G], dW = new double[G * H], dh0 = new double[B * H], dc0 = new double[B * H];
        LstmLayer.backward(p.reverse, T, B, H, p.dOut, 0, B * H, H, p.dhN, 0, p.dcN, 0, gates, 0, cells, 0, p.h0, 0, p.c0, 0,
                out, 2, p.w, 0, dgx, 0, dW, 0, dh0, 0, dc0, 0);
        return new double[][] {java.util.Arrays.copyOfRange(out, 2, out.length), hN, cN, dgx, dW, dh0, dc0};
    }

    private static float[] f32(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    /** Every output of forward and backward in F32, concatenated. */
    private static float[] runF32(Problem p) {
        int T = p.T, B = p.B, H = p.H, G = 4 * H;
        float[] w = f32(p.w), h0 = f32(p.h0), c0 = f32(p.c0);
        float[] out = new float[T * B * H], hN = new float[B * H], cN = new float[B * H], gates = new float[T * B * G],
                cells = new float[T * B * H];
        LstmLayer.forward(p.reverse, T, B, H, f32(p.gx), 0, G, T * G, w, 0, h0, 0, c0, 0, out, 0, hN, 0, cN, 0, gates, 0, cells, 0);
        float[] dgx = new float[T * B * G], dW = new float[G * H], dh0 = new float[B * H], dc0 = new float[B * H];
        LstmLayer.backward(p.reverse, T, B, H, f32(p.dOut), 0, B * H, H, f32(p.dhN), 0, f32(p.dcN), 0, gates, 0, cells, 0, h0, 0,
                c0, 0, out, 0, w, 0, dgx, 0, dW, 0, dh0, 0, dc0, 0);
        float[][] parts = {out, hN, cN, dgx, dW, dh0, dc0};
        int n = 0;
        for (float[] a : parts) n += a.length;
        float[] all = new float[n];
        n = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, all, n, a.length);
            n += a.length;
        }
        return all;
    }

    private static <T> T with(KernelImpl impl, int threads, java.util.function.Supplier<T> body) {
        KernelImpl oldImpl = KernelImpl.current();
        int oldThreads = Parallel.threads();
        KernelImpl.set(impl);
        Parallel.setThreads(threads);
        try {
            return body.get();
        } finally {
            Parallel.setThreads(oldThreads);
            KernelImpl.set(oldImpl);
        }
    }

    @Test
    void matchesTheReferenceInF64() {
        String[] names = {"out", "hN", "cN", "dgx", "dW", "dh0", "dc0"};
        int seed = 0;
        for (int[] s : new int[][] {{1, 1, 1}, {3, 2, 3}, {4, 3, 8}, {5, 2, 17}, {2, 65, 4}}) {
            for (boolean reverse : new boolean[] {false, true}) {
                Problem p = Problem.of(seed++, s[0], s[1], s[2], reverse);
                double[][] want = reference(p);
                for (KernelImpl impl : KernelImpl.values()) {
                    double[][] got = with(impl, 1, () -> runF64(p));
                    for (int i = 0; i < want.length; i++) {
                        assertArrayEquals(want[i], got[i], 1e-12, impl + " T, B, H = " + java.util.Arrays.toString(s) + " reverse="
                                + reverse + ": " + names[i]);
                    }
                }
            }
        }
    }

    @Test
    void f32BitsDoNotDependOnTheThreadCount() {
        Problem p = Problem.of(42, 6, 67, 24, false);
        float[] one = with(KernelImpl.SIMD, 1, () -> runF32(p)), three = with(KernelImpl.SIMD, 3, () -> runF32(p));
        assertArrayEquals(one, three);
    }

    @Test
    void boundsErrorsNameTheOperand() {
        float[] a = new float[64];
        var e = assertThrows(IndexOutOfBoundsException.class,
                () -> LstmLayer.forward(false, 3, 2, 2, a, 0, 24, 16, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0));
        assertEquals("lstm layer: operand gx (length 64) as (3, 2, 8) from offset 0 with step stride 24 and row stride 16 "
                + "addresses up to index 71", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class,
                () -> LstmLayer.forward(false, 3, 2, 2, a, 0, 16, 8, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, new float[10], 0, a, 0));
        assertEquals("lstm layer: operand gates (length 10) as (1, 6, 8) from offset 0 with step stride 0 and row stride 8 "
                + "addresses up to index 47", e.getMessage());
        var s = assertThrows(IllegalArgumentException.class,
                () -> LstmLayer.backward(false, 0, 2, 2, a, 0, 0, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0));
        assertEquals("lstm layer backward: sizes T 0 (>= 1), B 2, H 2 (>= 0)", s.getMessage());
    }
}
