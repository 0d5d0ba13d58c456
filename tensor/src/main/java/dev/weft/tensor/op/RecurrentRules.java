package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Shape rules of {@link RecurrentOp}: every operand is exactly the (B, k*H) or (k*H) shape its record
 * states, with H read from the state input (c or h: (B, H)), all of one floating dtype.
 */
final class RecurrentRules {
    private RecurrentRules() {}

    static OutSpec[] infer(RecurrentOp op, Strided[] in) {
        String name = op.name();
        return switch (op) {
            case RecurrentOp.LstmCell l -> {
                String[] names = {"gx", "gh", "c", "bias"};
                int[] bh = check(name, names, in, 2, new int[] {4, 4, 1, 4}, true);
                yield specs(in[0].dtype(), new int[] {bh[0], bh[1]}, new int[] {bh[0], bh[1]}, new int[] {bh[0], 4 * bh[1]});
            }
            case RecurrentOp.LstmCellBackward l -> {
                String[] names = {"dh", "dc", "gates", "c", "c2"};
                int[] bh = check(name, names, in, 3, new int[] {1, 1, 4, 1, 1}, false);
                yield specs(in[0].dtype(), new int[] {bh[0], 4 * bh[1]}, new int[] {bh[0], bh[1]});
            }
            case RecurrentOp.GruCell g -> {
                String[] names = {"gx", "gh", "h", "bias"};
                int[] bh = check(name, names, in, 2, new int[] {3, 3, 1, 3}, true);
                yield specs(in[0].dtype(), new int[] {bh[0], bh[1]}, new int[] {bh[0], 4 * bh[1]});
            }
            case RecurrentOp.GruCellBackward g -> {
                String[] names = {"dh", "saved", "h"};
                int[] bh = check(name, names, in, 2, new int[] {1, 4, 1}, false);
                yield specs(in[0].dtype(), new int[] {bh[0], 3 * bh[1]}, new int[] {bh[0], 3 * bh[1]}, new int[] {bh[0], bh[1]});
            }
            case RecurrentOp.LstmLayer l -> {
                int[] d = layer(name, new String[] {"x", "w_ih", "w_hh", "h0", "c0", "bias"}, in, 3, 0, true,
                        new int[][] {{-1, 0, -2}, {4, -2}, {4, 1}, {0, 1}, {0, 1}, {4}});
                int T = d[0], B = d[1], H = d[3];
                yield specs(in[0].dtype(), new int[] {T, B, H}, new int[] {B, H}, new int[] {B, H}, new int[] {T, B, 4 * H},
                        new int[] {T, B, H});
            }
            case RecurrentOp.LstmLayerBackward l -> {
                int[] d = layer(name, new String[] {"dOut", "dh_n", "dc_n", "gates", "cells", "x", "h0", "c0", "out", "w_ih", "w_hh"},
                        in, 6, 5, false, new int[][] {{-1, 0, 1}, {0, 1}, {0, 1}, {-1, 0, 4}, {-1, 0, 1}, {-1, 0, -2}, {0, 1}, {0, 1},
                                {-1, 0, 1}, {4, -2}, {4, 1}});
                int T = d[0], B = d[1], C = d[2], H = d[3];
                yield specs(in[0].dtype(), l.inputGrad() ? new int[] {T, B, C} : new int[] {0}, new int[] {4 * H, C},
                        new int[] {4 * H, H}, new int[] {4 * H}, new int[] {B, H}, new int[] {B, H});
            }
        };
    }

    /**
     * Checks the operands ({@link #operands}) and that input k is (B, widths[k] * H), the optional bias
     * (widths[last] * H); H and B come from input {@code state}.
     *
     * @return {B, H}
     */
    private static int[] check(String name, String[] names, Strided[] in, int state, int[] widths, boolean optionalBias) {
        Object ctx = operands(name, names, in, optionalBias);
        Strided s = in[state];
        if (s.dim() != 2) throw RuleChecks.fail(name, ctx, names[state] + " must be 2-d (B, H)");
        int B = s.size(0), H = s.size(1);
        for (int k = 0; k < in.length; k++) {
            boolean bias = optionalBias && k == names.length - 1;
            int[] want = bias ? new int[] {widths[k] * H} : new int[] {B, widths[k] * H};
            if (!java.util.Arrays.equals(in[k].shape(), want)) {
                throw RuleChecks.fail(name, ctx, names[k] + " must be " + Shape.format(want) + " for " + names[state]
                        + " (B, H) = " + Shape.format(s.shape()));
            }
        }
        return new int[] {B, H};
    }

    /**
     * The layer ops' check: the operands ({@link #operands}), B and H from input {@code state} (B, H), T and C
     * from the 3-d input {@code seq} (T, B, C); dims[k] spells input k's shape: -1 is T, 0 is B, -2 is C and
     * w > 0 is w * H.
     *
     * @return {T, B, C, H}
     */
    private static int[] layer(String name, String[] names, Strided[] in, int state, int seq, boolean optionalBias, int[][] dims) {
        Object ctx = operands(name, names, in, optionalBias);
        Strided s = in[state], x = in[seq];
        if (s.dim() != 2) throw RuleChecks.fail(name, ctx, names[state] + " must be 2-d (B, H)");
        if (x.dim() != 3) throw RuleChecks.fail(name, ctx, names[seq] + " must be 3-d (T, B, C)");
        int T = x.size(0), B = s.size(0), C = x.size(2), H = s.size(1);
        if (T < 1) throw RuleChecks.fail(name, ctx, "needs at least one step, T = " + T);
        for (int k = 0; k < in.length; k++) {
            int[] want = new int[dims[k].length];
            for (int d = 0; d < want.length; d++) {
                int code = dims[k][d];
                want[d] = code == -1 ? T : code == 0 ? B : code == -2 ? C : code * H;
            }
            if (!java.util.Arrays.equals(in[k].shape(), want)) {
                throw RuleChecks.fail(name, ctx, names[k] + " must be " + Shape.format(want) + " for " + names[seq] + " (T, B, C) = ("
                        + T + ", " + x.size(1) + ", " + C + ") and " + names[state] + " (B, H) = " + Shape.format(s.shape()));
            }
        }
        return new int[] {T, B, C, H};
    }

    /**
     * Arity (names.length, or one less without the optional last bias) and one floating dtype for all
     * operands; returns the shapes context every later error quotes.
     */
    private static Object operands(String name, String[] names, Strided[] in, boolean optionalBias) {
        int n = names.length;
        if (in.length != n && !(optionalBias && in.length == n - 1)) {
            throw new IllegalArgumentException(name + ": expected " + (optionalBias ? (n - 1) + " or " : "") + n
                    + " inputs (" + String.join(", ", names) + (optionalBias ? ", the last optional" : "") + "), got " + in.length);
        }
        Object ctx = RuleChecks.shapes(java.util.Arrays.copyOf(names, in.length), in);
        for (int k = 0; k < in.length; k++) {
            RuleChecks.floating(name, in[k], ctx);
            if (in[k].dtype() != in[0].dtype()) {
                throw RuleChecks.fail(name, ctx, names[k] + " dtype " + in[k].dtype() + " != " + names[0] + " dtype " + in[0].dtype());
            }
        }
        return ctx;
    }

    private static OutSpec[] specs(DType dtype, int[]... shapes) {
        OutSpec[] o = new OutSpec[shapes.length];
        for (int i = 0; i < o.length; i++) o[i] = new OutSpec(shapes[i], dtype);
        return o;
    }
}
