package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Shape rules of {@link SparseOp}: the CSR structure is 1-d index tensors of one dtype (I32 or I64), the
 * values and dense operands one floating dtype, and the dense shapes agree with the matrix's (m, cols), m
 * read from rowPtr's length. Index values (monotone row pointers, columns in range) are the backend's check.
 */
final class SparseRules {
    private SparseRules() {}

    static OutSpec[] infer(SparseOp op, Strided[] in) {
        String name = op.name();
        return switch (op) {
            case SparseOp.Spmm s -> {
                String ctx = context(name, in, "rowPtr", "col", "values", "x", "rowPtrT", "colT", "perm");
                int[] mn = structure(name, in, s.cols(), ctx);
                Strided values = in[2], x = in[3];
                RuleChecks.floating(name, values, ctx);
                RuleChecks.sameDtype(name, "values", values, "x", x, ctx);
                if (values.dim() != 1 || values.size(0) != mn[1]) {
                    throw RuleChecks.fail(name, ctx, "values must be 1-d of the " + mn[1] + " nonzeros");
                }
                if (x.dim() != 2 || x.size(0) != s.cols()) {
                    throw RuleChecks.fail(name, ctx, "x must be 2-d (" + s.cols() + ", n) for a sparse (" + mn[0] + ", " + s.cols()
                            + ") matrix");
                }
                yield RuleChecks.one(new OutSpec(new int[] {mn[0], x.size(1)}, x.dtype()));
            }
            case SparseOp.Sddmm s -> {
                String ctx = context(name, in, "rowPtr", "col", "a", "b", "rowPtrT", "colT", "perm");
                int[] mn = structure(name, in, s.cols(), ctx);
                Strided a = in[2], b = in[3];
                RuleChecks.floating(name, a, ctx);
                RuleChecks.sameDtype(name, "a", a, "b", b, ctx);
                if (a.dim() != 2 || b.dim() != 2 || a.size(0) != mn[0] || b.size(0) != s.cols() || a.size(1) != b.size(1)) {
                    throw RuleChecks.fail(name, ctx, "a must be (" + mn[0] + ", n) and b (" + s.cols() + ", n) for a sparse (" + mn[0]
                            + ", " + s.cols() + ") pattern");
                }
                yield RuleChecks.one(new OutSpec(new int[] {mn[1]}, a.dtype()));
            }
            case SparseOp.Segment s -> {
                String ctx = context(name, in, "rowPtr", "x");
                RuleChecks.arity(name, in, 2);
                Strided rowPtr = in[0], x = in[1];
                index(name, "rowPtr", rowPtr, ctx);
                if (rowPtr.size(0) < 1) throw RuleChecks.fail(name, ctx, "rowPtr needs at least one entry (m + 1)");
                RuleChecks.floating(name, x, ctx);
                if (x.dim() < 1) throw RuleChecks.fail(name, ctx, "x must have at least 1 dim (the segmented one)");
                int[] out = x.shape();
                out[0] = rowPtr.size(0) - 1;
                RuleChecks.numel(name, out);
                yield s.reduce().hasArg() ? new OutSpec[] {new OutSpec(out, x.dtype()), new OutSpec(out, DType.I64)}
                        : RuleChecks.one(new OutSpec(out, x.dtype()));
            }
        };
    }

    /**
     * Checks the CSR structure (inputs 0, 1) and, when given, the transpose's (inputs 4..6): 4 or 7 inputs.
     *
     * @return {m, nnz}
     */
    private static int[] structure(String name, Strided[] in, int cols, String ctx) {
        if (in.length != 4 && in.length != 7) {
            throw RuleChecks.fail(name, ctx, "expected 4 inputs (or 7 with the transpose's structure), got " + in.length);
        }
        if (cols < 0) throw RuleChecks.fail(name, ctx, "cols " + cols + " must be >= 0");
        Strided rowPtr = in[0], col = in[1];
        index(name, "rowPtr", rowPtr, ctx);
        index(name, "col", col, ctx);
        RuleChecks.sameDtype(name, "rowPtr", rowPtr, "col", col, ctx);
        if (rowPtr.size(0) < 1) throw RuleChecks.fail(name, ctx, "rowPtr needs at least one entry (m + 1)");
        int m = rowPtr.size(0) - 1, nnz = col.size(0);
        if (in.length == 7) {
            Strided rowPtrT = in[4], colT = in[5], perm = in[6];
            index(name, "rowPtrT", rowPtrT, ctx);
            RuleChecks.sameDtype(name, "rowPtr", rowPtr, "rowPtrT", rowPtrT, ctx);
            RuleChecks.sameDtype(name, "col", col, "colT", colT, ctx);
            RuleChecks.dtype(name, "perm", perm, DType.I64, ctx);
            if (rowPtrT.size(0) != cols + 1 || colT.dim() != 1 || colT.size(0) != nnz || perm.dim() != 1 || perm.size(0) != nnz) {
                throw RuleChecks.fail(name, ctx, "the transpose's structure must be rowPtrT (" + (cols + 1) + "), colT and perm ("
                        + nnz + ")");
            }
        }
        return new int[] {m, nnz};
    }

    private static void index(String name, String what, Strided t, String ctx) {
        if (t.dtype() != DType.I32 && t.dtype() != DType.I64) throw RuleChecks.fail(name, ctx, what + " must be I32 or I64, got " + t.dtype());
        if (t.dim() != 1) throw RuleChecks.fail(name, ctx, what + " must be 1-d");
    }

    /** "rowPtr (4), col (6), values (6), x (3, 2)": the inputs there are, named. */
    private static String context(String name, Strided[] in, String... names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < in.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(i < names.length ? names[i] : "input " + i).append(' ').append(Shape.format(in[i].shape()));
        }
        return sb.toString();
    }
}
