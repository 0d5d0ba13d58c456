package dev.weft.nn.optim.kernel;

// @twin-source: gen-f32.sh writes AdamKernelF32 from this file.

/**
 * Scalar reference of the fused Adam/AdamW update over double[] slices, elements [from, to) of each
 * array (offsets added). Writes p, m, v and vMax; reads g. The order of operations is that of
 * {@link OptimKernels#adam}'s formula, without fused multiply-adds, so the SIMD twin gives the same bits.
 */
final class AdamKernelF64 {
    private AdamKernelF64() {}

    static void step(double[] p, int pOff, double[] g, int gOff, double[] m, int mOff, double[] v, int vOff,
                     double[] vMax, int vMaxOff, int from, int to, double beta1, double oneMinusBeta1, double beta2,
                     double oneMinusBeta2, double negStepSize, double bc2Sqrt, double eps, double l2, double decay,
                     boolean maximize) {
        for (int i = from; i < to; i++) {
            double gi = maximize ? -g[gOff + i] : g[gOff + i];
            double pi = p[pOff + i];
            gi = gi + l2 * pi;
            pi = pi * decay;
            double mi = m[mOff + i] * beta1 + oneMinusBeta1 * gi;
            double vi = v[vOff + i] * beta2 + oneMinusBeta2 * gi * gi;
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            if (vMax != null) {
                vi = Math.max(vMax[vMaxOff + i], vi);
                vMax[vMaxOff + i] = vi;
            }
            // the cast makes the F32 twin round the square root to float, as the vector lanes do
            double denom = (double) Math.sqrt(vi) / bc2Sqrt + eps;
            p[pOff + i] = pi + negStepSize * mi / denom;
        }
    }
}
