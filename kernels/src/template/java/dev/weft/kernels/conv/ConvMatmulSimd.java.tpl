//@twins ConvMatmulSimd${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API convolution product on ${D}, reading the columns in place: no packed copy of each sample's
 * (K, L) columns, which the general GEMM makes and which cost as much as the arithmetic for LeNet's
 * few output rows. A tile is 6 rows x 2 vectors of columns in 12 accumulators; each y element is one
 * fma chain over k in order from zero, stored as is: the GEMM micro-kernel's chain, so the same bits
 * as the blocked GEMM (k <= its 512-long slice). Rows past the last repeat it (and store the same bits over it); a
 * row's last columns are one more tile ending at L (of one vector when they fit in one), overlapping the
 * previous one (the same chains again), and rows shorter than 2 vectors take the same chain in scalar fma.
 */
final class ConvMatmulSimd${D} {
    private ConvMatmulSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    static final int MR = 6;

    static void matmul(${t}[] w, int wOff, int rs, int cs, ${t}[] cols, int colsOff, int B, int G, int co, int K, int L,
                       ${t}[] y, int yOff) {
        int blocks = (co + MR - 1) / MR;
        int[] rowOff = new int[K];
        for (int k = 0; k < K; k++) rowOff[k] = k * L;
        Parallel.forRows(B * G * blocks, (long) MR * K * L, (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                int bg = t / blocks, o = MR * (t % blocks), g = bg % G, rows = Math.min(MR, co - o);
                int wr = wOff + (g * co + o) * rs, src = colsOff + bg * K * L, dst = yOff + (bg * co + o) * L;
                if (L < 2 * VL) {
                    scalarRows(w, wr, rs, cs, rows, cols, src, K, L, y, dst);
                    continue;
                }
                int l = 0;
                for (; l + 2 * VL <= L; l += 2 * VL) tile(w, wr, rs, cs, rows, cols, src + l, rowOff, y, dst + l, L);
                // the last columns: one tile ending at L, of one vector when they fit in one (half the work of
                // recomputing a two-vector tile's overlap: LeNet's conv2 input gradient, L = 100)
                if (l < L && L - l <= VL) tile1(w, wr, rs, cs, rows, cols, src + L - VL, rowOff, y, dst + L - VL, L);
                else if (l < L) tile(w, wr, rs, cs, rows, cols, src + L - 2 * VL, rowOff, y, dst + L - 2 * VL, L);
            }
        });
    }

    /**
     * y rows [0, rows) (row stride ys), columns [0, 2*VL) from dst = sum_k w(row, k) * b row k, where b row k starts
     * at src + rowOff[k] ({@code k * L} for columns; a tap's shift in a padded image for {@link ConvDirectSimd${D}}).
     */
    static void tile(${t}[] w, int wr, int rs, int cs, int rows, ${t}[] b, int src, int[] rowOff, ${t}[] y, int dst, int ys) {
        int last = rows - 1;
        int a0 = wr, a1 = wr + Math.min(1, last) * rs, a2 = wr + Math.min(2, last) * rs;
        int a3 = wr + Math.min(3, last) * rs, a4 = wr + Math.min(4, last) * rs, a5 = wr + Math.min(5, last) * rs;
        ${T}Vector c00 = ${T}Vector.zero(S), c01 = ${T}Vector.zero(S), c10 = ${T}Vector.zero(S), c11 = ${T}Vector.zero(S);
        ${T}Vector c20 = ${T}Vector.zero(S), c21 = ${T}Vector.zero(S), c30 = ${T}Vector.zero(S), c31 = ${T}Vector.zero(S);
        ${T}Vector c40 = ${T}Vector.zero(S), c41 = ${T}Vector.zero(S), c50 = ${T}Vector.zero(S), c51 = ${T}Vector.zero(S);
        for (int k = 0; k < rowOff.length; k++) {
            int bi = src + rowOff[k], ak = k * cs;
            ${T}Vector b0 = ${T}Vector.fromArray(S, b, bi), b1 = ${T}Vector.fromArray(S, b, bi + VL);
            ${T}Vector av = ${T}Vector.broadcast(S, w[a0 + ak]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = ${T}Vector.broadcast(S, w[a1 + ak]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = ${T}Vector.broadcast(S, w[a2 + ak]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = ${T}Vector.broadcast(S, w[a3 + ak]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = ${T}Vector.broadcast(S, w[a4 + ak]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = ${T}Vector.broadcast(S, w[a5 + ak]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
        }
        // rows past the last computed the last row's chains again: storing them there rewrites the same bits,
        // with no branch to deoptimize when a block with fewer rows first arrives
        int d1 = dst + Math.min(1, last) * ys, d2 = dst + Math.min(2, last) * ys, d3 = dst + Math.min(3, last) * ys;
        int d4 = dst + Math.min(4, last) * ys, d5 = dst + Math.min(5, last) * ys;
        c00.intoArray(y, dst);
        c01.intoArray(y, dst + VL);
        c10.intoArray(y, d1);
        c11.intoArray(y, d1 + VL);
        c20.intoArray(y, d2);
        c21.intoArray(y, d2 + VL);
        c30.intoArray(y, d3);
        c31.intoArray(y, d3 + VL);
        c40.intoArray(y, d4);
        c41.intoArray(y, d4 + VL);
        c50.intoArray(y, d5);
        c51.intoArray(y, d5 + VL);
    }

    /** {@link #tile} on one vector of columns: y rows [0, rows), columns [0, VL) from dst, the same chains. */
    static void tile1(${t}[] w, int wr, int rs, int cs, int rows, ${t}[] b, int src, int[] rowOff, ${t}[] y, int dst, int ys) {
        int last = rows - 1;
        int a0 = wr, a1 = wr + Math.min(1, last) * rs, a2 = wr + Math.min(2, last) * rs;
        int a3 = wr + Math.min(3, last) * rs, a4 = wr + Math.min(4, last) * rs, a5 = wr + Math.min(5, last) * rs;
        ${T}Vector c0 = ${T}Vector.zero(S), c1 = ${T}Vector.zero(S), c2 = ${T}Vector.zero(S);
        ${T}Vector c3 = ${T}Vector.zero(S), c4 = ${T}Vector.zero(S), c5 = ${T}Vector.zero(S);
        for (int k = 0; k < rowOff.length; k++) {
            int ak = k * cs;
            ${T}Vector b0 = ${T}Vector.fromArray(S, b, src + rowOff[k]);
            c0 = ${T}Vector.broadcast(S, w[a0 + ak]).fma(b0, c0);
            c1 = ${T}Vector.broadcast(S, w[a1 + ak]).fma(b0, c1);
            c2 = ${T}Vector.broadcast(S, w[a2 + ak]).fma(b0, c2);
            c3 = ${T}Vector.broadcast(S, w[a3 + ak]).fma(b0, c3);
            c4 = ${T}Vector.broadcast(S, w[a4 + ak]).fma(b0, c4);
            c5 = ${T}Vector.broadcast(S, w[a5 + ak]).fma(b0, c5);
        }
        c0.intoArray(y, dst);
        c1.intoArray(y, dst + Math.min(1, last) * ys);
        c2.intoArray(y, dst + Math.min(2, last) * ys);
        c3.intoArray(y, dst + Math.min(3, last) * ys);
        c4.intoArray(y, dst + Math.min(4, last) * ys);
        c5.intoArray(y, dst + Math.min(5, last) * ys);
    }

    /** The same chains in scalar fma, for rows shorter than one tile. */
    private static void scalarRows(${t}[] w, int wr, int rs, int cs, int rows, ${t}[] cols, int src, int K, int L, ${t}[] y, int dst) {
        for (int i = 0; i < rows; i++) {
            for (int l = 0; l < L; l++) {
                ${t} s = 0;
                for (int k = 0; k < K; k++) s = Math.fma(w[wr + i * rs + k * cs], cols[src + k * L + l], s);
                y[dst + i * L + l] = s;
            }
        }
    }
}
