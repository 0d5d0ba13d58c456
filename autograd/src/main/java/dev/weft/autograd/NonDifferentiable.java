package dev.weft.autograd;

/**
 * The gradNode marker of a tensor produced by a non-differentiable op (a comparison, argmax/argmin
 * indices, a cast to an integer or BOOL dtype, ...) from inputs that required grad, so that asking
 * for a gradient through it can name the op instead of reporting a bare "does not require grad".
 */
record NonDifferentiable(String opName, String inputShapes) {
    String explain() {
        return "it is the output of " + opName + " (inputs " + inputShapes + "), which is not differentiable "
                + "(comparisons, logical ops, argmax/argmin/sort indices, integer and bool casts have no gradient)";
    }
}
