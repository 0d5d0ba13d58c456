//@twins ConvMatmul${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;

/**
 * Scalar reference of the convolution's product on ${D}: each y element one sum in double over k in
 * order. Split over (sample, group, output row); each element is written by one task.
 */
final class ConvMatmul${D} {
    private ConvMatmul${D}() {}

    static void matmul(${t}[] w, int wOff, int rs, int cs, ${t}[] cols, int colsOff, int B, int G, int co, int K, int L,
                       ${t}[] y, int yOff) {
        Parallel.forRows(B * G * co, (long) K * L, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int bg = r / co, o = r % co, g = bg % G;
                int wr = wOff + (g * co + o) * rs, src = colsOff + bg * K * L, dst = yOff + r * L;
                for (int l = 0; l < L; l++) {
                    double s = 0;
                    for (int k = 0; k < K; k++) s += (double) w[wr + k * cs] * cols[src + k * L + l];
                    y[dst + l] = (${t}) s;
                }
            }
        });
    }
}
