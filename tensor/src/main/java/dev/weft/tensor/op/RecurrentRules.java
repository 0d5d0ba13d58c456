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
                int[] tbh = layer(name, new String[] {"gx", "w_hh", "h0", "c0"}, in, 2, new int[][] {{-1, 0, 4}, {4, 1}, {0, 1}, {0, 1}});
                int T = tbh[0], B = tbh[1], H = tbh[2];
                yield specs(in[0].dtype(), new int[] {T, B, H}, new int[] {B, H}, new int[] {B, H}, new int[] {T, B, 4 * H},
                        new int[] {T, B, H});
            }
            case RecurrentOp.LstmLayerBackward l -> {
                int[] tbh = layer(name, new String[] {"dOut", "dh_n", "dc_n", "gates", "cells", "h0", "c0", "out", "w_hh"}, in, 5,
                        new int[][] {{-1, 0, 1}, {0, 1}, {0, 1}, {-1, 0, 4}, {-1, 0, 1}, {0, 1}, {0, 1}, {-1, 0, 1}, {4, 1}});
                int T = tbh[0], B = tbh[1], H = tbh[2];
                yield specs(in[0].dtype(), new int[] {T, B, 4 * H}, new int[] {4 * H, H}, new int[] {B, H}, new int[] {B, H});
            }
        };
    }

    /**
     * Checks arity (names.length, or one less without the optional last bias), one floating dtype, and that
     * input k is (B, widths[k] * H), the optional bias (widths[last] * H); H and B come from input {@code state}.
     *
     * @return {B, H}
     */
    private static int[] check(String name, String[] names, Strided[] in, int state, int[] widths, boolean optionalBias) {
        int n = names.length;
        if (in.length != n && !(optionalBias && in.length == n - 1)) {
            throw new IllegalArgumentException(name + ": expected " + (optionalBias ? (n - 1) + " or " : "") + n
                    + " inputs (" + String.join(", ", names) + (optionalBias ? ", the last optional" : "") + "), got " + in.length);
        }
        String ctx = RuleChecks.shapes(java.util.Arrays.copyOf(names, in.length), in);
        for (int k = 0; k < in.length; k++) {
            RuleChecks.floating(name, in[k], ctx);
            if (in[k].dtype() != in[0].dtype()) {
                throw RuleChecks.fail(name, ctx, names[k] + " dtype " + in[k].dtype() + " != " + names[0] + " dtype " + in[0].dtype());
            }
        }
        Strided s = in[state];
        if (s.dim() != 2) throw RuleChecks.fail(name, ctx, names[state] + " must be 2-d (B, H)");
        int B = s.size(0), H = s.size(1);
        for (int k = 0; k < in.length; k++) {
            boolean bias = optionalBias && k == n - 1;
            int[] want = bias ? new int[] {widths[k] * H} : new int[] {B, widths[k] * H};
            if (!java.util.Arrays.equals(in[k].shape(), want)) {
                throw RuleChecks.fail(name, ctx, names[k] + " must be " + Shape.format(want) + " for " + names[state]
                        + " (B, H) = " + Shape.format(s.shape()));
            }
        }
        return new int[] {B, H};
    }

    /**
     * The layer ops' check: arity, one floating dtype, B and H from input {@code state} (B, H), T from input 0's
     * first dim; dims[k] spells input k's shape: -1 is T, 0 is B, and w > 0 is w * H.
     *
     * @return {T, B, H}
     */
    private static int[] layer(String name, String[] names, Strided[] in, int state, int[][] dims) {
        if (in.length != names.length) {
            throw new IllegalArgumentException(name + ": expected " + names.length + " inputs (" + String.join(", ", names)
                    + "), got " + in.length);
        }
        String ctx = RuleChecks.shapes(names, in);
        for (int k = 0; k < in.length; k++) {
            RuleChecks.floating(name, in[k], ctx);
            if (in[k].dtype() != in[0].dtype()) {
                throw RuleChecks.fail(name, ctx, names[k] + " dtype " + in[k].dtype() + " != " + names[0] + " dtype " + in[0].dtype());
            }
        }
        Strided s = in[state];
        if (s.dim() != 2) throw RuleChecks.fail(name, ctx, names[state] + " must be 2-d (B, H)");
        if (in[0].dim() != 3) throw RuleChecks.fail(name, ctx, names[0] + " must be 3-d (T, B, ...)");
        int T = in[0].size(0), B = s.size(0), H = s.size(1);
        if (T < 1) throw RuleChecks.fail(name, ctx, "needs at least one step, T = " + T);
        for (int k = 0; k < in.length; k++) {
            int[] want = new int[dims[k].length];
            for (int d = 0; d < want.length; d++) want[d] = dims[k][d] == -1 ? T : dims[k][d] == 0 ? B : dims[k][d] * H;
            if (!java.util.Arrays.equals(in[k].shape(), want)) {
                throw RuleChecks.fail(name, ctx, names[k] + " must be " + Shape.format(want) + " for T = " + T + " and "
                        + names[state] + " (B, H) = " + Shape.format(s.shape()));
            }
        }
        return new int[] {T, B, H};
    }

    private static OutSpec[] specs(DType dtype, int[]... shapes) {
        OutSpec[] o = new OutSpec[shapes.length];
        for (int i = 0; i < o.length; i++) o[i] = new OutSpec(shapes[i], dtype);
        return o;
    }
}
