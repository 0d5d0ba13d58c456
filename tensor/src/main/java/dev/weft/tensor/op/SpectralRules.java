package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Shape rules of {@link SpectralOp}: F32 or F64; a complex operand is (..., 2) and its dim a logical dim
 * (not the trailing pair); the transform length is at least 1; C2r's input has exactly n/2 + 1 bins.
 */
final class SpectralRules {
    private SpectralRules() {}

    static OutSpec[] infer(SpectralOp op, Strided[] in) {
        String name = op.name();
        RuleChecks.arity(name, in, 1);
        Strided x = in[0];
        String ctx = "input " + Shape.format(x.shape());
        if (x.dtype() != DType.F32 && x.dtype() != DType.F64) throw RuleChecks.fail(name, ctx, "expected F32 or F64, got " + x.dtype());
        int[] s = x.shape();
        return switch (op) {
            case SpectralOp.C2c c -> {
                length(name, ctx, complexDim(name, ctx, s, c.dim()), c.dim());
                yield RuleChecks.one(new OutSpec(s, x.dtype()));
            }
            case SpectralOp.R2c r -> {
                RuleChecks.dim(name, r.dim(), s.length, ctx);
                int n = length(name, ctx, s[r.dim()], r.dim());
                int[] out = java.util.Arrays.copyOf(s, s.length + 1);
                out[r.dim()] = n / 2 + 1;
                out[s.length] = 2;
                yield RuleChecks.one(new OutSpec(out, x.dtype()));
            }
            case SpectralOp.C2r r -> {
                int m = complexDim(name, ctx, s, r.dim());
                length(name, ctx, r.n(), r.dim());
                if (m != r.n() / 2 + 1) {
                    throw RuleChecks.fail(name, ctx, "output length " + r.n() + " needs " + (r.n() / 2 + 1) + " bins along dim "
                            + r.dim() + ", got " + m + " (trim or pad them first)");
                }
                int[] out = java.util.Arrays.copyOf(s, s.length - 1);
                out[r.dim()] = r.n();
                yield RuleChecks.one(new OutSpec(out, x.dtype()));
            }
        };
    }

    /** The size along dim of a complex (..., 2) operand, dim being one of its logical dims. */
    private static int complexDim(String name, String ctx, int[] s, int dim) {
        if (s.length < 2 || s[s.length - 1] != 2) {
            throw RuleChecks.fail(name, ctx, "expected a complex tensor as (..., n, 2) real pairs (torch.view_as_real), got "
                    + (s.length < 2 ? "a " + s.length + "-d tensor" : "last dim " + s[s.length - 1]));
        }
        RuleChecks.dim(name, dim, s.length - 1, ctx + " (complex, " + (s.length - 1) + " logical dims)");
        return s[dim];
    }

    private static int length(String name, String ctx, int n, int dim) {
        if (n < 1) throw RuleChecks.fail(name, ctx, "invalid number of data points " + n + " along dim " + dim + " (must be >= 1)");
        if (n > (1 << 29)) throw RuleChecks.fail(name, ctx, "transform length " + n + " along dim " + dim + " exceeds 2^29");
        return n;
    }
}
