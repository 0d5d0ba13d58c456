package dev.weft.tensor;

import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.MatmulOp;


import dev.weft.tensor.core.Shape;

/**
 * Matrix products over the one primitive {@link MatmulOp.Bmm}: matmul with torch.matmul's rules
 * (1-d operands get a dim added and removed, batch dims broadcast via expand + reshape), mm, bmm,
 * mv, dot; outer is an elementwise product of broadcast views. Transposed operands stay views.
 */
public final class Products {
    private Products() {}

    private static String pair(Tensor a, Tensor b) {
        return Shape.format(a.shape()) + " @ " + Shape.format(b.shape());
    }

    /** The checks every product makes under the name the user called: same dtype, then equal inner dims. */
    private static void inner(String op, Tensor a, Tensor b, int ka, int kb) {
        sameDtype(op, a, b);
        if (ka != kb) throw new IllegalArgumentException(op + ": " + pair(a, b) + ": inner dims " + ka + " != " + kb);
    }

    private static void sameDtype(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": " + pair(a, b) + ": dtypes " + a.dtype() + " and " + b.dtype()
                    + " differ; convert one first, e.g. b.to(DType." + a.dtype().name() + ")");
        }
    }

    /**
     * {@return (B, M, K) @ (B, K, N) -> (B, M, N)}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() == 3 && b.dim() == 3) sameDtype("bmm", a, b);
        return Dispatch.apply1(new MatmulOp.Bmm(), a, b);
    }

    /**
     * (M, K) @ (K, N) -> (M, N).
     *
     * @param a the first operand
     * @param b the second operand
     * @return the product (M, N)
     */
    public static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2) {
            throw new IllegalArgumentException("mm: " + pair(a, b) + ": expected two 2-d tensors");
        }
        inner("mm", a, b, a.size(1), b.size(0));
        return Views.squeeze(bmm(Views.unsqueeze(a, 0), Views.unsqueeze(b, 0)), 0);
    }

    /**
     * (M, K) @ (K,) -> (M,).
     *
     * @param a the first operand
     * @param v the vector
     * @return the product (M,)
     */
    public static Tensor mv(Tensor a, Tensor v) {
        if (a.dim() != 2 || v.dim() != 1) {
            throw new IllegalArgumentException("mv: " + pair(a, v) + ": expected a 2-d matrix and a 1-d vector");
        }
        inner("mv", a, v, a.size(1), v.size(0));
        return Views.view(bmm(Views.unsqueeze(a, 0), Views.view(v, new int[] {1, -1, 1})), new int[] {-1});
    }

    /**
     * (K,) . (K,) -> 0-d.
     *
     * @param a the first operand
     * @param b the second operand
     * @return the 0-d product
     */
    public static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("dot: " + pair(a, b) + ": expected two 1-d tensors");
        }
        inner("dot", a, b, a.size(0), b.size(0));
        return Views.reshape(bmm(Views.view(a, new int[] {1, 1, -1}), Views.view(b, new int[] {1, -1, 1})), Shape.SCALAR);
    }

    /**
     * torch.cdist: p-norm distances between the rows of x1 (..., P, M) and x2 (..., R, M), giving (..., P, R),
     * batch dims broadcast. Computed from the differences (exact, no ||a||^2 + ||b||^2 - 2ab cancellation),
     * so it holds a (..., P, R, M) temporary; the gradient at coincident points is 0, as in PyTorch.
     *
     * @param x1 the first point set (..., P, M)
     * @param x2 the second point set (..., R, M)
     * @param p the norm's order (p >= 0)
     * @return p-norm distances between the rows of x1 (..., P, M) and x2 (..., R, M), giving (..., P, R), batch dims broadcast
     */
    public static Tensor cdist(Tensor x1, Tensor x2, double p) {
        if (x1.dim() < 2 || x2.dim() < 2 || x1.size(-1) != x2.size(-1)) {
            throw new IllegalArgumentException("cdist: x1 " + Shape.format(x1.shape()) + ", x2 " + Shape.format(x2.shape())
                    + ": expected (..., P, M) and (..., R, M) with the same M");
        }
        if (!(p >= 0)) throw new IllegalArgumentException("cdist: p must be >= 0, got " + p);
        sameDtype("cdist", x1, x2);
        return Reductions.norm(x1.unsqueeze(-2).sub(x2.unsqueeze(-3)), p, new int[] {-1}, false);
    }

    /**
     * (M,) x (N,) -> (M, N), y[i, j] = a[i] * b[j].
     *
     * @param a the first operand
     * @param b the second operand
     * @return the (M, N) product
     */
    public static Tensor outer(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("outer: " + Shape.format(a.shape()) + " x " + Shape.format(b.shape())
                    + ": expected two 1-d tensors");
        }
        return Pointwise.binary(BinaryFn.MUL, Views.unsqueeze(a, 1), Views.unsqueeze(b, 0));
    }

    /**
     * torch.matmul: 1-d @ 1-d is dot; 2-d @ 2-d mm; a 1-d left operand is a row (dim removed after), a
     * 1-d right operand a column; otherwise leading dims broadcast as a batch:
     * (..., M, K) @ (..., K, N) -> (broadcast(...), M, N).
     *
     * @param a the first operand
     * @param b the second operand
     * @return the product (1-d @ 1-d is a 0-d dot product)
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        int ra = a.dim(), rb = b.dim();
        if (ra == 0 || rb == 0) {
            throw new IllegalArgumentException("matmul: " + pair(a, b) + ": both arguments need at least 1 dim");
        }
        int ka = a.size(-1), kb = rb == 1 ? b.size(0) : b.size(-2);
        inner("matmul", a, b, ka, kb);
        if (ra == 1 && rb == 1) return dot(a, b);
        if (ra == 2 && rb == 2) return mm(a, b);
        if (ra == 1 && rb == 2) return Views.squeeze(mm(Views.unsqueeze(a, 0), b), 0);
        if (ra == 2 && rb == 1) return mv(a, b);
        if (rb <= 2) {
            // (..., M, K) @ (K, N) or (K,): fold the batch into M, one GEMM.
            int[] sa = a.shape();
            Tensor a2 = Views.reshape(a, new int[] {-1, ka});
            Tensor out = rb == 2 ? mm(a2, b) : mv(a2, b);
            int[] os = rb == 2 ? Shape.insert(Shape.remove(sa, ra - 1), ra - 1, b.size(1)) : Shape.remove(sa, ra - 1);
            return Views.reshape(out, os);
        }
        Tensor a3 = ra == 1 ? Views.unsqueeze(a, 0) : a;
        Tensor b3 = rb == 1 ? Views.unsqueeze(b, -1) : b;
        int[] sa = a3.shape(), sb = b3.shape();
        int m = sa[sa.length - 2], n = sb[sb.length - 1];
        int[] batchA = java.util.Arrays.copyOf(sa, sa.length - 2), batchB = java.util.Arrays.copyOf(sb, sb.length - 2);
        int[] batch = Shape.broadcast("matmul", batchA, batchB);
        int bn = Shape.numel(batch);
        Tensor ea = Views.reshape(Views.expand(a3, concat(batch, m, ka)), new int[] {bn, m, ka});
        Tensor eb = Views.reshape(Views.expand(b3, concat(batch, ka, n)), new int[] {bn, ka, n});
        Tensor out = Views.reshape(bmm(ea, eb), concat(batch, m, n));
        if (ra == 1) out = Views.squeeze(out, -2);
        if (rb == 1) out = Views.squeeze(out, -1);
        return out;
    }

    static int[] concat(int[] lead, int... tail) {
        int[] out = java.util.Arrays.copyOf(lead, lead.length + tail.length);
        System.arraycopy(tail, 0, out, lead.length, tail.length);
        return out;
    }
}
