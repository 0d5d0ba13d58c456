//@twins ScatterReduce${D} F32 F64 literals
package dev.weft.kernels.index;

import dev.weft.kernels.Parallel;
import java.util.Arrays;

/**
 * Scalar scatter_reduce on ${D} (indices already checked). No Vector API twin: targets repeat, so
 * lanes would conflict, and the reduction order must stay the sources' order.
 */
final class ScatterReduce${D} {
    private ScatterReduce${D}() {}

    static void reduce(ScatterReduceFn fn, boolean includeSelf, ${t}[] src, int sOff, long[] idx, int idxOff,
                       int outer, int dS, int inner, ${t}[] y, int yOff, int dY) {
        int per = dS * inner, ny = dY * inner;
        if (per == 0) return;
        boolean counted = !includeSelf || fn == ScatterReduceFn.MEAN;
        Parallel.forRows(outer, per, (o0, o1) -> {
            int[] count = counted ? new int[ny] : null;
            for (int o = o0; o < o1; o++) {
                int yb = yOff + o * ny, sb = sOff + o * per, ib = idxOff + o * per;
                if (counted) Arrays.fill(count, 0);
                for (int q = 0; q < per; q++) {
                    int t = (int) idx[ib + q] * inner + q % inner;
                    ${t} v = src[sb + q];
                    if (!includeSelf && count[t] == 0) y[yb + t] = v;
                    else y[yb + t] = combine(fn, y[yb + t], v);
                    if (counted) count[t]++;
                }
                if (fn == ScatterReduceFn.MEAN) {
                    int self = includeSelf ? 1 : 0;
                    for (int t = 0; t < ny; t++) if (count[t] > 0) y[yb + t] = y[yb + t] / (count[t] + self);
                }
            }
        });
    }

    static ${t} combine(ScatterReduceFn fn, ${t} a, ${t} b) {
        return switch (fn) {
            case SUM, MEAN -> a + b;
            case PROD -> a * b;
            case AMAX -> b > a || b != b ? b : a;
            case AMIN -> b < a || b != b ? b : a;
        };
    }
}
