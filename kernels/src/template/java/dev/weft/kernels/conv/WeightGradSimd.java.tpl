//@twins WeightGradSimd${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.LaneSums;
import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API convolution weight gradient on ${D}: gy rows and cols rows are both read along the long
 * L axis, so nothing is packed or transposed. A block of 4 gw rows (when C_out/G is a multiple of 4,
 * else 2) x 4 gw columns keeps 16 (8) lane accumulators; each gw element is one fma chain over (b, then l in vector steps, the row's tail
 * masked), its lanes summed by {@link LaneSums} at the end. Blocks at the edges repeat the last row or
 * column and drop the copy, so a block's place never changes an element's chain: the bits depend on
 * the vector width only, not on the thread count or the JIT tier. The batch is the outer loop, so one
 * sample's gy and cols stay in cache while every block reads them; the accumulators wait in a small
 * array between samples.
 */
final class WeightGradSimd${D} {
    private WeightGradSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    static void weightGrad(${t}[] gy, int gyOff, ${t}[] cols, int colsOff, int B, int G, int co, int K, int L,
                           ${t}[] gw, int gwOff) {
        int R = co % 4 == 0 ? 4 : 2;                                // gw rows per block: 4 halves the loads per fma
        int rowBlocks = (co + R - 1) / R, quads = (K + 3) / 4, perGroup = rowBlocks * quads, slots = R * 4;
        Parallel.forRows(G * perGroup, (long) slots * B * L, (j0, j1) -> {
            ${t}[] acc = new ${t}[(j1 - j0) * slots * VL];
            for (int b = 0; b < B; b++) {
                for (int j = j0; j < j1; j++) {
                    int g = j / perGroup, o = R * (j % perGroup / quads), k = 4 * (j % quads);
                    int y0 = gyOff + (b * G * co + g * co + o) * L, lastY = gyOff + (b * G * co + g * co + co - 1) * L;
                    int c0 = colsOff + (b * G * K + g * K + k) * L, last = colsOff + (b * G * K + g * K + K - 1) * L;
                    int c1 = Math.min(c0 + L, last), c2 = Math.min(c0 + 2 * L, last), c3 = Math.min(c0 + 3 * L, last);
                    if (R == 4) {
                        block4(gy, y0, y0 + L, y0 + 2 * L, y0 + 3 * L, cols, c0, c1, c2, c3, L, acc, (j - j0) * slots * VL);
                    } else {
                        block(gy, y0, Math.min(y0 + L, lastY), cols, c0, c1, c2, c3, L, acc, (j - j0) * slots * VL);
                    }
                }
            }
            for (int j = j0; j < j1; j++) {
                int g = j / perGroup, o = R * (j % perGroup / quads), k = 4 * (j % quads);
                for (int i = 0; i < R && o + i < co; i++) {
                    for (int q = 0; q < 4 && k + q < K; q++) {
                        gw[gwOff + (g * co + o + i) * K + k + q] = LaneSums.sum(${T}Vector.fromArray(S, acc, ((j - j0) * slots + i * 4 + q) * VL));
                    }
                }
            }
        });
    }

    /** As {@link #block} for 4 gy rows (all valid: co % 4 == 0): 16 accumulators, 8 loads per 16 fma. */
    private static void block4(${t}[] gy, int y0, int y1, int y2, int y3, ${t}[] cols, int c0, int c1, int c2, int c3, int L,
                               ${t}[] acc, int a) {
        ${T}Vector s00 = ${T}Vector.fromArray(S, acc, a), s01 = ${T}Vector.fromArray(S, acc, a + VL);
        ${T}Vector s02 = ${T}Vector.fromArray(S, acc, a + 2 * VL), s03 = ${T}Vector.fromArray(S, acc, a + 3 * VL);
        ${T}Vector s10 = ${T}Vector.fromArray(S, acc, a + 4 * VL), s11 = ${T}Vector.fromArray(S, acc, a + 5 * VL);
        ${T}Vector s12 = ${T}Vector.fromArray(S, acc, a + 6 * VL), s13 = ${T}Vector.fromArray(S, acc, a + 7 * VL);
        ${T}Vector s20 = ${T}Vector.fromArray(S, acc, a + 8 * VL), s21 = ${T}Vector.fromArray(S, acc, a + 9 * VL);
        ${T}Vector s22 = ${T}Vector.fromArray(S, acc, a + 10 * VL), s23 = ${T}Vector.fromArray(S, acc, a + 11 * VL);
        ${T}Vector s30 = ${T}Vector.fromArray(S, acc, a + 12 * VL), s31 = ${T}Vector.fromArray(S, acc, a + 13 * VL);
        ${T}Vector s32 = ${T}Vector.fromArray(S, acc, a + 14 * VL), s33 = ${T}Vector.fromArray(S, acc, a + 15 * VL);
        int bound = S.loopBound(L), l = 0;
        for (; l < bound; l += VL) {
            ${T}Vector u0 = ${T}Vector.fromArray(S, gy, y0 + l), u1 = ${T}Vector.fromArray(S, gy, y1 + l);
            ${T}Vector u2 = ${T}Vector.fromArray(S, gy, y2 + l), u3 = ${T}Vector.fromArray(S, gy, y3 + l);
            ${T}Vector w = ${T}Vector.fromArray(S, cols, c0 + l);
            s00 = u0.fma(w, s00);
            s10 = u1.fma(w, s10);
            s20 = u2.fma(w, s20);
            s30 = u3.fma(w, s30);
            w = ${T}Vector.fromArray(S, cols, c1 + l);
            s01 = u0.fma(w, s01);
            s11 = u1.fma(w, s11);
            s21 = u2.fma(w, s21);
            s31 = u3.fma(w, s31);
            w = ${T}Vector.fromArray(S, cols, c2 + l);
            s02 = u0.fma(w, s02);
            s12 = u1.fma(w, s12);
            s22 = u2.fma(w, s22);
            s32 = u3.fma(w, s32);
            w = ${T}Vector.fromArray(S, cols, c3 + l);
            s03 = u0.fma(w, s03);
            s13 = u1.fma(w, s13);
            s23 = u2.fma(w, s23);
            s33 = u3.fma(w, s33);
        }
        if (l < L) {
            VectorMask<${L}> m = S.indexInRange(l, L);
            ${T}Vector u0 = ${T}Vector.fromArray(S, gy, y0 + l, m), u1 = ${T}Vector.fromArray(S, gy, y1 + l, m);
            ${T}Vector u2 = ${T}Vector.fromArray(S, gy, y2 + l, m), u3 = ${T}Vector.fromArray(S, gy, y3 + l, m);
            ${T}Vector w = ${T}Vector.fromArray(S, cols, c0 + l, m);
            s00 = u0.fma(w, s00);
            s10 = u1.fma(w, s10);
            s20 = u2.fma(w, s20);
            s30 = u3.fma(w, s30);
            w = ${T}Vector.fromArray(S, cols, c1 + l, m);
            s01 = u0.fma(w, s01);
            s11 = u1.fma(w, s11);
            s21 = u2.fma(w, s21);
            s31 = u3.fma(w, s31);
            w = ${T}Vector.fromArray(S, cols, c2 + l, m);
            s02 = u0.fma(w, s02);
            s12 = u1.fma(w, s12);
            s22 = u2.fma(w, s22);
            s32 = u3.fma(w, s32);
            w = ${T}Vector.fromArray(S, cols, c3 + l, m);
            s03 = u0.fma(w, s03);
            s13 = u1.fma(w, s13);
            s23 = u2.fma(w, s23);
            s33 = u3.fma(w, s33);
        }
        s00.intoArray(acc, a);
        s01.intoArray(acc, a + VL);
        s02.intoArray(acc, a + 2 * VL);
        s03.intoArray(acc, a + 3 * VL);
        s10.intoArray(acc, a + 4 * VL);
        s11.intoArray(acc, a + 5 * VL);
        s12.intoArray(acc, a + 6 * VL);
        s13.intoArray(acc, a + 7 * VL);
        s20.intoArray(acc, a + 8 * VL);
        s21.intoArray(acc, a + 9 * VL);
        s22.intoArray(acc, a + 10 * VL);
        s23.intoArray(acc, a + 11 * VL);
        s30.intoArray(acc, a + 12 * VL);
        s31.intoArray(acc, a + 13 * VL);
        s32.intoArray(acc, a + 14 * VL);
        s33.intoArray(acc, a + 15 * VL);
    }

    /** acc[a + (i*4 + q)*VL ...] += lanes of gy row y_i times cols row c_q over one sample's L positions. */
    private static void block(${t}[] gy, int y0, int y1, ${t}[] cols, int c0, int c1, int c2, int c3, int L, ${t}[] acc, int a) {
        ${T}Vector s00 = ${T}Vector.fromArray(S, acc, a), s01 = ${T}Vector.fromArray(S, acc, a + VL);
        ${T}Vector s02 = ${T}Vector.fromArray(S, acc, a + 2 * VL), s03 = ${T}Vector.fromArray(S, acc, a + 3 * VL);
        ${T}Vector s10 = ${T}Vector.fromArray(S, acc, a + 4 * VL), s11 = ${T}Vector.fromArray(S, acc, a + 5 * VL);
        ${T}Vector s12 = ${T}Vector.fromArray(S, acc, a + 6 * VL), s13 = ${T}Vector.fromArray(S, acc, a + 7 * VL);
        int bound = S.loopBound(L), l = 0;
        for (; l < bound; l += VL) {
            ${T}Vector u = ${T}Vector.fromArray(S, gy, y0 + l), v = ${T}Vector.fromArray(S, gy, y1 + l);
            ${T}Vector w = ${T}Vector.fromArray(S, cols, c0 + l);
            s00 = u.fma(w, s00);
            s10 = v.fma(w, s10);
            w = ${T}Vector.fromArray(S, cols, c1 + l);
            s01 = u.fma(w, s01);
            s11 = v.fma(w, s11);
            w = ${T}Vector.fromArray(S, cols, c2 + l);
            s02 = u.fma(w, s02);
            s12 = v.fma(w, s12);
            w = ${T}Vector.fromArray(S, cols, c3 + l);
            s03 = u.fma(w, s03);
            s13 = v.fma(w, s13);
        }
        if (l < L) {
            VectorMask<${L}> m = S.indexInRange(l, L);
            ${T}Vector u = ${T}Vector.fromArray(S, gy, y0 + l, m), v = ${T}Vector.fromArray(S, gy, y1 + l, m);
            ${T}Vector w = ${T}Vector.fromArray(S, cols, c0 + l, m);
            s00 = u.fma(w, s00);
            s10 = v.fma(w, s10);
            w = ${T}Vector.fromArray(S, cols, c1 + l, m);
            s01 = u.fma(w, s01);
            s11 = v.fma(w, s11);
            w = ${T}Vector.fromArray(S, cols, c2 + l, m);
            s02 = u.fma(w, s02);
            s12 = v.fma(w, s12);
            w = ${T}Vector.fromArray(S, cols, c3 + l, m);
            s03 = u.fma(w, s03);
            s13 = v.fma(w, s13);
        }
        s00.intoArray(acc, a);
        s01.intoArray(acc, a + VL);
        s02.intoArray(acc, a + 2 * VL);
        s03.intoArray(acc, a + 3 * VL);
        s10.intoArray(acc, a + 4 * VL);
        s11.intoArray(acc, a + 5 * VL);
        s12.intoArray(acc, a + 6 * VL);
        s13.intoArray(acc, a + 7 * VL);
    }
}
