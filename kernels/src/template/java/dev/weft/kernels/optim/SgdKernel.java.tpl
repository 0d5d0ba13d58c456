//@twins SgdKernel${D} F32 F64
package dev.weft.kernels.optim;


/**
 * Scalar reference of the fused SGD update over ${t}[] slices, elements [from, to). Writes p and
 * buf (the momentum buffer, null without momentum); reads g. {@code first}: the buffer is set to the
 * gradient instead of being decayed (PyTorch's first momentum step).
 */
public final class SgdKernel${D} {
    private SgdKernel${D}() {}

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
