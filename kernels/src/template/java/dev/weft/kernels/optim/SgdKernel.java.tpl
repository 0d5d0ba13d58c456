//@twins SgdKernel${D} F32 F64
package dev.weft.kernels.optim;


/**
 * Scalar reference of the fused SGD update over ${t}[] slices, elements [from, to). Writes p and
 * buf (the momentum buffer, null without momentum); reads g. {@code first}: the buffer is set to the
 * gradient instead of being decayed (PyTorch's first momentum step).
 */
public final class SgdKernel${D} {
    private SgdKernel${D}() {}

    /**
     * One SGD step on elements [from, to):
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
        for (int i = from; i < to; i++) {
            ${t} pi = p[pOff + i];
            ${t} d = maximize ? -g[gOff + i] : g[gOff + i];
            d = d + weightDecay * pi;
            if (buf != null) {
                ${t} b = first ? d : buf[bufOff + i] * momentum + oneMinusDampening * d;
                buf[bufOff + i] = b;
                d = nesterov ? d + momentum * b : b;
            }
            p[pOff + i] = pi + negLr * d;
        }
    }
}
