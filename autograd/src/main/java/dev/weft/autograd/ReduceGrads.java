package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.ReduceOp;

/**
 * Backward rules of the reduction primitives. A reduced gradient is first given back its reduced dims
 * as size 1 ({@link #keep}) and then broadcast against the input. Rules that would divide by an input
 * (prod, cumprod) switch to a division-free form when the input holds zeros.
 */
final class ReduceGrads {
    private ReduceGrads() {}

    static Tensor[] backward(ReduceOp op, Ctx c) {
        return switch (op) {
            case ReduceOp.Reduce r -> new Tensor[] {reduce(r, c)};
            // values only: the gradient goes to the position the index names
            case ReduceOp.ArgReduce a -> new Tensor[] {toIndex(c, c.g(0), c.out(1), a.dim(), a.keepdim())};
            case ReduceOp.Var v -> new Tensor[] {varGrad(c, keep(c.g(), c.inShape(0), v.dims(), v.keepdim()), v.dims(), v.correction())};
            case ReduceOp.Std v -> {                            // std = sqrt(var): g / (2 std), 0 where std = 0
                Tensor sd = keep(c.out(0), c.inShape(0), v.dims(), v.keepdim());
                Tensor gVar = keep(c.g(), c.inShape(0), v.dims(), v.keepdim()).div(sd.mul(2.0)).maskedFill(sd.eq(0.0), 0);
                yield new Tensor[] {varGrad(c, gVar, v.dims(), v.correction())};
            }
            case ReduceOp.Norm nm -> new Tensor[] {norm(nm, c)};
            case ReduceOp.Softmax s -> {                        // y (g - sum(g y))
                Tensor y = c.out(0), g = c.g();
                yield new Tensor[] {y.mul(g.sub(g.mul(y).sum(s.dim(), true)))};
            }
            case ReduceOp.LogSoftmax s -> {                     // g - e^y sum(g)
                Tensor g = c.g();
                yield new Tensor[] {g.sub(c.out(0).exp().mul(g.sum(s.dim(), true)))};
            }
            case ReduceOp.LogSumExp l -> {                      // e^(x - y)
                int[] shape = c.inShape(0);
                Tensor y = keep(c.out(0), shape, l.dims(), l.keepdim());
                yield new Tensor[] {keep(c.g(), shape, l.dims(), l.keepdim()).mul(c.in(0).sub(y).exp())};
            }
            case ReduceOp.Cumsum s -> new Tensor[] {reverseCumsum(c.g(), s.dim())};
            case ReduceOp.Cumprod s -> new Tensor[] {cumprod(c, s.dim())};
        };
    }

    /** The variance's backward for a gradient gVar given back its reduced dims: gVar 2 (x - mean) / (n - correction). */
    private static Tensor varGrad(Ctx c, Tensor gVar, int[] dims, double correction) {
        Tensor x = c.in(0);
        double n = count(c.inShape(0), dims);
        return gVar.mul(x.sub(x.mean(dims, true))).mul(2 / (n - correction));
    }

    /**
     * d||x||_p / dx = x |x|^(p-2) / ||x||^(p-1) (p = 2: x / ||x||), with PyTorch's values at the singular
     * points: 0 where the norm is 0, and for p < 1 also 0 at the zero entries.
     */
    private static Tensor norm(ReduceOp.Norm nm, Ctx c) {
        int[] shape = c.inShape(0);
        double p = nm.p();
        Tensor x = c.in(0);
        Tensor n = keep(c.out(0), shape, nm.dims(), nm.keepdim());
        Tensor g = keep(c.g(), shape, nm.dims(), nm.keepdim());
        Tensor zero = n.eq(0.0);
        if (p == 2) return x.mul(g.div(n).maskedFill(zero, 0));
        if (p < 1) {
            Tensor scaled = x.sign().mul(x.abs().pow(p - 1).maskedFill(x.eq(0.0), 0));
            return scaled.mul(g.mul(n.pow(1 - p)));
        }
        Tensor scaled = p < 2 ? x.sign().mul(x.abs().pow(p - 1)) : x.mul(x.abs().pow(p - 2));
        return scaled.mul(g.div(n.pow(p - 1)).maskedFill(zero, 0));
    }

    private static Tensor reduce(ReduceOp.Reduce r, Ctx c) {
        int[] shape = c.inShape(0);
        Tensor g = keep(c.g(), shape, r.dims(), r.keepdim());
        return switch (r.fn()) {
            case SUM -> g.expand(shape);
            case PROD -> prod(c, g, r);
            // ties share the gradient evenly (as PyTorch's amax/amin)
            case MAX, MIN -> {
                Tensor x = c.in(0);
                Tensor hit = x.eq(keep(c.out(0), shape, r.dims(), r.keepdim())).to(x.dtype());
                yield g.mul(hit).div(hit.sum(r.dims(), true));
            }
            case ALL, ANY -> throw Gradients.nonDifferentiable(r, c);
        };
    }

    /** prod: g y / x without zeros; else each x_i gets g times the product of the others. */
    private static Tensor prod(Ctx c, Tensor g, ReduceOp.Reduce r) {
        Tensor x = c.in(0);
        if (!hasZero(x)) return g.mul(keep(c.out(0), x.shape(), r.dims(), r.keepdim())).div(x);
        int[] shape = x.shape();
        int rank = shape.length;
        boolean[] red = new boolean[rank];
        for (int d : r.dims()) red[d] = true;
        int[] perm = new int[rank];
        int j = 0, rest = 1, n = 1;
        for (int d = 0; d < rank; d++) if (!red[d]) { perm[j++] = d; rest *= shape[d]; }
        for (int d = 0; d < rank; d++) if (red[d]) { perm[j++] = d; n *= shape[d]; }
        Tensor xp = x.permute(perm).reshape(rest, n);                          // (R, n)
        Tensor others = exceptSelf(xp, n).prod(2);                              // (R, n): prod_{j != i} x_j
        Tensor gp = g.expand(shape).permute(perm).reshape(rest, n);
        return unpermute(gp.mul(others), shape, perm);
    }

    /** (R, n) -> (R, n, n) with [r, i, j] = x[r, j], except 1 where i == j. */
    private static Tensor exceptSelf(Tensor xp, int n) {
        Tensor i = Tensor.arange(n).unsqueeze(1), k = Tensor.arange(n).unsqueeze(0);
        return Tensor.where(i.ne(k), xp.unsqueeze(1), 1.0);
    }

    /** Inverse of x.permute(perm).reshape(...) back to shape. */
    private static Tensor unpermute(Tensor t, int[] shape, int[] perm) {
        int[] ps = new int[perm.length], inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            ps[i] = shape[perm[i]];
            inv[perm[i]] = i;
        }
        return t.reshape(ps).permute(inv);
    }

    /** cumprod: sum_{j >= i} g_j y_j / x_i without zeros; else prod_{k <= j, k != i} x_k summed with g_j. */
    private static Tensor cumprod(Ctx c, int dim) {
        Tensor x = c.in(0), g = c.g();
        if (!hasZero(x)) return reverseCumsum(g.mul(c.out(0)), dim).div(x);
        int n = x.size(dim);
        int[] perm = toEnd(x.dim(), dim);
        Tensor m = exceptSelf(x.permute(perm).reshape(-1, n), n).cumprod(2);   // (R, i, j) = prod_{k<=j, k!=i} x_k
        Tensor upper = Tensor.arange(n).unsqueeze(0).ge(Tensor.arange(n).unsqueeze(1));   // j >= i
        Tensor gm = g.permute(perm).reshape(-1, 1, n);
        Tensor gx = Tensor.where(upper, m.mul(gm), 0.0).sum(2);                // (R, n)
        return unpermute(gx, x.shape(), perm);
    }

    /** The permutation moving dim to the end, the others in order. */
    private static int[] toEnd(int rank, int dim) {
        int[] p = new int[rank];
        int j = 0;
        for (int d = 0; d < rank; d++) if (d != dim) p[j++] = d;
        p[rank - 1] = dim;
        return p;
    }

    /** sum_{j >= i} g_j along dim (the adjoint of cumsum). */
    static Tensor reverseCumsum(Tensor g, int dim) {
        return g.flip(dim).cumsum(dim).flip(dim);
    }

    /** Gradient of values of max/min along dim with indices idx: g at idx, 0 elsewhere. */
    static Tensor toIndex(Ctx c, Tensor g, Tensor idx, int dim, boolean keepdim) {
        int[] shape = c.inShape(0);
        if (!keepdim) {
            g = g.unsqueeze(dim);
            idx = idx.unsqueeze(dim);
        }
        int[] ar = new int[shape.length];
        java.util.Arrays.fill(ar, 1);
        ar[dim] = shape[dim];
        Tensor pos = Tensor.arange(shape[dim]).reshape(ar);
        return Tensor.where(pos.eq(idx), g, 0.0);
    }

    /** g of a reduction over dims, reshaped so the reduced dims are present with size 1. */
    static Tensor keep(Tensor g, int[] inShape, int[] dims, boolean keepdim) {
        if (keepdim) return g;
        int[] k = inShape.clone();
        for (int d : dims) k[d] = 1;
        return g.reshape(k);
    }

    private static double count(int[] shape, int[] dims) {
        double n = 1;
        for (int d : dims) n *= shape[d];
        return n;
    }

    private static boolean hasZero(Tensor x) {
        try (var s = GradMode.noGrad()) {
            return x.eq(0.0).any().item() != 0;
        }
    }
}
