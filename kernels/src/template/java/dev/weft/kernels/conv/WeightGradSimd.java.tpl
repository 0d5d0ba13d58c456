//@twins WeightGradSimd${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.LaneSums;
import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API convolution weight gradient on ${D}: gy rows and cols rows are both read along the long
 * L axis, so nothing is packed or transposed. (Layers with enough output channels per group to fill
 * vectors take {@link WeightGradLanesSimd${D}} instead.) A block of 2 gw rows x 4 gw columns keeps 8 lane
 * accumulators (NOTE: a 4 x 4 block, 16 accumulators, measured faster alone, but in the training
 * step C2 often compiled it with boxed vectors: 80 MB allocated and 3x the time per step). Each gw
 * element is one fma chain over (b, then l in vector steps, the row's tail masked), its lanes summed by {@link LaneSums} at the end. Blocks at the edges repeat the last row or
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
        if (WeightGradLanesSimd${D}.applies(co)) {
            int[] off = new int[K], pos = new int[L];
            for (int k = 0; k < K; k++) off[k] = k * L;
            for (int l = 0; l < L; l++) pos[l] = l;
            WeightGradLanesSimd${D}.weightGrad(gy, gyOff, B, G, co, K, L, cols, colsOff, G * K * L, K * L, off, pos, gw, gwOff);
            return;
        }
        ${t}[] acc = accumulators(G, co, K);
        accumulate(gy, gyOff, cols, colsOff, B, G, co, K, L, acc);
        finish(acc, G, co, K, gw, gwOff);
    }

    /** The product of {@link #weightGrad} with each sample's L positions read as rows of rowWidth ({@link #accumulateRows}). */
    static void weightGradRows(${t}[] gy, int gyOff, ${t}[] cols, int colsOff, int B, int G, int co, int K, int L, int rowWidth,
                               ${t}[] gw, int gwOff) {
        if (WeightGradLanesSimd${D}.applies(co) || rowWidth == L) {
            weightGrad(gy, gyOff, cols, colsOff, B, G, co, K, L, gw, gwOff);
            return;
        }
        int[] tapOff = new int[G * K];
        for (int k = 0; k < G * K; k++) tapOff[k] = k * L;
        ${t}[] acc = accumulators(G, co, K);
        accumulateRows(gy, gyOff, cols, colsOff, G * K * L, tapOff, rowWidth, B, G, co, K, L / rowWidth, rowWidth, acc);
        finish(acc, G, co, K, gw, gwOff);
    }

    /**
     * Fresh (zero) accumulators of the row-wise kernel for a (G*co, K) gradient: 8 lane vectors per block of
     * 2 gw rows x 4 gw columns, indexed by block, so every call of {@link #accumulate} with the same shape
     * finds each block's accumulators in the same place whatever the thread split.
     */
    static ${t}[] accumulators(int G, int co, int K) {
        return new ${t}[G * ((co + 1) / 2) * ((K + 3) / 4) * 8 * VL];
    }

    /**
     * Continues every gw element's fma chain over B more samples (gy (B, G*co, L) and cols (B, G*K, L)). Calls
     * for consecutive groups of samples, in batch order, give the chain one call over the whole batch gives,
     * so a caller can make the columns a few samples at a time (NOTE: the group loop lives outside the kernel's
     * tasks; inside them, C2 compiled the block with boxed vectors in some launches).
     */
    static void accumulate(${t}[] gy, int gyOff, ${t}[] cols, int colsOff, int B, int G, int co, int K, int L, ${t}[] acc) {
        int R = 2, rowBlocks = (co + 1) / 2, quads = (K + 3) / 4, perGroup = rowBlocks * quads, slots = 8;
        Parallel.forRows(G * perGroup, (long) slots * B * L, (j0, j1) -> {
            for (int b = 0; b < B; b++) {
                for (int j = j0; j < j1; j++) {
                    int g = j / perGroup, o = R * (j % perGroup / quads), k = 4 * (j % quads);
                    int y0 = gyOff + (b * G * co + g * co + o) * L, lastY = gyOff + (b * G * co + g * co + co - 1) * L;
                    int c0 = colsOff + (b * G * K + g * K + k) * L, last = colsOff + (b * G * K + g * K + K - 1) * L;
                    block(gy, y0, Math.min(y0 + L, lastY), cols, c0, Math.min(c0 + L, last), Math.min(c0 + 2 * L, last),
                            Math.min(c0 + 3 * L, last), L, acc, j * slots * VL);
                }
            }
        });
    }

    /**
     * Continues the chains over B samples, with each sample's L = outH * outW positions taken as outH rows of
     * outW: each row is vector steps from its first column, its last step's lanes past the row zeroed, so lanes
     * never mix rows.
     * Tap k of group g of sample b, output row r, column c is src[srcOff + b*sampleStride + tapOff[g*K + k] +
     * r*rowStride + c]: the rows of im2col columns (tapOff = (g*K + k) L, rowStride = outW) or of the image itself
     * at a stride-1 convolution's tap shifts (rowStride = sH times the padded width), which give the same chains,
     * so the gradient needs no columns.
     */
    static void accumulateRows(${t}[] gy, int gyOff, ${t}[] src, int srcOff, int sampleStride, int[] tapOff, int rowStride,
                               int B, int G, int co, int K, int outH, int outW, ${t}[] acc) {
        int R = 2, rowBlocks = (co + 1) / 2, quads = (K + 3) / 4, perGroup = rowBlocks * quads, slots = 8, L = outH * outW;
        int perRow = (outW + VL - 1) / VL, steps = outH * perRow;
        int[] atGy = new int[steps], atSrc = new int[steps];
        long[] lanes = new long[steps];
        for (int r = 0, t = 0; r < outH; r++) {
            for (int c = 0; c < outW; c += VL, t++) {
                atGy[t] = r * outW + c;
                atSrc[t] = r * rowStride + c;
                lanes[t] = outW - c >= VL ? -1L : (1L << (outW - c)) - 1;
            }
        }
        int maxTap = 0;
        for (int v : tapOff) maxTap = Math.max(maxTap, v);
        // one sample's reads, as whole vectors: gy from its first row, taps from its first element
        int gyReach = G * co * L - L + atGy[steps - 1] + VL, srcReach = maxTap + atSrc[steps - 1] + VL;
        Parallel.forRows(G * perGroup, (long) slots * B * L, (j0, j1) -> {
            for (int b = 0; b < B; b++) {
                ${t}[] g0 = gy, s0 = src;
                int gb = gyOff + b * G * co * L, sb = srcOff + b * sampleStride;
                if (gb + gyReach > gy.length || sb + srcReach > src.length) {
                    // the last samples' whole vectors would pass an array's end: they read copies with room past it
                    g0 = java.util.Arrays.copyOfRange(gy, gb, gb + gyReach);
                    s0 = java.util.Arrays.copyOfRange(src, sb, sb + srcReach);
                    gb = 0;
                    sb = 0;
                }
                for (int j = j0; j < j1; j++) {
                    int g = j / perGroup, o = R * (j % perGroup / quads), k = 4 * (j % quads), t0 = g * K;
                    int y0 = gb + (g * co + o) * L, lastY = gb + (g * co + co - 1) * L;
                    blockRows(g0, y0, Math.min(y0 + L, lastY), s0, sb + tapOff[t0 + k], sb + tapOff[t0 + Math.min(k + 1, K - 1)],
                            sb + tapOff[t0 + Math.min(k + 2, K - 1)], sb + tapOff[t0 + Math.min(k + 3, K - 1)], atGy, atSrc, lanes,
                            acc, j * slots * VL);
                }
            }
        });
    }

    /**
     * The block of {@link #block} over the row steps of accumulateRows: step t reads gy at y + atGy[t] and the
     * taps at c + atSrc[t], whole vectors (inside gy and src) whose lanes past the row are set to zero (lanes[t]'s
     * bits are the lanes kept): the zeros a masked load reads, so the bits of a masked step. (One loop over a step
     * table, no loop nest: see the NOTE on the tail.) NOTE: whole loads, not masked ones: masked loads and
     * indexInRange branch inside the JDK on whether the vector is in range, and those branches' profiles are shared
     * with every other kernel's masked accesses: after the pooling and loss kernels had run, C2 compiled the masked
     * loop 1.8x slower (LeNet's conv1: 423 -> 739 us, up to 3 ms), in every training launch. Whole loads, fromLong
     * masks and blends have no such branch (350 us either way).
     */
    private static void blockRows(${t}[] gy, int y0, int y1, ${t}[] src, int c0, int c1, int c2, int c3, int[] atGy, int[] atSrc,
                                  long[] lanes, ${t}[] acc, int a) {
        ${T}Vector s00 = ${T}Vector.fromArray(S, acc, a), s01 = ${T}Vector.fromArray(S, acc, a + VL);
        ${T}Vector s02 = ${T}Vector.fromArray(S, acc, a + 2 * VL), s03 = ${T}Vector.fromArray(S, acc, a + 3 * VL);
        ${T}Vector s10 = ${T}Vector.fromArray(S, acc, a + 4 * VL), s11 = ${T}Vector.fromArray(S, acc, a + 5 * VL);
        ${T}Vector s12 = ${T}Vector.fromArray(S, acc, a + 6 * VL), s13 = ${T}Vector.fromArray(S, acc, a + 7 * VL);
        ${T}Vector zero = ${T}Vector.zero(S);
        for (int t = 0; t < atGy.length; t++) {
            VectorMask<${T}> m = VectorMask.fromLong(S, lanes[t]);
            int yt = atGy[t], st = atSrc[t];
            ${T}Vector u = zero.blend(${T}Vector.fromArray(S, gy, y0 + yt), m), v = zero.blend(${T}Vector.fromArray(S, gy, y1 + yt), m);
            ${T}Vector w = zero.blend(${T}Vector.fromArray(S, src, c0 + st), m);
            s00 = u.fma(w, s00);
            s10 = v.fma(w, s10);
            w = zero.blend(${T}Vector.fromArray(S, src, c1 + st), m);
            s01 = u.fma(w, s01);
            s11 = v.fma(w, s11);
            w = zero.blend(${T}Vector.fromArray(S, src, c2 + st), m);
            s02 = u.fma(w, s02);
            s12 = v.fma(w, s12);
            w = zero.blend(${T}Vector.fromArray(S, src, c3 + st), m);
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

    /** gw (G*co, K) = the lane sums of the accumulators (overwritten). */
    static void finish(${t}[] acc, int G, int co, int K, ${t}[] gw, int gwOff) {
        int R = 2, rowBlocks = (co + 1) / 2, quads = (K + 3) / 4, perGroup = rowBlocks * quads, slots = 8;
        for (int j = 0; j < G * perGroup; j++) {
            int g = j / perGroup, o = R * (j % perGroup / quads), k = 4 * (j % quads);
            for (int i = 0; i < R && o + i < co; i++) {
                for (int q = 0; q < 4 && k + q < K; q++) {
                    gw[gwOff + (g * co + o + i) * K + k + q] = LaneSums.sum(${T}Vector.fromArray(S, acc, (j * slots + i * 4 + q) * VL));
                }
            }
        }
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
        s00.intoArray(acc, a);
        s01.intoArray(acc, a + VL);
        s02.intoArray(acc, a + 2 * VL);
        s03.intoArray(acc, a + 3 * VL);
        s10.intoArray(acc, a + 4 * VL);
        s11.intoArray(acc, a + 5 * VL);
        s12.intoArray(acc, a + 6 * VL);
        s13.intoArray(acc, a + 7 * VL);
        if (l < L) tail(gy, y0, y1, cols, c0, c1, c2, c3, l, L, acc, a);
    }

    /**
     * The last L % VL positions of 2 gy rows x 4 cols rows: one masked step on the 8 accumulators at acc[a...].
     * NOTE: its own method, not a second copy of the step inside block: with it inline, C2 sometimes compiled
     * block with boxed vectors in the training step (3x the time, tens of MB allocated per step).
     */
    private static void tail(${t}[] gy, int y0, int y1, ${t}[] cols, int c0, int c1, int c2, int c3, int l, int L, ${t}[] acc, int a) {
        VectorMask<${L}> m = S.indexInRange(l, L);
        ${T}Vector u = ${T}Vector.fromArray(S, gy, y0 + l, m), v = ${T}Vector.fromArray(S, gy, y1 + l, m);
        ${T}Vector w = ${T}Vector.fromArray(S, cols, c0 + l, m);
        u.fma(w, ${T}Vector.fromArray(S, acc, a)).intoArray(acc, a);
        v.fma(w, ${T}Vector.fromArray(S, acc, a + 4 * VL)).intoArray(acc, a + 4 * VL);
        w = ${T}Vector.fromArray(S, cols, c1 + l, m);
        u.fma(w, ${T}Vector.fromArray(S, acc, a + VL)).intoArray(acc, a + VL);
        v.fma(w, ${T}Vector.fromArray(S, acc, a + 5 * VL)).intoArray(acc, a + 5 * VL);
        w = ${T}Vector.fromArray(S, cols, c2 + l, m);
        u.fma(w, ${T}Vector.fromArray(S, acc, a + 2 * VL)).intoArray(acc, a + 2 * VL);
        v.fma(w, ${T}Vector.fromArray(S, acc, a + 6 * VL)).intoArray(acc, a + 6 * VL);
        w = ${T}Vector.fromArray(S, cols, c3 + l, m);
        u.fma(w, ${T}Vector.fromArray(S, acc, a + 3 * VL)).intoArray(acc, a + 3 * VL);
        v.fma(w, ${T}Vector.fromArray(S, acc, a + 7 * VL)).intoArray(acc, a + 7 * VL);
    }
}
