//@twins SgdKernelSimd${D} F32 F64
package dev.weft.kernels.optim;


import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API twin of {@link SgdKernel${D}} (same operations, no fma: same bits); scalar tail. */
public final class SgdKernelSimd${D} {
    private SgdKernelSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    /**
     * Vector API twin of the scalar reference, same bits: one SGD step on elements [from, to):
     * <pre>
     *   d = (maximize ? -g : g) + weightDecay p
     *   buf = first ? d : momentum buf + oneMinusDampening d;  d = nesterov ? d + momentum buf : buf
     *   p = p + negLr d
     * </pre>
     *
     * @param p the parameter (written)
     * @param pOff index of p's first element
     * @param g the gradient (read)
     * @param gOff index of g's first element
     * @param buf the momentum buffer (written), or null without momentum
     * @param bufOff index of buf's first element
     * @param from first element to update (inclusive)
     * @param to end of the element range (exclusive)
     * @param negLr -lr
     * @param weightDecay L2 weight decay added to the gradient
     * @param momentum the momentum factor
     * @param oneMinusDampening 1 - dampening
     * @param nesterov use Nesterov momentum
     * @param maximize ascend the gradient instead of descending it
     * @param first the first step with momentum: buf is set to d instead of being decayed
     */
    public static void step(${t}[] p, int pOff, ${t}[] g, int gOff, ${t}[] buf, int bufOff, int from, int to,
                     ${t} negLr, ${t} weightDecay, ${t} momentum, ${t} oneMinusDampening, boolean nesterov,
                     boolean maximize, boolean first) {
        int len = S.length();
        int bound = from + S.loopBound(to - from);
        int i = from;
        for (; i < bound; i += len) {
            ${T}Vector pi = ${T}Vector.fromArray(S, p, pOff + i);
            ${T}Vector d = ${T}Vector.fromArray(S, g, gOff + i);
            if (maximize) d = d.neg();
            d = d.add(pi.mul(weightDecay));
            if (buf != null) {
                ${T}Vector b = first ? d
                        : ${T}Vector.fromArray(S, buf, bufOff + i).mul(momentum).add(d.mul(oneMinusDampening));
                b.intoArray(buf, bufOff + i);
                d = nesterov ? d.add(b.mul(momentum)) : b;
            }
            pi.add(d.mul(negLr)).intoArray(p, pOff + i);
        }
        SgdKernel${D}.step(p, pOff, g, gOff, buf, bufOff, i, to, negLr, weightDecay, momentum, oneMinusDampening,
                nesterov, maximize, first);
    }
}
