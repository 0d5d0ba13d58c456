//@class CrossEntropyGradScalar
package dev.weft.kernels.loss;

/**
 * Scalar reference of {@link CrossEntropyGrad}: each element in double, F32 rounded once. No checks, no threading.
 */
public final class CrossEntropyGradScalar {
    private CrossEntropyGradScalar() {}

    //@each F32 F64
    /**
     * ${D}: rows [r0, r1) of dx.
     *
     * @param x the logits (n, c), contiguous
     * @param xOff index of x's first element
     * @param r0 first row to compute (inclusive)
     * @param r1 end of the row range (exclusive)
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
    public static void rows(${s}[] x, int xOff, int r0, int r1, int c, ${s}[] lse, double[] a, double[] m, double[] t,
                            int[] target, double[] b, ${s}[] dx, int dxOff) {
        for (int i = r0; i < r1; i++) {
            int xi = xOff + i * c, di = dxOff + i * c;
            double ai = a[i], mi = m[i], li = lse[i];
            for (int k = 0; k < c; k++) {
                double v = ai * Math.exp(x[xi + k] - li);
                if (b != null) v -= mi * b[k];
                dx[di + k] = (${s}) v;
            }
            if (target[i] >= 0) dx[di + target[i]] = (${s}) (dx[di + target[i]] - t[i]);
        }
    }
    //@end
}
