//@class LstmLayer
package dev.weft.kernels.rnn;

import dev.weft.kernels.gemm.Gemm;

/**
 * A whole LSTM layer direction over T steps as one call each way: the recurrent gate product and the fused
 * cell of every step (forward), and the backward recurrence with the weight gradient as one GEMM over all
 * steps instead of T small ones (backward). Built from {@link Gemm} and {@link Cells}, so the scalar/SIMD
 * choice and the thread-count independence are theirs. B batch, H hidden, G = 4H, gate order (i, f, g, o).
 * Step order: t = 0..T-1, or T-1..0 when reverse; "prev" is the step before in that order (h0, c0 first).
 *
 * <pre>
 * forward:  gh_t = h_prev W^T (W = W_hh (G, H)); (h_t, c_t, gates_t) = lstm cell(gx_t, gh_t, c_prev)
 *           writes out (T, B, H) = h_t, cells (T, B, H) = c_t, gates (T, B, G), hN, cN = the last step's h, c
 * backward: steps in reverse order from dh = dhN, dc = dcN:
 *           (dp_t, dc) = lstm cell backward(dh + dOut_t, dc, gates_t, c_prev, c_t); dh = dp_t W
 *           writes dgx (T, B, G) = dp, dh0 = dh, dc0 = dc, dW = sum_t dp_t^T h_prev (G, H)
 * </pre>
 *
 * gx and dOut are read as (T, B, width) with a step stride and a row stride (a batch-first tensor in
 * place); every other operand is contiguous at its offset. Outputs must not overlap inputs.
 */
public final class LstmLayer {
    private LstmLayer() {}

    private static void sizes(String kernel, int T, int B, int H) {
        if (T < 1 || B < 0 || H < 0) {
            throw new IllegalArgumentException(kernel + ": sizes T " + T + " (>= 1), B " + B + ", H " + H + " (>= 0)");
        }
    }

    /** A (T, rows, cols) block at off with step stride ts and row stride ld must lie inside an array of this length. */
    private static void seq(String kernel, String operand, int length, int off, int ts, int ld, int T, int rows, int cols) {
        if (rows == 0 || cols == 0) return;
        long last = off + (long) (T - 1) * ts + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || ts < 0 || ld < 0 || (rows > 1 && ld < cols) || last >= length) {
            throw new IndexOutOfBoundsException(kernel + ": operand " + operand + " (length " + length + ") as (" + T + ", " + rows
                    + ", " + cols + ") from offset " + off + " with step stride " + ts + " and row stride " + ld
                    + " addresses up to index " + last);
        }
    }

    private static void mat(String kernel, String operand, int length, int off, int rows, int cols) {
        seq(kernel, operand, length, off, 0, cols, 1, rows, cols);
    }

    //@each F32 F64
    /** ${D} forward (see the class comment). Writes out, hN, cN, gates, cells. */
    public static void forward(boolean reverse, int T, int B, int H, ${t}[] gx, int gxOff, int gxStep, int gxLd,
                               ${t}[] w, int wOff, ${t}[] h0, int h0Off, ${t}[] c0, int c0Off,
                               ${t}[] out, int outOff, ${t}[] hN, int hNOff, ${t}[] cN, int cNOff,
                               ${t}[] gates, int gOff, ${t}[] cells, int cellsOff) {
        String k = "lstm layer";
        sizes(k, T, B, H);
        int G = 4 * H, bh = B * H, bg = B * G;
        seq(k, "gx", gx.length, gxOff, gxStep, gxLd, T, B, G);
        mat(k, "w_hh", w.length, wOff, G, H);
        mat(k, "h0", h0.length, h0Off, B, H);
        mat(k, "c0", c0.length, c0Off, B, H);
        mat(k, "out", out.length, outOff, T * B, H);
        mat(k, "hN", hN.length, hNOff, B, H);
        mat(k, "cN", cN.length, cNOff, B, H);
        mat(k, "gates", gates.length, gOff, T * B, G);
        mat(k, "cells", cells.length, cellsOff, T * B, H);
        if (bh == 0) return;
        ${t}[] wt = new ${t}[H * G];                          // W^T (H, G): every step's product reads it unpacked
        for (int r = 0; r < G; r++) {
            for (int j = 0; j < H; j++) wt[j * G + r] = w[wOff + r * H + j];
        }
        ${t}[] gh = new ${t}[bg];
        int last = 0;
        for (int s = 0; s < T; s++) {
            int t = reverse ? T - 1 - s : s, p = reverse ? t + 1 : t - 1;
            ${t}[] hp = s == 0 ? h0 : out, cp = s == 0 ? c0 : cells;
            int hpOff = s == 0 ? h0Off : outOff + p * bh, cpOff = s == 0 ? c0Off : cellsOff + p * bh;
            gemm(false, false, B, G, H, hp, hpOff, H, wt, 0, G, 0, gh, 0, G);
            Cells.lstm(B, H, gx, gxOff + t * gxStep, gxLd, gh, 0, G, null, 0, cp, cpOff, H,
                    out, outOff + t * bh, cells, cellsOff + t * bh, gates, gOff + t * bg);
            last = t;
        }
        System.arraycopy(out, outOff + last * bh, hN, hNOff, bh);
        System.arraycopy(cells, cellsOff + last * bh, cN, cNOff, bh);
    }

    /** ${D} backward (see the class comment). Writes dgx, dW, dh0, dc0. */
    public static void backward(boolean reverse, int T, int B, int H, ${t}[] dOut, int dOff, int dStep, int dLd,
                                ${t}[] dhN, int dhNOff, ${t}[] dcN, int dcNOff, ${t}[] gates, int gOff, ${t}[] cells, int cellsOff,
                                ${t}[] h0, int h0Off, ${t}[] c0, int c0Off, ${t}[] out, int outOff, ${t}[] w, int wOff,
                                ${t}[] dgx, int dgxOff, ${t}[] dW, int dWOff, ${t}[] dh0, int dh0Off, ${t}[] dc0, int dc0Off) {
        String k = "lstm layer backward";
        sizes(k, T, B, H);
        int G = 4 * H, bh = B * H, bg = B * G;
        seq(k, "dOut", dOut.length, dOff, dStep, dLd, T, B, H);
        mat(k, "dhN", dhN.length, dhNOff, B, H);
        mat(k, "dcN", dcN.length, dcNOff, B, H);
        mat(k, "gates", gates.length, gOff, T * B, G);
        mat(k, "cells", cells.length, cellsOff, T * B, H);
        mat(k, "h0", h0.length, h0Off, B, H);
        mat(k, "c0", c0.length, c0Off, B, H);
        mat(k, "out", out.length, outOff, T * B, H);
        mat(k, "w_hh", w.length, wOff, G, H);
        mat(k, "dgx", dgx.length, dgxOff, T * B, G);
        mat(k, "dW", dW.length, dWOff, G, H);
        mat(k, "dh0", dh0.length, dh0Off, B, H);
        mat(k, "dc0", dc0.length, dc0Off, B, H);
        if (bh == 0) {
            java.util.Arrays.fill(dW, dWOff, dWOff + G * H, 0);
            return;
        }
        ${t}[] dh = new ${t}[bh], dhTot = new ${t}[bh], dc = new ${t}[bh], dcNext = new ${t}[bh];
        System.arraycopy(dhN, dhNOff, dh, 0, bh);
        System.arraycopy(dcN, dcNOff, dc, 0, bh);
        for (int s = T - 1; s >= 0; s--) {
            int t = reverse ? T - 1 - s : s, p = reverse ? t + 1 : t - 1;
            for (int b = 0; b < B; b++) {
                int d = dOff + t * dStep + b * dLd;
                for (int j = 0; j < H; j++) dhTot[b * H + j] = dh[b * H + j] + dOut[d + j];
            }
            ${t}[] cp = s == 0 ? c0 : cells;
            int cpOff = s == 0 ? c0Off : cellsOff + p * bh;
            Cells.lstmBackward(B, H, dhTot, 0, H, dc, 0, H, gates, gOff + t * bg, G, cp, cpOff, H, cells, cellsOff + t * bh, H,
                    dgx, dgxOff + t * bg, dcNext, 0);
            ${t}[] swap = dc;
            dc = dcNext;
            dcNext = swap;
            gemm(false, false, B, H, G, dgx, dgxOff + t * bg, G, w, wOff, H, 0, dh, 0, H);
        }
        System.arraycopy(dh, 0, dh0, dh0Off, bh);
        System.arraycopy(dc, 0, dc0, dc0Off, bh);
        // dW = sum over steps of dp_t^T h_prev: the steps whose prev is a row block of out in one product, then h0's
        int first = reverse ? T - 1 : 0;                    // the step whose prev is h0
        if (T > 1) {
            int dpFrom = reverse ? 0 : 1, outFrom = reverse ? 1 : 0;
            gemm(true, false, G, H, (T - 1) * B, dgx, dgxOff + dpFrom * bg, G, out, outOff + outFrom * bh, H, 0, dW, dWOff, H);
        }
        gemm(true, false, G, H, B, dgx, dgxOff + first * bg, G, h0, h0Off, H, T > 1 ? 1 : 0, dW, dWOff, H);
    }
    //@end

    private static void gemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        Gemm.sgemm(ta, tb, m, n, k, 1, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    private static void gemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        Gemm.dgemm(ta, tb, m, n, k, 1, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
}
