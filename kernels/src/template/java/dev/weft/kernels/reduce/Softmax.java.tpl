//@class Softmax
package dev.weft.kernels.reduce;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.elementwise.KernelChecks;

/**
 * Facade of softmax, log-softmax and log-sum-exp along r of contiguous x (outer, r, inner): max-shifted.
 * softmax/logSoftmax write y (outer, r, inner); logSumExp writes y (outer, inner), an all -inf slice giving -inf.
 * Runs {@link SoftmaxSimd} or {@link SoftmaxScalar}, split over the shared pool. Only y is modified.
 */
public final class Softmax {
    private Softmax() {}

    private static boolean simd() {
        return KernelImpl.current() == KernelImpl.SIMD;
    }

    private static void check(String kernel, int xLen, int xOff, int outer, int r, int inner, int yLen, int yOff, boolean full) {
        long n = KernelChecks.dims(kernel, null, outer, r, inner);
        KernelChecks.block(kernel, null, "x", xLen, xOff, n);
        KernelChecks.block(kernel, null, "y", yLen, yOff, full ? n : (long) outer * inner);
    }

    //@each F32 F64
    /**
     * ${D}: y = exp(x - max) / sum_k exp(x - max) along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void softmax(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        check("softmax", x.length, xOff, outer, r, inner, y.length, yOff, true);
        boolean simd = simd();
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) -> {
            if (simd) SoftmaxSimd.softmax(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * r * inner);
            else SoftmaxScalar.softmax(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * r * inner);
        });
    }

    /**
     * ${D}: y = x - max - log(sum_k exp(x - max)) along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void logSoftmax(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        check("logSoftmax", x.length, xOff, outer, r, inner, y.length, yOff, true);
        boolean simd = simd();
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) -> {
            if (simd) SoftmaxSimd.logSoftmax(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * r * inner);
            else SoftmaxScalar.logSoftmax(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * r * inner);
        });
    }

    /**
     * ${D}: y[o, j] = log(sum_k exp(x[o, k, j])). Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void logSumExp(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        check("logSumExp", x.length, xOff, outer, r, inner, y.length, yOff, false);
        boolean simd = simd();
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) -> {
            if (simd) SoftmaxSimd.logSumExp(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * inner);
            else SoftmaxScalar.logSumExp(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * inner);
        });
    }
    //@end
}
