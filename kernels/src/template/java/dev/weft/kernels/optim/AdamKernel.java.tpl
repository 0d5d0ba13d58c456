//@twins AdamKernel${D} F32 F64
package dev.weft.kernels.optim;


/**
 * Scalar reference of the fused Adam/AdamW update over ${t}[] slices, elements [from, to) of each
 * array (offsets added). Writes p, m, v and vMax; reads g. The order of operations is that of
 * {@code OptimKernels.adam} (module nn), without fused multiply-adds, so the SIMD twin gives the same bits.
 */
public final class AdamKernel${D} {
    private AdamKernel${D}() {}

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
