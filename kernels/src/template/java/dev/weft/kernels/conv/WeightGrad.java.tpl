//@twins WeightGrad${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;

/**
 * Scalar reference of the convolution weight gradient on ${D}: each gw element is one sum in double over
 * (b, l) in that order. Rows of gw are split over the pool; each element is written by one task.
 */
final class WeightGrad${D} {
    private WeightGrad${D}() {}

    static void weightGrad(${t}[] gy, int gyOff, ${t}[] cols, int colsOff, int B, int G, int co, int K, int L,
                           ${t}[] gw, int gwOff) {
        weightGrad(gy, gyOff, () -> GroupColumns.inPlace(cols, colsOff, G * K * L), B, G, co, K, L, gw, gwOff);
    }

    /**
     * The same sums with the columns read group by group (of {@link WeightGradSimd${D}#GROUP} samples) from
     * a per-task source; each element's double sum runs over (b, l) in the same order, so the same bits.
     */
    static void weightGrad(${t}[] gy, int gyOff, java.util.function.Supplier<GroupColumns> columns, int B, int G, int co, int K,
                           int L, ${t}[] gw, int gwOff) {
        int cOut = G * co, group = WeightGradSimd${D}.GROUP;
        Parallel.forRows(cOut, (long) K * B * L, (r0, r1) -> {
            double[] s = new double[(r1 - r0) * K];
            GroupColumns source = columns.get();
            for (int b0 = 0; b0 < B; b0 += group) {
                int nb = Math.min(group, B - b0), cb = source.group(b0, nb);
                ${t}[] cols = (${t}[]) source.array();
                for (int r = r0; r < r1; r++) {
                    int g = r / co;
                    for (int k = 0; k < K; k++) {
                        double acc = s[(r - r0) * K + k];
                        for (int i = 0; i < nb; i++) {
                            int y = gyOff + ((b0 + i) * cOut + r) * L, c = cb + (i * G * K + g * K + k) * L;
                            for (int l = 0; l < L; l++) acc += (double) gy[y + l] * cols[c + l];
                        }
                        s[(r - r0) * K + k] = acc;
                    }
                }
            }
            for (int i = 0; i < s.length; i++) gw[gwOff + r0 * K + i] = (${t}) s[i];
        });
    }
}
