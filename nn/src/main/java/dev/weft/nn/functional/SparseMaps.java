package dev.weft.nn.functional;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Function;
import dev.weft.autograd.FunctionCtx;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import java.util.Arrays;

/**
 * Sparse probability maps along a dim: sparsemax (Martins and Astudillo 2016) and entmax-1.5 (Peters,
 * Niculae and Martins 2019), each one custom autograd function whose forward finds the threshold tau by
 * the exact sort-based algorithm (no bisection) and whose backward is the closed-form Jacobian product.
 * Both are written in tensor ops, so they run on any device; backward under create-graph recomputes the
 * threshold from the saved input with graph, so second derivatives are exact too.
 */
final class SparseMaps {
    private SparseMaps() {}

    /** The dim in [0, x.dim()) after checking x and dim; errors name the function, the shape and the dim. */
    static int checkDim(String op, Tensor x, int dim) {
        if (x == null) throw new IllegalArgumentException(op + ": input must not be null");
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": x " + Shape.format(x.shape()) + " has dtype " + x.dtype()
                    + "; needs a floating-point tensor");
        }
        if (x.dim() == 0) {
            throw new IllegalArgumentException(op + ": x is a scalar (shape ()); needs at least one dim to normalize along");
        }
        if (dim < -x.dim() || dim >= x.dim()) {
            throw new IllegalArgumentException(op + ": dim " + dim + " out of range for x " + Shape.format(x.shape())
                    + " (expected in [" + -x.dim() + ", " + (x.dim() - 1) + "])");
        }
        return dim < 0 ? dim + x.dim() : dim;
    }

    /** 1, 2, ..., n laid along dim d of an x.dim()-d tensor (size 1 elsewhere), in x's dtype and device. */
    private static Tensor ranks(Tensor x, int d) {
        int n = x.size(d);
        int[] shape = new int[x.dim()];
        Arrays.fill(shape, 1);
        shape[d] = n;
        return Tensor.arange(1, n + 1, 1, x.dtype()).reshape(shape).to(x.device());
    }

    /**
     * Sparsemax's z - tau along d (z = x - max x): with z sorted decreasingly, k(z) = max{k : 1 + k z_(k) >
     * sum_{j<=k} z_(j)} and tau = (sum_{j<=k(z)} z_(j) - 1) / k(z) (Martins and Astudillo, Algorithm 1).
     * Written in ops: in grad mode its result carries the exact (piecewise linear) gradient.
     */
    static Tensor sparsemaxShifted(Tensor x, int d) {
        Tensor z = x.sub(x.detach().amax(new int[] {d}, true));
        Tensor zs = z.sort(d, true).values();
        Tensor cs = zs.cumsum(d);
        Tensor k = ranks(x, d);
        Tensor support = k.mul(zs).add(1.0).gt(cs);                                   // a prefix of the sorted order
        Tensor count = support.to(x.dtype()).sum(d, true);                          // k(z) >= 1
        Tensor tau = cs.gather(d, count.to(DType.I64).sub(1L)).sub(1.0).div(count);
        return z.sub(tau);
    }

    /**
     * Entmax-1.5's (z - tau) along d with z = (x - max x) / 2, so that entmax15(x) = relu(z - tau)^2
     * (Peters et al. 2019, Algorithm 2 with alpha = 1.5): for each prefix k of the decreasingly sorted z,
     * mean_k = sum_{j<=k} z_(j) / k, ss_k = sum_{j<=k} (z_(j) - mean_k)^2, tau_k = mean_k - sqrt(max((1 -
     * ss_k) / k, 0)); the support size is #{k : tau_k <= z_(k)} and tau is tau at that k.
     */
    static Tensor entmax15Shifted(Tensor x, int d) {
        Tensor z = x.sub(x.detach().amax(new int[] {d}, true)).mul(0.5);
        Tensor zs = z.sort(d, true).values();
        Tensor k = ranks(x, d);
        Tensor mean = zs.cumsum(d).div(k);
        Tensor meanSq = zs.square().cumsum(d).div(k);
        Tensor ss = k.mul(meanSq.sub(mean.square()));
        Tensor delta = ss.neg().add(1.0).div(k).clampMin(0.0);
        Tensor tau = mean.sub(delta.sqrt());
        Tensor count = tau.le(zs).to(x.dtype()).sum(d, true);
        Tensor tauStar = tau.gather(d, count.to(DType.I64).sub(1L));
        return z.sub(tauStar);
    }

    /** sparsemax(x) = argmin_{p in simplex} ||p - x||^2 = relu(x - tau); backward J^T g = s (g - sum(s g) / sum(s)), s = [p > 0]. */
    static final class Sparsemax extends Function {
        private final int dim;

        Sparsemax(int dim) {
            this.dim = dim;
        }

        @Override
        public String name() {
            return "sparsemax";
        }

        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            Tensor p = sparsemaxShifted(in[0], dim).clampMin(0.0);
            ctx.saveForBackward(p);
            return new Tensor[] {p};
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            // The Jacobian is piecewise constant in x, so this is exact under create-graph as well.
            Tensor p = ctx.saved(0);
            Tensor s = p.gt(0.0).to(p.dtype());
            Tensor gs = g[0].mul(s);
            Tensor vHat = gs.sum(dim, true).div(s.sum(dim, true));
            return new Tensor[] {gs.sub(s.mul(vHat))};
        }
    }

    /**
     * entmax15(x) = argmax_{p in simplex} p^T x + H_1.5(p) = relu(x/2 - tau)^2; backward with r = sqrt(p):
     * J^T g = r g - r sum(r g) / sum(r) (Peters et al. 2019, Prop. 2 with alpha = 1.5).
     */
    static final class Entmax15 extends Function {
        private final int dim;

        Entmax15(int dim) {
            this.dim = dim;
        }

        @Override
        public String name() {
            return "entmax15";
        }

        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            Tensor r = entmax15Shifted(in[0], dim).clampMin(0.0);                   // sqrt of the output
            ctx.saveForBackward(in[0], r);
            return new Tensor[] {r.square()};
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            // Under create-graph, r is rebuilt from x with graph so the gradient is differentiable in x.
            Tensor r = Autograd.isGradEnabled() ? entmax15Shifted(ctx.saved(0), dim).clampMin(0.0) : ctx.saved(1);
            Tensor rg = r.mul(g[0]);
            Tensor q = rg.sum(dim, true).div(r.sum(dim, true));
            return new Tensor[] {rg.sub(r.mul(q))};
        }
    }

    static Tensor sparsemax(Tensor x, int dim) {
        return new Sparsemax(checkDim("sparsemax", x, dim)).apply(x);
    }

    static Tensor entmax15(Tensor x, int dim) {
        return new Entmax15(checkDim("entmax15", x, dim)).apply(x);
    }
}
