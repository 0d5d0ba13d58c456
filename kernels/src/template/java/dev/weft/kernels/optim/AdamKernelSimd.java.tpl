//@twins AdamKernelSimd${D} F32 F64
package dev.weft.kernels.optim;


import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link AdamKernel${D}}: the same operations lane by lane (no fma), so both give
 * the same bits; the tail runs the scalar reference.
 */
public final class AdamKernelSimd${D} {
    private AdamKernelSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    /**
     * Vector API twin of the scalar reference, same bits: one Adam/AdamW step on elements [from, to):
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
        int len = S.length();
        int bound = from + S.loopBound(to - from);
        int i = from;
        for (; i < bound; i += len) {
            ${T}Vector gi = ${T}Vector.fromArray(S, g, gOff + i);
            if (maximize) gi = gi.neg();
            ${T}Vector pi = ${T}Vector.fromArray(S, p, pOff + i);
            gi = gi.add(pi.mul(l2));
            pi = pi.mul(decay);
            ${T}Vector mi = ${T}Vector.fromArray(S, m, mOff + i).mul(beta1).add(gi.mul(oneMinusBeta1));
            ${T}Vector vi = ${T}Vector.fromArray(S, v, vOff + i).mul(beta2).add(gi.mul(oneMinusBeta2).mul(gi));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            if (vMax != null) {
                vi = ${T}Vector.fromArray(S, vMax, vMaxOff + i).lanewise(VectorOperators.MAX, vi);
                vi.intoArray(vMax, vMaxOff + i);
            }
            ${T}Vector denom = vi.sqrt().div(bc2Sqrt).add(eps);
            pi.add(mi.mul(negStepSize).div(denom)).intoArray(p, pOff + i);
        }
        AdamKernel${D}.step(p, pOff, g, gOff, m, mOff, v, vOff, vMax, vMaxOff, i, to, beta1, oneMinusBeta1, beta2,
                oneMinusBeta2, negStepSize, bc2Sqrt, eps, l2, decay, maximize);
    }
}
