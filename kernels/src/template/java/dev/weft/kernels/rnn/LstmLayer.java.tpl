//@class LstmLayer
package dev.weft.kernels.rnn;

import dev.weft.kernels.Bounds;
import dev.weft.kernels.gemm.Gemm;
import dev.weft.kernels.gemm.PackedB;
import dev.weft.kernels.reduce.Reduce;
import dev.weft.kernels.reduce.ReduceFn;

/**
 * A whole LSTM layer direction over T steps as one call each way, input projection included, in the form
 * torch's LSTM computes it (no projection, one direction): per step the two gate products and the fused
 * cell (forward); the backward recurrence, then every weight gradient as one product over all steps instead
 * of T small ones (backward). Built from {@link Gemm} and {@link Cells}, so the scalar/SIMD choice and the
 * thread-count independence are theirs. T steps, B batch, C input, H hidden, G = 4H, gate order (i, f, g, o).
 * Step order: t = 0..T-1, or T-1..0 when reverse; "prev" is the step before in that order (h0, c0 first).
 *
 * <pre>
 * forward:  gx_t = x_t W_ih^T, gh_t = h_prev W_hh^T; (h_t, c_t, gates_t) = lstm cell(gx_t, gh_t, c_prev, bias)
 *           writes out (T, B, H) = h_t, cells (T, B, H) = c_t, gates (T, B, G), hN, cN = the last step's h, c
 * backward: steps in reverse order from dh = dhN, dc = dcN:
 *           (dp_t, dc) = lstm cell backward(dh + dOut_t, dc, gates_t, c_prev, c_t); dh = dp_t W_hh
 *           writes dh0 = dh, dc0 = dc, dW_ih = sum_t dp_t^T x_t (G, C), dW_hh = sum_t dp_t^T h_prev (G, H),
 *           db = sum_t,b dp_t (G), and when asked dx (T, B, C) = dp W_ih
 * </pre>
 *
 * dOut is read as (T, B, H) with a step stride and a row stride (a batch-first gradient in place); every
 * other operand is contiguous at its offset; x is (T, B, C), time-major. Outputs must not overlap inputs.
 */
public final class LstmLayer {
    private LstmLayer() {}

    /**
     * The backward's dp buffer (every element written before it is read) is kept per thread and reused up to
     * this many elements (16 MB of F32), so a training loop does not allocate and zero it every step.
     */
    static final int SCRATCH_MAX = 4 << 20;
    private static final ThreadLocal<float[]> DP_F32 = new ThreadLocal<>();
    private static final ThreadLocal<double[]> DP_F64 = new ThreadLocal<>();

    private static float[] scratchF32(int n) {
        if (n > SCRATCH_MAX) return new float[n];
        float[] a = DP_F32.get();
        if (a == null || a.length < n) DP_F32.set(a = new float[n]);
        return a;
    }

    private static double[] scratchF64(int n) {
        if (n > SCRATCH_MAX) return new double[n];
        double[] a = DP_F64.get();
        if (a == null || a.length < n) DP_F64.set(a = new double[n]);
        return a;
    }

    /** The deepest product one GEMM call takes here (see {@link #gemm(boolean, boolean, int, int, int, float[], int, int, float[], int, int, float, float[], int, int)}). */
    static final int K_CHUNK = 256;

    private static void sizes(String kernel, int T, int B, int C, int H) {
        if (T < 1 || B < 0 || C < 0 || H < 0) {
            throw new IllegalArgumentException(kernel + ": sizes T " + T + " (>= 1), B " + B + ", C " + C + ", H " + H + " (>= 0)");
        }
    }

    /** A contiguous (rows, cols) block at off must lie inside an array of this length. */
    private static void mat(String kernel, String operand, int length, int off, int rows, int cols) {
        Bounds.block(kernel, operand, length, off, cols, rows, cols);
    }

    //@each F32 F64
    /**
     * ${D} forward (see the class comment); bias (G) may be null. Writes out, hN, cN, gates, cells.
     *
     * @param reverse run the steps from T-1 down to 0
     * @param T number of time steps
     * @param B batch size
     * @param C input size
     * @param H hidden size
     * @param x the input (T, B, C), time-major
     * @param xOff index of x's first element
     * @param wih W_ih (4H, C)
     * @param wihOff index of wih's first element
     * @param whh W_hh (4H, H)
     * @param whhOff index of whh's first element
     * @param bias the combined bias b_ih + b_hh (4H), or null
     * @param bOff index of b's first element
     * @param h0 the initial hidden state (B, H)
     * @param h0Off index of h0's first element
     * @param c0 the initial cell state (B, H)
     * @param c0Off index of c0's first element
     * @param out every step's hidden state (T, B, H): written by forward, read by backward
     * @param outOff index of out's first element
     * @param hN the last step's hidden state (B, H), written
     * @param hNOff index of hN's first element
     * @param cN the last step's cell state (B, H), written
     * @param cNOff index of cN's first element
     * @param gates every step's activated gates (T, B, 4H): written by forward, read by backward
     * @param gOff index of g's first element
     * @param cells every step's cell state (T, B, H): written by forward, read by backward
     * @param cellsOff index of cells's first element
     */
    public static void forward(boolean reverse, int T, int B, int C, int H, ${t}[] x, int xOff, ${t}[] wih, int wihOff,
                               ${t}[] whh, int whhOff, ${t}[] bias, int bOff, ${t}[] h0, int h0Off, ${t}[] c0, int c0Off,
                               ${t}[] out, int outOff, ${t}[] hN, int hNOff, ${t}[] cN, int cNOff,
                               ${t}[] gates, int gOff, ${t}[] cells, int cellsOff) {
        String k = "lstm layer";
        sizes(k, T, B, C, H);
        int G = 4 * H, bh = B * H, bg = B * G;
        mat(k, "x", x.length, xOff, T * B, C);
        mat(k, "w_ih", wih.length, wihOff, G, C);
        mat(k, "w_hh", whh.length, whhOff, G, H);
        if (bias != null) mat(k, "bias", bias.length, bOff, 1, G);
        mat(k, "h0", h0.length, h0Off, B, H);
        mat(k, "c0", c0.length, c0Off, B, H);
        mat(k, "out", out.length, outOff, T * B, H);
        mat(k, "hN", hN.length, hNOff, B, H);
        mat(k, "cN", cN.length, cNOff, B, H);
        mat(k, "gates", gates.length, gOff, T * B, G);
        mat(k, "cells", cells.length, cellsOff, T * B, H);
        if (bh == 0) return;
        // W_ih^T (C, G) and W_hh^T (H, G) multiply every step: packed once for the whole sequence
        PackedB[] wihT = packChunks(true, C, G, wih, wihOff, C), whhT = packChunks(true, H, G, whh, whhOff, H);
        ${t}[] gx = new ${t}[bg], gh = new ${t}[bg];
        int last = 0;
        for (int s = 0; s < T; s++) {
            int t = reverse ? T - 1 - s : s, p = reverse ? t + 1 : t - 1;
            ${t}[] hp = s == 0 ? h0 : out, cp = s == 0 ? c0 : cells;
            int hpOff = s == 0 ? h0Off : outOff + p * bh, cpOff = s == 0 ? c0Off : cellsOff + p * bh;
            gemm(B, x, xOff + t * B * C, C, wihT, 0, gx, 0, G);
            gemm(B, hp, hpOff, H, whhT, 0, gh, 0, G);
            Cells.lstm(B, H, gx, 0, G, gh, 0, G, bias, bOff, cp, cpOff, H, out, outOff + t * bh, cells, cellsOff + t * bh, gates, gOff + t * bg);
            last = t;
        }
        System.arraycopy(out, outOff + last * bh, hN, hNOff, bh);
        System.arraycopy(cells, cellsOff + last * bh, cN, cNOff, bh);
    }

    /**
     * ${D} backward (see the class comment). Writes dWih, dWhh, db, dh0, dc0, and dx unless it is null.
     *
     * @param reverse run the steps from T-1 down to 0
     * @param T number of time steps
     * @param B batch size
     * @param C input size
     * @param H hidden size
     * @param dOut the gradient of out, read as (T, B, H) through dStep and dLd
     * @param dOff index of dOut's first element
     * @param dStep distance in dOut between consecutive time steps
     * @param dLd distance in dOut between consecutive batch rows
     * @param dhN the gradient of hN (B, H)
     * @param dhNOff index of dhN's first element
     * @param dcN the gradient of cN (B, H)
     * @param dcNOff index of dcN's first element
     * @param gates every step's activated gates (T, B, 4H): written by forward, read by backward
     * @param gOff index of g's first element
     * @param cells every step's cell state (T, B, H): written by forward, read by backward
     * @param cellsOff index of cells's first element
     * @param x the input (T, B, C), time-major
     * @param xOff index of x's first element
     * @param h0 the initial hidden state (B, H)
     * @param h0Off index of h0's first element
     * @param c0 the initial cell state (B, H)
     * @param c0Off index of c0's first element
     * @param out every step's hidden state (T, B, H): written by forward, read by backward
     * @param outOff index of out's first element
     * @param wih W_ih (4H, C)
     * @param wihOff index of wih's first element
     * @param whh W_hh (4H, H)
     * @param whhOff index of whh's first element
     * @param dx the gradient of x (T, B, C), written; null to skip it
     * @param dxOff index of dx's first element
     * @param dWih the gradient of W_ih (4H, C), written
     * @param dWihOff index of dWih's first element
     * @param dWhh the gradient of W_hh (4H, H), written
     * @param dWhhOff index of dWhh's first element
     * @param db the gradient of the bias (4H), written
     * @param dbOff index of db's first element
     * @param dh0 the gradient of h0 (B, H), written
     * @param dh0Off index of dh0's first element
     * @param dc0 the gradient of c0 (B, H), written
     * @param dc0Off index of dc0's first element
     */
    public static void backward(boolean reverse, int T, int B, int C, int H, ${t}[] dOut, int dOff, int dStep, int dLd,
                                ${t}[] dhN, int dhNOff, ${t}[] dcN, int dcNOff, ${t}[] gates, int gOff, ${t}[] cells, int cellsOff,
                                ${t}[] x, int xOff, ${t}[] h0, int h0Off, ${t}[] c0, int c0Off, ${t}[] out, int outOff,
                                ${t}[] wih, int wihOff, ${t}[] whh, int whhOff,
                                ${t}[] dx, int dxOff, ${t}[] dWih, int dWihOff, ${t}[] dWhh, int dWhhOff, ${t}[] db, int dbOff,
                                ${t}[] dh0, int dh0Off, ${t}[] dc0, int dc0Off) {
        String k = "lstm layer backward";
        sizes(k, T, B, C, H);
        int G = 4 * H, bh = B * H, bg = B * G, n = T * B;
        Bounds.steps(k, "dOut", dOut.length, dOff, dStep, dLd, T, B, H);
        mat(k, "dhN", dhN.length, dhNOff, B, H);
        mat(k, "dcN", dcN.length, dcNOff, B, H);
        mat(k, "gates", gates.length, gOff, n, G);
        mat(k, "cells", cells.length, cellsOff, n, H);
        mat(k, "x", x.length, xOff, n, C);
        mat(k, "h0", h0.length, h0Off, B, H);
        mat(k, "c0", c0.length, c0Off, B, H);
        mat(k, "out", out.length, outOff, n, H);
        mat(k, "w_ih", wih.length, wihOff, G, C);
        mat(k, "w_hh", whh.length, whhOff, G, H);
        if (dx != null) mat(k, "dx", dx.length, dxOff, n, C);
        mat(k, "dW_ih", dWih.length, dWihOff, G, C);
        mat(k, "dW_hh", dWhh.length, dWhhOff, G, H);
        mat(k, "db", db.length, dbOff, 1, G);
        mat(k, "dh0", dh0.length, dh0Off, B, H);
        mat(k, "dc0", dc0.length, dc0Off, B, H);
        if (bh == 0 || C == 0) {
            java.util.Arrays.fill(dWih, dWihOff, dWihOff + G * C, 0);
            if (dx != null) java.util.Arrays.fill(dx, dxOff, dxOff + n * C, 0);
        }
        if (bh == 0) {
            java.util.Arrays.fill(dWhh, dWhhOff, dWhhOff + G * H, 0);
            java.util.Arrays.fill(db, dbOff, dbOff + G, 0);
            return;
        }
        ${t}[] dp = scratch${D}(n * G);                       // every step's pre-activation gradient, time-major
        ${t}[] dh = new ${t}[bh], dhTot = new ${t}[bh], dc = new ${t}[bh], dcNext = new ${t}[bh];
        System.arraycopy(dhN, dhNOff, dh, 0, bh);
        System.arraycopy(dcN, dcNOff, dc, 0, bh);
        PackedB[] whhP = packChunks(false, G, H, whh, whhOff, H);      // dh = dp W_hh at every step
        for (int s = T - 1; s >= 0; s--) {
            int t = reverse ? T - 1 - s : s, p = reverse ? t + 1 : t - 1;
            for (int b = 0; b < B; b++) {
                int d = dOff + t * dStep + b * dLd;
                for (int j = 0; j < H; j++) dhTot[b * H + j] = dh[b * H + j] + dOut[d + j];
            }
            ${t}[] cp = s == 0 ? c0 : cells;
            int cpOff = s == 0 ? c0Off : cellsOff + p * bh;
            Cells.lstmBackward(B, H, dhTot, 0, H, dc, 0, H, gates, gOff + t * bg, G, cp, cpOff, H, cells, cellsOff + t * bh, H,
                    dp, t * bg, dcNext, 0);
            ${t}[] swap = dc;
            dc = dcNext;
            dcNext = swap;
            gemm(B, dp, t * bg, G, whhP, 0, dh, 0, H);
        }
        System.arraycopy(dh, 0, dh0, dh0Off, bh);
        System.arraycopy(dc, 0, dc0, dc0Off, bh);
        Reduce.reduce(ReduceFn.SUM, dp, 0, 1, n, G, db, dbOff);
        // dW^T = sum over rows of (operand row)^T dp row, formed transposed so the transposed copy the product
        // makes is of the narrow operand (x: C wide, h: H wide), not of dp (G wide)
        if (C > 0) {
            ${t}[] t = new ${t}[C * G];
            gemm(true, false, C, G, n, x, xOff, C, dp, 0, G, 0, t, 0, G);
            untranspose(t, C, G, dWih, dWihOff);
            if (dx != null) gemm(false, false, n, C, G, dp, 0, G, wih, wihOff, C, 0, dx, dxOff, C);
        }
        // h_prev of the steps after the first is a block of out's rows; the first step's is h0
        int first = reverse ? T - 1 : 0;
        ${t}[] t = new ${t}[H * G];
        if (T > 1) {
            int dpFrom = reverse ? 0 : 1, outFrom = reverse ? 1 : 0;
            gemm(true, false, H, G, (T - 1) * B, out, outOff + outFrom * bh, H, dp, dpFrom * bg, G, 0, t, 0, G);
        }
        gemm(true, false, H, G, B, h0, h0Off, H, dp, first * bg, G, T > 1 ? 1 : 0, t, 0, G);
        untranspose(t, H, G, dWhh, dWhhOff);
    }

    /** y (cols, rows) at off = the transpose of t (rows, cols). */
    private static void untranspose(${t}[] t, int rows, int cols, ${t}[] y, int off) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) y[off + j * rows + r] = t[r * cols + j];
        }
    }
    //@end

    /** op(B) (k x n) of a product every step repeats, packed once per k chunk of {@link #gemm}. */
    private static PackedB[] packChunks(boolean tb, int k, int n, float[] b, int bOff, int ldb) {
        PackedB[] p = new PackedB[Math.max(1, (k + K_CHUNK - 1) / K_CHUNK)];
        for (int i = 0; i < p.length; i++) {
            int pk = i * K_CHUNK;
            p[i] = Gemm.packB(tb, Math.min(K_CHUNK, k - pk), n, b, bOff + (tb ? pk : pk * ldb), ldb);
        }
        return p;
    }

    /** C = A op(B) + beta C, op(B) from {@link #packChunks}: the chunks, and so the bits, of the unpacked gemm. */
    private static void gemm(int m, float[] a, int aOff, int lda, PackedB[] b, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < b.length; i++) Gemm.sgemm(false, m, 1, a, aOff + i * K_CHUNK, lda, b[i], i == 0 ? beta : 1, c, cOff, ldc);
    }

    /**
     * C = op(A) op(B) + beta C in k chunks of at most {@link #K_CHUNK}: op(B)'s packed panels (k x 2 vectors)
     * then fit in L1 (a 512-deep panel of 32 floats is 64 KB), which measured 10-40% faster for the backward's
     * products on a 48 KB-L1 Xeon. The chunks depend on k alone, so the bits do not depend on anything else.
     */
    private static void gemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        for (int p = 0; p < k || p == 0; p += K_CHUNK) {
            int kc = Math.min(K_CHUNK, k - p);
            int ao = aOff + (ta ? p * lda : p), bo = bOff + (tb ? p : p * ldb);
            Gemm.sgemm(ta, tb, m, n, kc, 1, a, ao, lda, b, bo, ldb, p == 0 ? beta : 1, c, cOff, ldc);
        }
    }

    /** op(B) (k x n) of a product every step repeats, packed once per k chunk of {@link #gemm}. */
    private static PackedB[] packChunks(boolean tb, int k, int n, double[] b, int bOff, int ldb) {
        PackedB[] p = new PackedB[Math.max(1, (k + K_CHUNK - 1) / K_CHUNK)];
        for (int i = 0; i < p.length; i++) {
            int pk = i * K_CHUNK;
            p[i] = Gemm.packB(tb, Math.min(K_CHUNK, k - pk), n, b, bOff + (tb ? pk : pk * ldb), ldb);
        }
        return p;
    }

    /** C = A op(B) + beta C, op(B) from {@link #packChunks}: the chunks, and so the bits, of the unpacked gemm. */
    private static void gemm(int m, double[] a, int aOff, int lda, PackedB[] b, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < b.length; i++) Gemm.dgemm(false, m, 1, a, aOff + i * K_CHUNK, lda, b[i], i == 0 ? beta : 1, c, cOff, ldc);
    }

    private static void gemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        for (int p = 0; p < k || p == 0; p += K_CHUNK) {
            int kc = Math.min(K_CHUNK, k - p);
            int ao = aOff + (ta ? p * lda : p), bo = bOff + (tb ? p : p * ldb);
            Gemm.dgemm(ta, tb, m, n, kc, 1, a, ao, lda, b, bo, ldb, p == 0 ? beta : 1, c, cOff, ldc);
        }
    }
}
