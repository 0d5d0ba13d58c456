package dev.weft.nn.functional;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * Per-sample weights (one weight per batch element, as hypernetworks produce and {@code FunctionalCall}
 * passes in with one leading batch dim): a convolution folds the batch into the channels and runs one
 * grouped convolution (groups * B), the norms broadcast a (B, ...) affine over each sample, embedding
 * offsets each sample's indices into its own table. All are compositions of tensor ops, so autograd works
 * to any order, and each equals running the shared-weight op sample by sample.
 */
final class PerSample {
    private PerSample() {}

    /** The shared-weight convolution to run on the folded problem: (x, w, groups) -> y. */
    @FunctionalInterface
    interface Conv {
        Tensor apply(Tensor x, Tensor w, int groups);
    }

    /**
     * x (B, C_in, *spatial), w (B, C_out, C_in/G, *kernel), b (B, C_out), (C_out) or null: sample i convolved with w[i]
     * = one conv of x as (1, B*C_in, *spatial) with w as (B*C_out, C_in/G, *kernel) in B*G groups.
     */
    static Tensor conv(String op, Tensor x, Tensor w, Tensor b, int groups, Conv conv) {
        int n = w.size(0), cOut = w.size(1), spatial = w.dim() - 3;
        String ctx = op + ": input " + Shape.format(x.shape()) + ", per-sample weight " + Shape.format(w.shape())
                + (b == null ? "" : ", bias " + Shape.format(b.shape()));
        if (x.dim() != spatial + 2 || x.size(0) != n) {
            throw new IllegalArgumentException(ctx + ": input must be batched (B=" + n + ", C_in, " + spatial + " spatial dims)");
        }
        if (groups < 1 || x.size(1) != w.size(2) * groups) {
            throw new IllegalArgumentException(ctx + ": input has " + x.size(1) + " channels, weight expects " + w.size(2) * groups
                    + " (C_in/groups " + w.size(2) + " x groups " + groups + ")");
        }
        boolean sharedBias = b != null && b.dim() == 1 && b.size(0) == cOut;
        if (b != null && !sharedBias && (b.dim() != 2 || b.size(0) != n || b.size(1) != cOut)) {
            throw new IllegalArgumentException(ctx + ": bias must be per-sample (" + n + ", " + cOut + ") or shared (" + cOut + ",)");
        }
        int[] xs = x.shape(), ws = w.shape();
        int[] xf = new int[xs.length], wf = new int[ws.length - 1];
        xf[0] = 1;
        xf[1] = n * xs[1];
        System.arraycopy(xs, 2, xf, 2, spatial);
        wf[0] = n * cOut;
        System.arraycopy(ws, 2, wf, 1, ws.length - 2);
        Tensor y = conv.apply(x.reshape(xf), w.reshape(wf), groups * n);        // (1, B*C_out, *out)
        int[] ys = y.shape(), out = new int[ys.length];
        out[0] = n;
        out[1] = cOut;
        System.arraycopy(ys, 2, out, 2, spatial);
        y = y.reshape(out);
        if (b == null) return y;
        int[] bs = new int[out.length];
        java.util.Arrays.fill(bs, 1);
        bs[0] = sharedBias ? 1 : n;
        bs[1] = cOut;
        return y.add(b.reshape(bs));
    }

    /** True if t is a per-sample version (B, *own) of a parameter of shape own, for input x with batch B. */
    static boolean isPerSample(Tensor t, int[] own, Tensor x) {
        int[] s = t.shape();
        return s.length == own.length + 1 && x.dim() > own.length && s[0] == x.size(0)
                && java.util.Arrays.equals(own, java.util.Arrays.copyOfRange(s, 1, s.length));
    }

    /** A (B, *own) affine shaped to broadcast over x (B, ..., *own): (B, 1, ..., 1, *own). */
    static Tensor trailingAffine(Tensor t, Tensor x) {
        int[] s = t.shape(), v = new int[x.dim()];
        java.util.Arrays.fill(v, 1);
        v[0] = s[0];
        System.arraycopy(s, 1, v, x.dim() - (s.length - 1), s.length - 1);
        return t.reshape(v);
    }

    /** A (B, C) affine shaped to broadcast over x (B, C, *): (B, C, 1, ..., 1). */
    static Tensor channelAffine(Tensor t, Tensor x) {
        int[] v = new int[x.dim()];
        java.util.Arrays.fill(v, 1);
        v[0] = t.size(0);
        v[1] = t.size(1);
        return t.reshape(v);
    }

    /** Flat row indices into w as (B*N, E) for idx (B, *): idx[i] + i * N. */
    static Tensor embeddingRows(Tensor idx, Tensor w) {
        int n = w.size(0), rows = w.size(1);
        if (idx.dim() < 1 || idx.size(0) != n) {
            throw new IllegalArgumentException("embedding: indices " + Shape.format(idx.shape()) + ", per-sample weight "
                    + Shape.format(w.shape()) + ": indices must be (B=" + n + ", *)");
        }
        int m = idx.numel() / Math.max(n, 1);
        Tensor offsets = Tensor.arange(n).mul((long) rows).to(idx.dtype()).reshape(n, 1);
        return idx.reshape(n, m).add(offsets).reshape(idx.numel());
    }
}
