package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import java.util.Arrays;

/**
 * Shape rules of {@link LinalgOp}: operands are (..., rows, cols) floating tensors of one dtype with
 * identical batch dims (the facade broadcasts), square where the op needs it, with matching rows.
 */
final class LinalgRules {
    private LinalgRules() {}

    static OutSpec[] infer(LinalgOp op, Strided[] in) {
        String name = op.name();
        return switch (op) {
            case LinalgOp.Cholesky c -> unarySquare(name, in, true);
            case LinalgOp.Inv i -> unarySquare(name, in, true);
            case LinalgOp.Det d -> unarySquare(name, in, false);
            case LinalgOp.Slogdet s -> {
                OutSpec o = unarySquare(name, in, false)[0];
                yield new OutSpec[] {o, o};
            }
            case LinalgOp.Qr q -> {
                RuleChecks.arity(name, in, 1);
                int[] a = matrices(name, in[0], "A " + Shape.format(in[0].shape()));
                int r = a.length, m = a[r - 2], n = a[r - 1], k = Math.min(m, n);
                int[] qs = a.clone(), rs = a.clone();
                qs[r - 1] = k;
                rs[r - 2] = k;
                yield new OutSpec[] {new OutSpec(qs, in[0].dtype()), new OutSpec(rs, in[0].dtype())};
            }
            case LinalgOp.Solve s -> {
                int[][] ab = pair(name, in, "A", "B");
                square(name, ab[0], ctx(in, "A", "B"));
                rows(name, ab[1], ab[0][ab[0].length - 1], "B", ctx(in, "A", "B"));
                yield one(ab[1], in[0].dtype());
            }
            case LinalgOp.CholeskySolve c -> {
                int[][] bl = pair(name, in, "B", "L");
                Object ctx = ctx(in, "B", "L");
                square(name, bl[1], ctx);
                rows(name, bl[0], bl[1][bl[1].length - 1], "B", ctx);
                yield one(bl[0], in[0].dtype());
            }
            case LinalgOp.SolveTriangular t -> {
                int[][] ab = pair(name, in, "A", "B");
                Object ctx = ctx(in, "A", "B");
                square(name, ab[0], ctx);
                int n = ab[0][ab[0].length - 1], r = ab[1].length;
                int got = t.left() ? ab[1][r - 2] : ab[1][r - 1];
                if (got != n) {
                    throw RuleChecks.fail(name, ctx, (t.left() ? "B's rows (" : "B's columns (") + got + ") must equal A's size "
                            + n + (t.left() ? " (A X = B)" : " (X A = B)"));
                }
                yield one(ab[1], in[0].dtype());
            }
            case LinalgOp.Lstsq l -> {
                int[][] ab = pair(name, in, "A", "B");
                int ra = ab[0].length, rb = ab[1].length;
                rows(name, ab[1], ab[0][ra - 2], "B", ctx(in, "A", "B"));
                int[] x = ab[1].clone();
                x[rb - 2] = ab[0][ra - 1];
                yield one(x, in[0].dtype());
            }
        };
    }

    private static OutSpec[] one(int[] shape, DType dtype) {
        return new OutSpec[] {new OutSpec(shape, dtype)};
    }

    private static Object ctx(Strided[] in, String a, String b) {
        return RuleChecks.shapes(new String[] {a, b}, in);
    }

    /** One square operand; the output is (..., n, n) when matrixOut, else the batch shape (...). */
    private static OutSpec[] unarySquare(String name, Strided[] in, boolean matrixOut) {
        RuleChecks.arity(name, in, 1);
        String ctx = "A " + Shape.format(in[0].shape());
        int[] a = matrices(name, in[0], ctx);
        square(name, a, ctx);
        return one(matrixOut ? a : Arrays.copyOf(a, a.length - 2), in[0].dtype());
    }

    /** Two operands of one floating dtype with identical batch dims; returns both shapes. */
    private static int[][] pair(String name, Strided[] in, String a, String b) {
        RuleChecks.arity(name, in, 2);
        Object ctx = ctx(in, a, b);
        int[] sa = matrices(name, in[0], ctx), sb = matrices(name, in[1], ctx);
        RuleChecks.sameDtype(name, a, in[0], b, in[1], ctx);
        if (!Arrays.equals(Arrays.copyOf(sa, sa.length - 2), Arrays.copyOf(sb, sb.length - 2))) {
            throw RuleChecks.fail(name, ctx, "batch dims differ (broadcast them before dispatch)");
        }
        return new int[][] {sa, sb};
    }

    private static int[] matrices(String name, Strided t, Object ctx) {
        if (t.dim() < 2) throw RuleChecks.fail(name, ctx, "expected (batches of) matrices with at least 2 dims");
        RuleChecks.floating(name, t, ctx);
        return t.shape();
    }

    private static void square(String name, int[] s, Object ctx) {
        int r = s.length;
        if (s[r - 1] != s[r - 2]) {
            throw RuleChecks.fail(name, ctx, "A must be a (batch of) square matrices, got " + s[r - 2] + " x " + s[r - 1]);
        }
    }

    private static void rows(String name, int[] b, int n, String what, Object ctx) {
        if (b[b.length - 2] != n) {
            throw RuleChecks.fail(name, ctx, what + " has " + b[b.length - 2] + " rows, A needs " + n);
        }
    }
}
