package dev.weft.nn.optim.kernel;

// @twin-source: gen-f32.sh writes SgdKernelSimdF32 from this file.

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API twin of {@link SgdKernelF64} (same operations, no fma: same bits); scalar tail. */
final class SgdKernelSimdF64 {
    private SgdKernelSimdF64() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    static void step(double[] p, int pOff, double[] g, int gOff, double[] buf, int bufOff, int from, int to,
                     double negLr, double weightDecay, double momentum, double oneMinusDampening, boolean nesterov,
                     boolean maximize, boolean first) {
        int len = S.length();
        int bound = from + S.loopBound(to - from);
        int i = from;
        for (; i < bound; i += len) {
            DoubleVector pi = DoubleVector.fromArray(S, p, pOff + i);
            DoubleVector d = DoubleVector.fromArray(S, g, gOff + i);
            if (maximize) d = d.neg();
            d = d.add(pi.mul(weightDecay));
            if (buf != null) {
                DoubleVector b = first ? d
                        : DoubleVector.fromArray(S, buf, bufOff + i).mul(momentum).add(d.mul(oneMinusDampening));
                b.intoArray(buf, bufOff + i);
                d = nesterov ? d.add(b.mul(momentum)) : b;
            }
            pi.add(d.mul(negLr)).intoArray(p, pOff + i);
        }
        SgdKernelF64.step(p, pOff, g, gOff, buf, bufOff, i, to, negLr, weightDecay, momentum, oneMinusDampening,
                nesterov, maximize, first);
    }
}
