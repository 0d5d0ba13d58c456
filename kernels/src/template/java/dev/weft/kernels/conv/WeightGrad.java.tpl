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
        int cOut = G * co;
        Parallel.forRows(cOut, (long) K * B * L, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int g = r / co;
                for (int k = 0; k < K; k++) {
                    double s = 0;
                    for (int b = 0; b < B; b++) {
                        int y = gyOff + (b * cOut + r) * L, c = colsOff + (b * G * K + g * K + k) * L;
                        for (int l = 0; l < L; l++) s += (double) gy[y + l] * cols[c + l];
                    }
                    gw[gwOff + r * K + k] = (${t}) s;
                }
            }
        });
    }
}
