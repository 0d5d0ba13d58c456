package dev.weft.nn.functional;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Affine maps behind {@link F#linear} and {@link F#bilinear}: shared weights, or one weight per
 * sample (hypernetworks produce these). Composed of matmul/bmm/einsum, so autograd (any order) works.
 */
final class Linears {
    private Linears() {}

    // x: (..., C_in), W: (C_out, C_in), b: (C_out,) -> (..., C_out):  y = x W^T + b
    // x: (B, ..., C_in), W: (B, C_out, C_in), b: (B, C_out) -> (B, ..., C_out): y[i] = x[i] W[i]^T + b[i]
    static Tensor linear(Tensor x, Tensor w, Tensor b) {
        if (x.dtype() != w.dtype() || (b != null && b.dtype() != w.dtype())) {
            throw new IllegalArgumentException("linear: input " + x.dtype() + " " + Shape.format(x.shape()) + ", weight " + w.dtype()
                    + " " + Shape.format(w.shape()) + (b == null ? "" : ", bias " + b.dtype() + " " + Shape.format(b.shape()))
                    + ": dtypes differ; convert the input (x.to(DType." + w.dtype().name() + ")) or the module (module.to(DType."
                    + x.dtype().name() + "))");
        }
        if (w.dim() == 2) return shared(x, w, b);
        if (w.dim() == 3) return perSample(x, w, b);
        throw new IllegalArgumentException("linear: input " + Shape.format(x.shape()) + ", weight " + Shape.format(w.shape())
                + ": weight must be (C_out, C_in) or per-sample (B, C_out, C_in)");
    }

    private static Tensor shared(Tensor x, Tensor w, Tensor b) {
        int out = w.size(0), in = w.size(1);
        if (x.dim() < 1 || x.size(-1) != in) {
            throw new IllegalArgumentException("linear: input " + Shape.format(x.shape()) + ", weight " + Shape.format(w.shape())
                    + ": last dim " + (x.dim() < 1 ? "(none)" : String.valueOf(x.size(-1))) + " != in " + in);
        }
        checkBias(x, w, b, new int[] {out});
        Tensor y;
        if (x.dim() == 1) {
            y = w.mv(x);
        } else if (x.dim() == 2) {
            y = x.mm(w.t());
        } else {
            int[] s = x.shape();
            int rows = x.numel() / in;
            int[] outShape = s.clone();
            outShape[s.length - 1] = out;
            y = x.reshape(rows, in).mm(w.t()).reshape(outShape);
        }
        return b == null ? y : y.add(b);
    }

    private static Tensor perSample(Tensor x, Tensor w, Tensor b) {
        int n = w.size(0), out = w.size(1), in = w.size(2);
        if (x.dim() < 2 || x.size(0) != n || x.size(-1) != in) {
            throw new IllegalArgumentException("linear: input " + Shape.format(x.shape()) + ", per-sample weight "
                    + Shape.format(w.shape()) + ": input must be (B=" + n + ", ..., C_in=" + in + ")");
        }
        checkBias(x, w, b, new int[] {n, out});
        int m = x.numel() / (n * in);
        Tensor y = x.reshape(n, m, in).bmm(w.mT());                               // (B, M, C_out)
        if (b != null) y = y.add(b.unsqueeze(1));
        int[] outShape = x.shape().clone();
        outShape[outShape.length - 1] = out;
        return y.reshape(outShape);
    }

    private static void checkBias(Tensor x, Tensor w, Tensor b, int[] expected) {
        if (b != null && !java.util.Arrays.equals(b.shape(), expected)) {
            throw new IllegalArgumentException("linear: input " + Shape.format(x.shape()) + ", weight " + Shape.format(w.shape())
                    + ", bias " + Shape.format(b.shape()) + ": bias must be " + Shape.format(expected));
        }
    }

    // x1: (..., C1), x2: (..., C2), W: (C_out, C1, C2), b: (C_out,) -> (..., C_out)
    // y[k] = x1^T W[k] x2 + b[k]
    static Tensor bilinear(Tensor x1, Tensor x2, Tensor w, Tensor b) {
        String ctx = "bilinear: input1 " + Shape.format(x1.shape()) + ", input2 " + Shape.format(x2.shape()) + ", weight "
                + Shape.format(w.shape());
        if (w.dim() != 3) throw new IllegalArgumentException(ctx + ": weight must be (C_out, C_in1, C_in2)");
        if (x1.dim() < 1 || x2.dim() != x1.dim() || x1.size(-1) != w.size(1) || x2.size(-1) != w.size(2)) {
            throw new IllegalArgumentException(ctx + ": inputs must be (..., " + w.size(1) + ") and (..., " + w.size(2) + ")");
        }
        for (int d = 0; d < x1.dim() - 1; d++) {
            if (x1.size(d) != x2.size(d)) throw new IllegalArgumentException(ctx + ": leading dims differ at dim " + d);
        }
        int c1 = w.size(1), c2 = w.size(2), out = w.size(0);
        int rows = x1.numel() / c1;
        Tensor a = x1.reshape(rows, c1), c = x2.reshape(rows, c2);
        // (N, C1) @ (C1, C_out*C2) -> (N, C_out, C2), then contract C2 with x2
        Tensor t = a.mm(w.permute(1, 0, 2).reshape(c1, out * c2)).reshape(rows, out, c2);
        Tensor y = t.mul(c.unsqueeze(1)).sum(2);
        if (b != null) {
            if (b.dim() != 1 || b.size(0) != out) throw new IllegalArgumentException(ctx + ", bias " + Shape.format(b.shape())
                    + ": bias must be (" + out + ",)");
            y = y.add(b);
        }
        int[] outShape = x1.shape().clone();
        outShape[outShape.length - 1] = out;
        return y.reshape(outShape);
    }
}
