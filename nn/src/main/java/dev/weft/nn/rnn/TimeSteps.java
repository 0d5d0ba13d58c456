package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

import java.util.List;

/**
 * Splits a sequence tensor into its time steps as views, through one split op (unbind / split): one graph
 * node for all steps, whose backward is one stack of the steps' gradients, O(T * B * C) however long the
 * sequence (a view per step would embed each step's gradient into zeros of the whole tensor: O(T^2 * B * C)).
 */
final class TimeSteps {
    private TimeSteps() {}

    /** x: (.., T, ..) with T at {@code dim} -> T views of x with that dim removed. */
    static List<Tensor> unbind(Tensor x, int dim) {
        return x.unbind(dim);
    }

    /** x: (N, ..) packed rows -> views of sizes[0], sizes[1], ... consecutive rows (the sizes sum to N). */
    static List<Tensor> split(Tensor x, int[] sizes) {
        return x.split(sizes, 0);
    }
}
