//@twins WeightGradSimd${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.LaneSums;
import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API convolution weight gradient on ${D}: gy rows and cols rows are both read along the long
 * L axis, so nothing is transposed. A block of 2 gw rows x 4 gw columns keeps 8 lane accumulators
 * (NOTE: a 4 x 4 block, 16 accumulators, measured faster alone, but in the training step C2 often
 * compiled it with boxed vectors: 80 MB allocated and 3x the time per step). The batch is taken in
 * groups of {@link #GROUP} samples, whose gy and cols stay in cache while every block reads them. A block
 * keeps its accumulators in registers over the whole vectors of every sample of the group, then over the
 * group's tails: the last L % VL positions of each row of each sample, packed side by side into one short
 * row per gy row and cols row and zero-padded to whole vectors (LeNet's conv2 has L = 100: four samples'
 * 4-element tails make one 16-lane vector, where a masked step per sample cost a third of the time).
 * So each gw element is one fma chain in a fixed order (per group: the samples' whole vectors, then the
 * packed tails), its lanes summed by {@link LaneSums} at the end. Blocks at the edges repeat the last row
 * or column and drop the copy, so a block's place never changes an element's chain: the bits depend on
 * the vector width only, not on the thread count or the JIT tier.
 */
final class WeightGradSimd${D} {
    private WeightGradSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Samples per group: 4 LeNet conv2 samples' columns are 240 KB, well inside L2. */
    static final int GROUP = 4;

    static void weightGrad(${t}[] gy, int gyOff, ${t}[] cols, int colsOff, int B, int G, int co, int K, int L,
                           ${t}[] gw, int gwOff) {
        weightGrad(gy, gyOff, () -> GroupColumns.inPlace(cols, colsOff, G * K * L), B, G, co, K, L, gw, gwOff);
    }

    /** The same sum with each group's columns from a per-task source (in place, or made per group). */
    static void weightGrad(${t}[] gy, int gyOff, java.util.function.Supplier<GroupColumns> columns, int B, int G, int co, int K,
                           int L, ${t}[] gw, int gwOff) {
        int R = 2, rowBlocks = (co + 1) / 2, quads = (K + 3) / 4, perGroup = rowBlocks * quads, slots = 8;
        int gyStep = G * co * L, colsStep = G * K * L, bound = S.loopBound(L), rest = L - bound;
        int P = S.loopBound(GROUP * rest + VL - 1);                       // a packed tail row, whole vectors
        Parallel.forRows(G * perGroup, (long) slots * B * L, (j0, j1) -> {
            ${t}[] acc = new ${t}[(j1 - j0) * slots * VL];
            ${t}[] tailY = new ${t}[G * co * P], tailC = new ${t}[G * K * P];
            GroupColumns source = columns.get();
            for (int b0 = 0; b0 < B; b0 += GROUP) {
                int nb = Math.min(GROUP, B - b0), cb = source.group(b0, nb);
                ${t}[] cols = (${t}[]) source.array();
                if (rest > 0) {
                    packTails(gy, gyOff + b0 * gyStep, G * co, gyStep, L, bound, nb, P, tailY);
                    packTails(cols, cb, G * K, colsStep, L, bound, nb, P, tailC);
                }
                for (int j = j0; j < j1; j++) {
                    int g = j / perGroup, o = R * (j % perGroup / quads), k = 4 * (j % quads);
                    int ry0 = g * co + o, ry1 = Math.min(ry0 + 1, g * co + co - 1);
                    int rc0 = g * K + k, lastC = g * K + K - 1;
                    int rc1 = Math.min(rc0 + 1, lastC), rc2 = Math.min(rc0 + 2, lastC), rc3 = Math.min(rc0 + 3, lastC);
                    int y = gyOff + b0 * gyStep, c = cb;
                    block(gy, y + ry0 * L, y + ry1 * L, cols, c + rc0 * L, c + rc1 * L, c + rc2 * L, c + rc3 * L,
                            bound, nb, gyStep, colsStep, acc, (j - j0) * slots * VL);
                    if (rest > 0) {
                        block(tailY, ry0 * P, ry1 * P, tailC, rc0 * P, rc1 * P, rc2 * P, rc3 * P, P, 1, 0, 0,
                                acc, (j - j0) * slots * VL);
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

    /**
     * Row r of tail (P long) = the positions [bound, L) of row r of each of the nb samples (step apart), side
     * by side, then zeros to P.
     */
    private static void packTails(${t}[] a, int off, int rows, int step, int L, int bound, int nb, int P, ${t}[] tail) {
        int rest = L - bound;
        for (int r = 0; r < rows; r++) {
            int d = r * P;
            for (int i = 0; i < nb; i++) {
                int src = off + i * step + r * L + bound;
                for (int q = 0; q < rest; q++) tail[d++] = a[src + q];
            }
            while (d < (r + 1) * P) tail[d++] = 0;
        }
    }

    /**
     * acc[a + (i*4 + q)*VL ...] += lanes of gy row y_i times cols row c_q over positions [0, bound) of nb
     * samples, gyStep and colsStep apart (bound a multiple of VL).
     */
    private static void block(${t}[] gy, int y0, int y1, ${t}[] cols, int c0, int c1, int c2, int c3, int bound, int nb,
                              int gyStep, int colsStep, ${t}[] acc, int a) {
        ${T}Vector s00 = ${T}Vector.fromArray(S, acc, a), s01 = ${T}Vector.fromArray(S, acc, a + VL);
        ${T}Vector s02 = ${T}Vector.fromArray(S, acc, a + 2 * VL), s03 = ${T}Vector.fromArray(S, acc, a + 3 * VL);
        ${T}Vector s10 = ${T}Vector.fromArray(S, acc, a + 4 * VL), s11 = ${T}Vector.fromArray(S, acc, a + 5 * VL);
        ${T}Vector s12 = ${T}Vector.fromArray(S, acc, a + 6 * VL), s13 = ${T}Vector.fromArray(S, acc, a + 7 * VL);
        // one loop over the nb samples' whole vectors, the sample offsets advanced in it: with a loop per
        // sample inside a loop over samples, C2 sometimes compiled this with boxed vectors (9 GB allocated)
        int n = nb * (bound / VL);
        for (int t = 0, l = 0, dy = 0, dc = 0; t < n; t++) {
            ${T}Vector u = ${T}Vector.fromArray(S, gy, y0 + dy + l), v = ${T}Vector.fromArray(S, gy, y1 + dy + l);
            ${T}Vector w = ${T}Vector.fromArray(S, cols, c0 + dc + l);
            s00 = u.fma(w, s00);
            s10 = v.fma(w, s10);
            w = ${T}Vector.fromArray(S, cols, c1 + dc + l);
            s01 = u.fma(w, s01);
            s11 = v.fma(w, s11);
            w = ${T}Vector.fromArray(S, cols, c2 + dc + l);
            s02 = u.fma(w, s02);
            s12 = v.fma(w, s12);
            w = ${T}Vector.fromArray(S, cols, c3 + dc + l);
            s03 = u.fma(w, s03);
            s13 = v.fma(w, s13);
            l += VL;
            if (l == bound) {
                l = 0;
                dy += gyStep;
                dc += colsStep;
            }
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
