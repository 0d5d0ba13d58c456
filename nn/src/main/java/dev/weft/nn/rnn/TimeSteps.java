package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sequence tensor into its time steps as views. Under autograd the backward of one
 * {@code select} or {@code narrow} embeds its gradient into zeros of the whole tensor, so T plain views
 * cost O(T^2 * B * C) in backward; halving recursively costs O(T log T * B * C) instead. Without grad
 * the plain views are used.
 */
final class TimeSteps {
    private TimeSteps() {}

    /** Below this length the views are taken directly (a few full-size embeds are cheap). */
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

    /** x: (N, ..) packed rows -> views of sizes[0], sizes[1], ... consecutive rows (the sizes sum to N). */
    static List<Tensor> split(Tensor x, int[] sizes) {
        List<Tensor> out = new ArrayList<>(sizes.length);
        halve(x, sizes, 0, sizes.length, !x.requiresGrad(), out);
        return out;
    }

    // x holds the rows of steps [from, to)
    private static void halve(Tensor x, int[] sizes, int from, int to, boolean flat, List<Tensor> out) {
        if (flat || to - from <= LEAF) {
            for (int t = from, row = 0; t < to; row += sizes[t++]) out.add(x.narrow(0, row, sizes[t]));
            return;
        }
        int mid = (from + to) / 2, rows = 0;
        for (int t = from; t < mid; t++) rows += sizes[t];
        halve(x.narrow(0, 0, rows), sizes, from, mid, false, out);
        halve(x.narrow(0, rows, x.size(0) - rows), sizes, mid, to, false, out);
    }
}
