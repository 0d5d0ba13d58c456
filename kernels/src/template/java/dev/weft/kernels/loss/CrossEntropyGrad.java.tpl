//@class CrossEntropyGrad
package dev.weft.kernels.loss;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import dev.weft.kernels.elementwise.KernelChecks;

/**
 * The fused backward of cross-entropy over class indices, for contiguous logits x (n, c) and their
 * log-sum-exp per row (from the forward): for row i
 * <pre>
 *   dx[i, k] = a[i] * exp(x[i, k] - lse[i]) - m[i] * b[k]        (b null: no second term)
 *   dx[i, target[i]] -= t[i]                                       (target[i] &lt; 0: no target term)
 * </pre>
 * which is softmax-minus-one-hot with the loss's per-row scale (incoming gradient, reduction divisor,
 * target class weight, 1 - label smoothing) folded into a and t, and label smoothing's per-class term
 * (smoothing / c times the class weight) in b. One pass over x, no softmax or one-hot tensor.
 * Runs {@link CrossEntropyGradSimd} or {@link CrossEntropyGradScalar}, rows split over the shared pool
 * (each row written by one task: the bits do not depend on the thread count). Only dx is modified.
 */
public final class CrossEntropyGrad {
    private CrossEntropyGrad() {}

    private static void check(int xLen, int xOff, int n, int c, int dxLen, int dxOff, int lse, int a, int m, int t,
                              int target, int b) {
        String k = "crossEntropyGrad";
        long count = KernelChecks.dims(k, null, n, c, 1);
        KernelChecks.block(k, null, "x", xLen, xOff, count);
        KernelChecks.block(k, null, "dx", dxLen, dxOff, count);
        for (int len : new int[] {lse, a, m, t, target}) KernelChecks.block(k, null, "row array", len, 0, n);
        if (b >= 0) KernelChecks.block(k, null, "b", b, 0, c);
    }

    //@each F32 F64
    /**
     * ${D}: writes dx (n, c) as in the class comment.
     *
     * @param x the logits (n, c), contiguous
     * @param xOff index of x's first element
     * @param n number of rows
     * @param c number of classes
     * @param lse log-sum-exp of each row of x (n), from the forward
     * @param a per-row scale a[i] of the softmax term
     * @param m per-row scale m[i] of the label-smoothing term
     * @param t per-row weight t[i] subtracted at the target class
     * @param target the target class of each row (negative: no target term)
     * @param b per-class label-smoothing term b[k], or null
     * @param dx the gradient (n, c), written
     * @param dxOff index of dx's first element
     */
    public static void apply(${s}[] x, int xOff, int n, int c, ${s}[] lse, double[] a, double[] m, double[] t,
                             int[] target, double[] b, ${s}[] dx, int dxOff) {
        check(x.length, xOff, n, c, dx.length, dxOff, lse.length, a.length, m.length, t.length, target.length,
                b == null ? -1 : b.length);
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        Parallel.forRows(n, 8L * c, (r0, r1) -> {
            if (simd) CrossEntropyGradSimd.rows(x, xOff, r0, r1, c, lse, a, m, t, target, b, dx, dxOff);
            else CrossEntropyGradScalar.rows(x, xOff, r0, r1, c, lse, a, m, t, target, b, dx, dxOff);
        });
    }
    //@end
}
