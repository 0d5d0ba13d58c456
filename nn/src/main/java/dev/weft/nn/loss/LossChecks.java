package dev.weft.nn.loss;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.Arrays;

/** Argument checks shared by the losses; every message names the loss and the shapes involved. */
final class LossChecks {
    private LossChecks() {}

    /** input and target must have one shape (no silent broadcasting of a (N, 1) against an (N)). */
    static void sameShape(String loss, Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(loss + ": target " + Shape.format(target.shape())
                    + " must have the input's shape " + Shape.format(input.shape()));
        }
    }

    static void floating(String loss, String what, Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(loss + ": " + what + " " + Shape.format(t.shape())
                    + " must be floating point, got " + t.dtype());
        }
    }

    static void notNull(String loss, String what, Object o) {
        if (o == null) throw new IllegalArgumentException(loss + ": " + what + " must not be null");
    }

    /** A (C) weight vector for C classes. */
    static void classWeight(String loss, Tensor weight, int classes) {
        if (weight != null && (weight.dim() != 1 || weight.size(0) != classes)) {
            throw new IllegalArgumentException(loss + ": weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape " + Shape.format(weight.shape()));
        }
    }

    /** An optional per-element weight must broadcast to the input's shape. */
    static void broadcastsTo(String loss, String what, Tensor w, Tensor input) {
        if (w != null && !Shape.broadcastsTo(w.shape(), input.shape())) {
            throw new IllegalArgumentException(loss + ": " + what + " " + Shape.format(w.shape())
                    + " does not broadcast to the input's shape " + Shape.format(input.shape()));
        }
    }
}
