package dev.weft.nn.functional;

import dev.weft.tensor.Convolution;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/**
 * Transposed convolution, the adjoint of {@link Convolution#conv2d} in x: each input pixel scatters
 * weight-scaled kernels into the output, i.e. cols = W^T x per group, then fold (col2im).
 * Ordinary conv1d/conv2d are {@link Convolution}'s.
 */
final class Convs {
    private Convs() {}

    // x: (B, C_in, H, W) or (C_in, H, W), w: (C_in, C_out/G, kH, kW), b: (C_out,) -> (B, C_out, H_out, W_out)
    // H_out = (H - 1) * s - 2p + d (kH - 1) + outputPadding + 1
    static Tensor convTranspose2d(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] outputPadding, int groups,
                                  int[] dilation) {
        String ctx = "conv_transpose2d: input " + Shape.format(x.shape()) + ", weight " + Shape.format(w.shape())
                + (b == null ? "" : ", bias " + Shape.format(b.shape()));
        int[] s = pair(ctx, "stride", stride), p = pair(ctx, "padding", padding), op = pair(ctx, "output_padding", outputPadding),
                d = pair(ctx, "dilation", dilation);
        boolean unbatched = x.dim() == 3;
        if (x.dim() != 4 && !unbatched) throw new IllegalArgumentException(ctx + ": input must be (B, C_in, H, W) or (C_in, H, W)");
        if (w.dim() != 4) throw new IllegalArgumentException(ctx + ": weight must be (C_in, C_out/groups, kH, kW)");
        if (unbatched) x = x.unsqueeze(0);
        int n = x.size(0), cIn = x.size(1), h = x.size(2), wd = x.size(3);
        int kh = w.size(2), kw = w.size(3), coG = w.size(1), cOut = coG * groups;
        if (groups < 1 || w.size(0) != cIn || cIn % groups != 0) {
            throw new IllegalArgumentException(ctx + ": input has " + cIn + " channels, weight expects " + w.size(0)
                    + " (divisible by groups " + groups + ")");
        }
        for (int i = 0; i < 2; i++) {
            if (s[i] < 1 || d[i] < 1 || p[i] < 0 || op[i] < 0) {
                throw new IllegalArgumentException(ctx + ": stride " + Shape.format(s) + " and dilation " + Shape.format(d)
                        + " must be >= 1, padding " + Shape.format(p) + " and output_padding " + Shape.format(op) + " >= 0");
            }
            if (op[i] >= s[i] && op[i] >= d[i]) {
                throw new IllegalArgumentException(ctx + ": output padding " + Shape.format(op)
                        + " must be smaller than either stride " + Shape.format(s) + " or dilation " + Shape.format(d));
            }
        }
        if (b != null && (b.dim() != 1 || b.size(0) != cOut)) {
            throw new IllegalArgumentException(ctx + ": bias must be (" + cOut + ",)");
        }
        int oh = (h - 1) * s[0] - 2 * p[0] + d[0] * (kh - 1) + op[0] + 1;
        int ow = (wd - 1) * s[1] - 2 * p[1] + d[1] * (kw - 1) + op[1] + 1;
        if (oh < 1 || ow < 1) throw new IllegalArgumentException(ctx + ": output size (" + oh + ", " + ow + ") is too small");
        int ciG = cIn / groups, k = coG * kh * kw, l = h * wd;
        // per group g: cols[b, g] (K, L) = w[g]^T (K, C_in/G) @ x[b, g] (C_in/G, L)
        Tensor wt = w.reshape(groups, ciG, k).mT();                                        // (G, K, C_in/G)
        Tensor xs = x.reshape(n, groups, ciG, l);
        Tensor cols = wt.unsqueeze(0).expand(n, groups, k, ciG).reshape(n * groups, k, ciG)
                .bmm(xs.reshape(n * groups, ciG, l)).reshape(n, groups * k, l);
        Tensor y = Convolution.fold(cols, new int[] {oh, ow}, new int[] {kh, kw}, d, p, s);
        if (b != null) y = y.add(b.view(1, cOut, 1, 1));
        return unbatched ? y.squeeze(0) : y;
    }

    static int[] pair(String ctx, String what, int[] v) {
        if (v == null || v.length < 1 || v.length > 2) {
            throw new IllegalArgumentException(ctx + ": " + what + " must have 1 or 2 entries, got "
                    + (v == null ? "null" : java.util.Arrays.toString(v)));
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
    }
}
