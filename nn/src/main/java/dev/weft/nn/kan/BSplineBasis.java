package dev.weft.nn.kan;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Function;
import dev.weft.autograd.FunctionCtx;
import dev.weft.kernels.kan.BSpline;
import dev.weft.tensor.DirectAccess;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * The B-spline basis expansion as one custom autograd function: forward, the fused Cox–de Boor kernel
 * ({@link BSpline#basis}) over x (B, in) and grid (in, m); backward, its input gradient from dL/dbasis in one
 * pass ({@link BSpline#basisGrad}). The grid gets no gradient (a buffer). When the engine creates a graph
 * (double backward), the same derivative is composed from tensor ops over the order-(k-1) basis,
 * dB_{i,k}/dx = a_i B_{i,k-1} - a_{i+1} B_{i+1,k-1} with a_i = k / (t_{i+k} - t_i), so it is differentiable again.
 * Inputs are checked by {@link Spline#basis}.
 */
final class BSplineBasis extends Function {
    private final int k;

    BSplineBasis(int k) {
        this.k = k;
    }

    @Override
    public String name() {
        return "bsplineBasis";
    }

    // x: (B, in), grid: (in, m) -> (B, in, m - k - 1)
    @Override
    protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        Tensor x = in[0].contiguous(), grid = in[1].contiguous();
        int b = x.size(0), n = x.size(1), m = grid.size(1), nb = BSpline.bases(m, k);
        Tensor out = DirectAccess.allocate(x.dtype(), b, n, nb);
        if (x.dtype() == DType.F32) {
            BSpline.basis(DirectAccess.floats(x), DirectAccess.offset(x), b, n, DirectAccess.floats(grid), DirectAccess.offset(grid), m, k,
                    DirectAccess.floats(out), 0);
        } else {
            BSpline.basis(DirectAccess.doubles(x), DirectAccess.offset(x), b, n, DirectAccess.doubles(grid), DirectAccess.offset(grid), m, k,
                    DirectAccess.doubles(out), 0);
        }
        DirectAccess.written(out);
        ctx.saveForBackward(x, grid);
        return new Tensor[] {out};
    }

    @Override
    protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        Tensor x = ctx.saved(0), grid = ctx.saved(1);
        if (Autograd.isGradEnabled()) return new Tensor[] {composedGrad(x, grid, g[0]), null};
        Tensor gd = g[0].contiguous();
        int b = x.size(0), n = x.size(1), m = grid.size(1);
        Tensor dx = DirectAccess.allocate(x.dtype(), b, n);
        if (x.dtype() == DType.F32) {
            BSpline.basisGrad(DirectAccess.floats(x), DirectAccess.offset(x), b, n, DirectAccess.floats(grid), DirectAccess.offset(grid), m, k,
                    DirectAccess.floats(gd), DirectAccess.offset(gd), DirectAccess.floats(dx), 0);
        } else {
            BSpline.basisGrad(DirectAccess.doubles(x), DirectAccess.offset(x), b, n, DirectAccess.doubles(grid), DirectAccess.offset(grid), m,
                    k, DirectAccess.doubles(gd), DirectAccess.offset(gd), DirectAccess.doubles(dx), 0);
        }
        DirectAccess.written(dx);
        return new Tensor[] {dx, null};
    }

    /** sum_i g_i dB_{i,k}/dx in tensor ops (differentiable in x and g). */
    private Tensor composedGrad(Tensor x, Tensor grid, Tensor g) {
        if (k == 0) return Tensor.zerosLike(x);
        int m = grid.size(1), nb = BSpline.bases(m, k);
        Tensor low = Spline.basis(x, grid, k - 1);                                   // (B, in, nb + 1)
        Tensor span = grid.slice(1, k, m).sub(grid.slice(1, 0, m - k));            // (in, nb + 1): t_{i+k} - t_i
        Tensor a = Tensor.where(span.eq(0), Tensor.zerosLike(span), span.reciprocal().mul(k));
        Tensor d = low.slice(2, 0, nb).mul(a.slice(1, 0, nb)).sub(low.slice(2, 1, nb + 1).mul(a.slice(1, 1, nb + 1)));
        return g.mul(d).sum(2);
    }
}
