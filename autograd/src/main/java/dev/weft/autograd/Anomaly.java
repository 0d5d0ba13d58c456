package dev.weft.autograd;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.Op;

/**
 * Anomaly mode: while a scope from {@link #detect()} is open on this thread, every recorded op whose
 * inputs are finite but whose output holds NaN or Inf, and every backward rule whose incoming
 * gradients are finite but whose result is not, throws {@link AnomalyException} naming the op and
 * its inputs' shapes. Values that were already non-finite (a -inf mask) are not reported again.
 * Costly (each value is read on the host): for debugging only.
 */
public final class Anomaly {
    private Anomaly() {}

    static {
        Tape.install();
    }

    /**
     * Turns anomaly detection on for this thread until the scope closes.
     *
     * @return the scope to close
     */
    public static GradMode.Scope detect() {
        return GradMode.setAnomaly(true);
    }

    /** {@return true if anomaly detection is on for this thread} */
    public static boolean isEnabled() {
        return GradMode.anomalyEnabled();
    }

    /** Thrown by anomaly mode at the first op that produces NaN or Inf. */
    public static final class AnomalyException extends ArithmeticException {
        AnomalyException(String message) {
            super(message);
        }
    }

    static void checkForward(Op op, Tensor[] inputs, Tensor[] outputs) {
        for (Tensor t : inputs) if (t.dtype().isFloatingPoint() && firstBad(values(t)) >= 0) return;
        for (int i = 0; i < outputs.length; i++) {
            Tensor o = outputs[i];
            if (!o.dtype().isFloatingPoint()) continue;
            double[] v = values(o);
            int bad = firstBad(v);
            if (bad >= 0) {
                throw new AnomalyException("anomaly: " + op.name() + " produced " + v[bad] + " at flat element " + bad
                        + " of output " + i + " " + Shape.format(o.shape()) + " from finite inputs "
                        + Tape.shapes(inputs) + " (op " + op + ")");
            }
        }
    }

    static void checkBackward(Node node, Tensor[] gradsIn, Tensor[] result) {
        for (Tensor g : gradsIn) if (g != null && firstBad(values(g)) >= 0) return;
        for (int i = 0; i < result.length; i++) {
            Tensor g = result[i];
            if (g == null) continue;
            double[] v = values(g);
            int bad = firstBad(v);
            if (bad >= 0) {
                throw new AnomalyException("anomaly: the backward of " + node.name() + " produced " + v
                        + " at flat element " + bad + " of the gradient for input " + i + " " + Shape.format(g.shape())
                        + "; the op's inputs: " + node.shapes() + " (op " + (node.op != null ? node.op : node.name()) + ")");
            }
        }
    }

    private static double[] values(Tensor t) {
        try (var s = GradMode.noGrad()) {
            return t.toDoubleArray();
        }
    }

    /** Index of the first NaN/Inf value, or -1. */
    private static int firstBad(double[] v) {
        for (int i = 0; i < v.length; i++) if (!Double.isFinite(v[i])) return i;
        return -1;
    }
}
