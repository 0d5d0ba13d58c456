package dev.weft.tensor.op;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import java.util.Arrays;

/** Shape rules of {@link JoinOp}: validation and output specs for Cat and Flip (see Rules). */
final class JoinRules {
    private JoinRules() {}

    static OutSpec[] infer(JoinOp op, Strided[] in) {
        return switch (op) {
            case JoinOp.Cat c -> new OutSpec[] {cat(c, in)};
            case JoinOp.Flip f -> {
                RuleChecks.arity("flip", in, 1);
                int[] s = in[0].shape(), d = f.dims();
                for (int i = 0; i < d.length; i++) {
                    if (d[i] < 0 || d[i] >= Math.max(s.length, 1) || (i > 0 && d[i] <= d[i - 1])) {
                        throw new IllegalArgumentException("flip: dims " + Arrays.toString(d)
                                + " must be sorted, unique and in 0.." + (s.length - 1) + " for input " + Shape.format(s));
                    }
                }
                yield new OutSpec[] {new OutSpec(s, in[0].dtype())};
            }
        };
    }

    private static OutSpec cat(JoinOp.Cat c, Strided[] in) {
        if (in.length == 0) throw new IllegalArgumentException("cat: expected at least one tensor");
        int[] first = in[0].shape();
        int rank = first.length, dim = c.dim();
        if (rank == 0) {
            throw new IllegalArgumentException("cat: zero-dimensional tensor (input 0) cannot be concatenated");
        }
        if (dim < 0 || dim >= rank) {
            throw new IllegalArgumentException("cat: dim " + dim + " out of range for inputs of rank " + rank
                    + " (input 0 " + Shape.format(first) + ")");
        }
        long total = 0;
        for (int i = 0; i < in.length; i++) {
            int[] s = in[i].shape();
            if (in[i].dtype() != in[0].dtype()) {
                throw new IllegalArgumentException("cat: input " + i + " " + Shape.format(s) + " has dtype " + in[i].dtype()
                        + ", input 0 " + Shape.format(first) + " has " + in[0].dtype() + " (promote before dispatch)");
            }
            if (s.length != rank) {
                throw new IllegalArgumentException("cat: tensors must have the same rank: input 0 " + Shape.format(first)
                        + " vs input " + i + " " + Shape.format(s));
            }
            for (int d = 0; d < rank; d++) {
                if (d != dim && s[d] != first[d]) {
                    throw new IllegalArgumentException("cat: input 0 " + Shape.format(first) + " and input " + i + " "
                            + Shape.format(s) + " differ in dim " + d + " (" + first[d] + " vs " + s[d] + "); only dim "
                            + dim + " may differ");
                }
            }
            total += s[dim];
        }
        int[] out = first.clone();
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("cat: dim " + dim + " would have " + total + " entries");
        out[dim] = (int) total;
        RuleChecks.numel("cat", out);
        return new OutSpec(out, in[0].dtype());
    }
}
