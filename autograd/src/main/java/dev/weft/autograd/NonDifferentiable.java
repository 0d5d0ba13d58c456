package dev.weft.autograd;

import dev.weft.tensor.core.Shape;

/**
 * The gradNode marker of a tensor produced by a non-differentiable op (a comparison, argmax/argmin
 * indices, a cast to an integer or BOOL dtype, ...) from inputs that required grad, so that asking
 * for a gradient through it can name the op instead of reporting a bare "does not require grad".
 * The message is formatted only when needed.
 */
record NonDifferentiable(String opName, int[][] inputShapes) {
    String explain() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inputShapes.length; i++) sb.append(i == 0 ? "" : ", ").append(Shape.format(inputShapes[i]));
        return "it is the output of " + opName + " (inputs " + sb + "), which is not differentiable "
                + "(comparisons, logical ops, argmax/argmin/sort indices, integer and bool casts have no gradient)";
    }
}
