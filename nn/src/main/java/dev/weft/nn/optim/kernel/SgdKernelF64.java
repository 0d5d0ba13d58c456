package dev.weft.nn.optim.kernel;

// @twin-source: gen-f32.sh writes SgdKernelF32 from this file.

/**
 * Scalar reference of the fused SGD update over double[] slices, elements [from, to). Writes p and
 * buf (the momentum buffer, null without momentum); reads g. {@code first}: the buffer is set to the
 * gradient instead of being decayed (PyTorch's first momentum step).
 */
final class SgdKernelF64 {
    private SgdKernelF64() {}

    static void step(double[] p, int pOff, double[] g, int gOff, double[] buf, int bufOff, int from, int to,
                     double negLr, double weightDecay, double momentum, double oneMinusDampening, boolean nesterov,
                     boolean maximize, boolean first) {
        for (int i = from; i < to; i++) {
            double pi = p[pOff + i];
            double d = maximize ? -g[gOff + i] : g[gOff + i];
            d = d + weightDecay * pi;
            if (buf != null) {
                double b = first ? d : buf[bufOff + i] * momentum + oneMinusDampening * d;
                buf[bufOff + i] = b;
                d = nesterov ? d + momentum * b : b;
            }
            p[pOff + i] = pi + negLr * d;
        }
    }
}
