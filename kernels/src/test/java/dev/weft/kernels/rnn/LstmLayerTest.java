package dev.weft.kernels.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.kernels.KernelImpl;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The whole-layer LSTM kernel against a reference written out here with plain loops and Math (F64, within
 * 1e-12, scalar and SIMD), on sizes with and without vector tails, both directions, with and without bias,
 * the output gradient read batch-first through a step stride and a row stride; F32 bits independent of the
 * thread count; bounds errors naming the operand.
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

    /** One problem: x (T, B, C) time-major; dOut stored batch-first (B, T, H) and read with step stride H, row stride T*H. */
    record Problem(int T, int B, int C, int H, boolean reverse, double[] x, double[] wih, double[] whh, double[] bias, double[] h0,
                   double[] c0, double[] dOut, double[] dhN, double[] dcN) {
        static Problem of(long seed, int T, int B, int C, int H, boolean reverse, boolean bias) {
            SplittableRandom r = new SplittableRandom(seed);
            int G = 4 * H;
            return new Problem(T, B, C, H, reverse, random(r, T * B * C, 2), random(r, G * C, 0.7), random(r, G * H, 0.7),
                    bias ? random(r, G, 0.5) : null, random(r, B * H, 1), random(r, B * H, 1), random(r, B * T * H, 1),
                    random(r, B * H, 1), random(r, B * H, 1));
        }

        double dOut(int t, int b, int j) {
            return dOut[(b * T + t) * H + j];
        }
    }

    /** {out, hN, cN, dx, dWih, dWhh, db, dh0, dc0} by the definitions in LstmLayer's class comment. */
    private static double[][] reference(Problem p) {
        int T = p.T, B = p.B, C = p.C, H = p.H, G = 4 * H;
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
                    double pre = p.bias == null ? 0 : p.bias[k];
                    for (int q = 0; q < C; q++) pre += p.x[(t * B + b) * C + q] * p.wih[k * C + q];
                    for (int j = 0; j < H; j++) pre += h[s][b * H + j] * p.whh[k * H + j];
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
        double[] dh = p.dhN.clone(), dc = p.dcN.clone(), dx = new double[T * B * C], dWih = new double[G * C], dWhh = new double[G * H],
                db = new double[G];
        for (int s = T - 1; s >= 0; s--) {
            int t = order[s];
            double[] dp = new double[B * G], dcPrev = new double[B * H];
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H; j++) {
                    double i = gates[s][b * G + j], f = gates[s][b * G + H + j], g = gates[s][b * G + 2 * H + j],
                            o = gates[s][b * G + 3 * H + j];
                    double tc = Math.tanh(c[s + 1][b * H + j]), dht = dh[b * H + j] + p.dOut(t, b, j);
                    double dct = dc[b * H + j] + dht * o * (1 - tc * tc);
                    dp[b * G + j] = dct * g * i * (1 - i);
                    dp[b * G + H + j] = dct * c[s][b * H + j] * f * (1 - f);
                    dp[b * G + 2 * H + j] = dct * i * (1 - g * g);
                    dp[b * G + 3 * H + j] = dht * tc * o * (1 - o);
                    dcPrev[b * H + j] = dct * f;
                }
            }
            dh = new double[B * H];
            for (int b = 0; b < B; b++) {
                for (int k = 0; k < G; k++) {
                    double d = dp[b * G + k];
                    db[k] += d;
                    for (int j = 0; j < H; j++) {
                        dh[b * H + j] += d * p.whh[k * H + j];
                        dWhh[k * H + j] += d * h[s][b * H + j];
                    }
                    for (int q = 0; q < C; q++) {
                        dx[(t * B + b) * C + q] += d * p.wih[k * C + q];
                        dWih[k * C + q] += d * p.x[(t * B + b) * C + q];
                    }
                }
            }
            dc = dcPrev;
        }
        return new double[][] {out, h[T], c[T], dx, dWih, dWhh, db, dh, dc};
    }

    private static double[][] runF64(Problem p) {
        int T = p.T, B = p.B, C = p.C, H = p.H, G = 4 * H;
        double[] out = new double[T * B * H + 2], hN = new double[B * H], cN = new double[B * H],
                gates = new double[T * B * G], cells = new double[T * B * H];
        LstmLayer.forward(p.reverse, T, B, C, H, p.x, 0, p.wih, 0, p.whh, 0, p.bias, 0, p.h0, 0, p.c0, 0, out, 2, hN, 0, cN, 0,
                gates, 0, cells, 0);
        double[] dx = new double[T * B * C], dWih = new double[G * C], dWhh = new double[G * H], db = new double[G],
                dh0 = new double[B * H], dc0 = new double[B * H];
        LstmLayer.backward(p.reverse, T, B, C, H, p.dOut, 0, H, T * H, p.dhN, 0, p.dcN, 0, gates, 0, cells, 0, p.x, 0, p.h0, 0, p.c0, 0,
                out, 2, p.wih, 0, p.whh, 0, dx, 0, dWih, 0, dWhh, 0, db, 0, dh0, 0, dc0, 0);
        return new double[][] {java.util.Arrays.copyOfRange(out, 2, out.length), hN, cN, dx, dWih, dWhh, db, dh0, dc0};
    }

    private static float[] f32(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    /** Every output of forward and backward in F32, concatenated. */
    private static float[] runF32(Problem p) {
        int T = p.T, B = p.B, C = p.C, H = p.H, G = 4 * H;
        float[] x = f32(p.x), wih = f32(p.wih), whh = f32(p.whh), h0 = f32(p.h0), c0 = f32(p.c0);
        float[] out = new float[T * B * H], hN = new float[B * H], cN = new float[B * H], gates = new float[T * B * G],
                cells = new float[T * B * H];
        LstmLayer.forward(p.reverse, T, B, C, H, x, 0, wih, 0, whh, 0, p.bias == null ? null : f32(p.bias), 0, h0, 0, c0, 0, out, 0,
                hN, 0, cN, 0, gates, 0, cells, 0);
        float[] dx = new float[T * B * C], dWih = new float[G * C], dWhh = new float[G * H], db = new float[G], dh0 = new float[B * H],
                dc0 = new float[B * H];
        LstmLayer.backward(p.reverse, T, B, C, H, f32(p.dOut), 0, H, T * H, f32(p.dhN), 0, f32(p.dcN), 0, gates, 0, cells, 0, x, 0,
                h0, 0, c0, 0, out, 0, wih, 0, whh, 0, dx, 0, dWih, 0, dWhh, 0, db, 0, dh0, 0, dc0, 0);
        float[][] parts = {out, hN, cN, dx, dWih, dWhh, db, dh0, dc0};
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
        return dev.weft.kernels.WithKernels.run(impl, threads, body);
    }

    @Test
    void matchesTheReferenceInF64() {
        String[] names = {"out", "hN", "cN", "dx", "dW_ih", "dW_hh", "db", "dh0", "dc0"};
        int seed = 0;
        for (int[] s : new int[][] {{1, 1, 1, 1}, {3, 2, 1, 3}, {4, 3, 5, 8}, {5, 2, 3, 17}, {2, 65, 2, 4}}) {
            for (boolean reverse : new boolean[] {false, true}) {
                Problem p = Problem.of(seed++, s[0], s[1], s[2], s[3], reverse, seed % 3 != 0);
                double[][] want = reference(p);
                for (KernelImpl impl : KernelImpl.values()) {
                    double[][] got = with(impl, 1, () -> runF64(p));
                    for (int i = 0; i < want.length; i++) {
                        assertArrayEquals(want[i], got[i], 1e-12, impl + " T, B, C, H = " + java.util.Arrays.toString(s) + " reverse="
                                + reverse + " bias=" + (p.bias != null) + ": " + names[i]);
                    }
                }
            }
        }
    }

    @Test
    void f32BitsDoNotDependOnTheThreadCount() {
        Problem p = Problem.of(42, 6, 67, 9, 24, false, true);
        float[] one = with(KernelImpl.SIMD, 1, () -> runF32(p)), three = with(KernelImpl.SIMD, 3, () -> runF32(p));
        assertArrayEquals(one, three);
    }

    @Test
    void boundsErrorsNameTheOperand() {
        float[] a = new float[64];
        var e = assertThrows(IndexOutOfBoundsException.class,
                () -> LstmLayer.forward(false, 3, 2, 11, 2, a, 0, a, 0, a, 0, null, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0));
        assertEquals("lstm layer: operand x (length 64) as (6, 11) from offset 0 with row stride 11 addresses up to index 65", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class,
                () -> LstmLayer.forward(false, 3, 2, 1, 2, a, 0, a, 0, a, 0, null, 0, a, 0, a, 0, a, 0, a, 0, a, 0, new float[10], 0, a, 0));
        assertEquals("lstm layer: operand gates (length 10) as (6, 8) from offset 0 with row stride 8 addresses up to index 47", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class,
                () -> LstmLayer.backward(false, 3, 2, 1, 2, a, 0, 40, 2, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0,
                        a, 0, a, 0, a, 0, a, 0, a, 0, a, 0));
        assertEquals("lstm layer backward: operand dOut (length 64) as (3, 2, 2) from offset 0 with step stride 40 and row stride 2 "
                + "addresses up to index 83", e.getMessage());
        var s = assertThrows(IllegalArgumentException.class,
                () -> LstmLayer.backward(false, 0, 2, 1, 2, a, 0, 0, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0, a, 0,
                        a, 0, a, 0, a, 0, a, 0, a, 0, a, 0));
        assertEquals("lstm layer backward: sizes T 0 (>= 1), B 2, C 1, H 2 (>= 0)", s.getMessage());
    }
}
