package dev.weft.nn.optim.kernel;

// @twin-source: gen-f32.sh writes AdamKernelSimdF32 from this file.

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link AdamKernelF64}: the same operations lane by lane (no fma), so both give
 * the same bits; the tail runs the scalar reference.
 */
final class AdamKernelSimdF64 {
    private AdamKernelSimdF64() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    static void step(double[] p, int pOff, double[] g, int gOff, double[] m, int mOff, double[] v, int vOff,
                     double[] vMax, int vMaxOff, int from, int to, double beta1, double oneMinusBeta1, double beta2,
                     double oneMinusBeta2, double negStepSize, double bc2Sqrt, double eps, double l2, double decay,
                     boolean maximize) {
        int len = S.length();
        int bound = from + S.loopBound(to - from);
        int i = from;
        for (; i < bound; i += len) {
            DoubleVector gi = DoubleVector.fromArray(S, g, gOff + i);
            if (maximize) gi = gi.neg();
            DoubleVector pi = DoubleVector.fromArray(S, p, pOff + i);
            gi = gi.add(pi.mul(l2));
            pi = pi.mul(decay);
            DoubleVector mi = DoubleVector.fromArray(S, m, mOff + i).mul(beta1).add(gi.mul(oneMinusBeta1));
            DoubleVector vi = DoubleVector.fromArray(S, v, vOff + i).mul(beta2).add(gi.mul(oneMinusBeta2).mul(gi));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            if (vMax != null) {
                vi = DoubleVector.fromArray(S, vMax, vMaxOff + i).lanewise(VectorOperators.MAX, vi);
                vi.intoArray(vMax, vMaxOff + i);
            }
            DoubleVector denom = vi.sqrt().div(bc2Sqrt).add(eps);
            pi.add(mi.mul(negStepSize).div(denom)).intoArray(p, pOff + i);
        }
        AdamKernelF64.step(p, pOff, g, gOff, m, mOff, v, vOff, vMax, vMaxOff, i, to, beta1, oneMinusBeta1, beta2,
                oneMinusBeta2, negStepSize, bc2Sqrt, eps, l2, decay, maximize);
    }
}
