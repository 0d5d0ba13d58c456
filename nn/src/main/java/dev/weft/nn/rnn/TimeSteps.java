package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sequence tensor into its time steps as views. Under autograd the backward of one
 * {@code select} embeds its gradient into zeros of the whole tensor, so T plain selects cost
 * O(T^2 * B * C) in backward; halving recursively costs O(T log T * B * C) instead. Without grad
 * the plain views are used.
 */
final class TimeSteps {
    private TimeSteps() {}

    /** Below this length the selects are taken directly (a few full-size embeds are cheap). */
    private static final int LEAF = 4;

    /** x: (.., T, ..) with T at {@code dim} -> T views of x with that dim removed. */
    static List<Tensor> unbind(Tensor x, int dim) {
        int n = x.size(dim);
        List<Tensor> out = new ArrayList<>(n);
        if (!x.requiresGrad()) {
            for (int t = 0; t < n; t++) out.add(x.select(dim, t));
        } else {
            halve(x, dim, out);
        }
        return out;
    }

    private static void halve(Tensor x, int dim, List<Tensor> out) {
        int n = x.size(dim);
        if (n <= LEAF) {
            for (int t = 0; t < n; t++) out.add(x.select(dim, t));
            return;
        }
        int half = n / 2;
        halve(x.narrow(dim, 0, half), dim, out);
        halve(x.narrow(dim, half, n - half), dim, out);
    }
}
