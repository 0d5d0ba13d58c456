//@twins AdamKernel${D} F32 F64
package dev.weft.kernels.optim;


/**
 * Scalar reference of the fused Adam/AdamW update over ${t}[] slices, elements [from, to) of each
 * array (offsets added). Writes p, m, v and vMax; reads g. The order of operations is that of
 * {@code OptimKernels.adam} (module nn), without fused multiply-adds, so the SIMD twin gives the same bits.
 */
public final class AdamKernel${D} {
    private AdamKernel${D}() {}

    /**
     * One Adam/AdamW step on elements [from, to):
     * <pre>
     *   g' = (maximize ? -g : g) + l2 p;  p' = p decay
     *   m = beta1 m + (1 - beta1) g';  v = beta2 v + (1 - beta2) g'^2;  vMax = max(vMax, v) (amsgrad, replaces v)
     *   p = p' + negStepSize m / (sqrt(v) / bc2Sqrt + eps)
     * </pre>
     *
     * @param p the parameter (written)
     * @param pOff index of p's first element
     * @param g the gradient (read)
     * @param gOff index of g's first element
     * @param m the first-moment state (written)
     * @param mOff index of m's first element
     * @param v the second-moment state (written)
     * @param vOff index of v's first element
     * @param vMax the running maximum of v for amsgrad (written), or null without amsgrad
     * @param vMaxOff index of vMax's first element
     * @param from first element to update (inclusive)
     * @param to end of the element range (exclusive)
     * @param beta1 decay of the first moment
     * @param oneMinusBeta1 1 - beta1
     * @param beta2 decay of the second moment
     * @param oneMinusBeta2 1 - beta2
     * @param negStepSize -lr / (1 - beta1^t)
     * @param bc2Sqrt sqrt(1 - beta2^t)
     * @param eps added to the denominator
     * @param l2 Adam's L2 weight decay (0 for AdamW)
     * @param decay AdamW's decoupled decay factor 1 - lr wd (1 for Adam)
     * @param maximize ascend the gradient instead of descending it
     */
    public static void step(${t}[] p, int pOff, ${t}[] g, int gOff, ${t}[] m, int mOff, ${t}[] v, int vOff,
                     ${t}[] vMax, int vMaxOff, int from, int to, ${t} beta1, ${t} oneMinusBeta1, ${t} beta2,
                     ${t} oneMinusBeta2, ${t} negStepSize, ${t} bc2Sqrt, ${t} eps, ${t} l2, ${t} decay,
                     boolean maximize) {
        for (int i = from; i < to; i++) {
            ${t} gi = maximize ? -g[gOff + i] : g[gOff + i];
            ${t} pi = p[pOff + i];
            gi = gi + l2 * pi;
            pi = pi * decay;
            ${t} mi = m[mOff + i] * beta1 + oneMinusBeta1 * gi;
            ${t} vi = v[vOff + i] * beta2 + oneMinusBeta2 * gi * gi;
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            if (vMax != null) {
                vi = Math.max(vMax[vMaxOff + i], vi);
                vMax[vMaxOff + i] = vi;
            }
            // the cast makes the F32 twin round the square root to float, as the vector lanes do
            ${t} denom = (${t}) Math.sqrt(vi) / bc2Sqrt + eps;
            p[pOff + i] = pi + negStepSize * mi / denom;
        }
    }
}
