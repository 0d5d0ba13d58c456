package dev.weft.nn.functional;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/** Table lookup: rows of W picked by integer indices; the padding row passes no gradient back. */
final class Embeddings {
    private Embeddings() {}

    // idx: (*) integer, w: (N, E) -> (*, E); per-sample: idx (B, *), w (B, N, E) -> (B, *, E) from table w[i]
    static Tensor embedding(Tensor idx, Tensor w, Integer paddingIdx) {
        if (idx.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("embedding: indices " + Shape.format(idx.shape()) + " must be integer, got " + idx.dtype());
        }
        if (w.dim() != 2 && w.dim() != 3) {
            throw new IllegalArgumentException("embedding: weight " + Shape.format(w.shape()) + " must be (N, E) or per-sample (B, N, E)");
        }
        boolean perSample = w.dim() == 3;
        int n = w.size(-2), e = w.size(-1);
        Tensor flat = idx.reshape(idx.numel());
        if (flat.numel() > 0) {
            long lo = (long) flat.min().item(), hi = (long) flat.max().item();
            if (lo < 0 || hi >= n) {
                throw new IndexOutOfBoundsException("embedding: indices " + Shape.format(idx.shape()) + " hold " + (lo < 0 ? lo : hi)
                        + ", outside [0, " + n + ") rows of weight " + Shape.format(w.shape()));
            }
        }
        Tensor rows = perSample ? w.reshape(w.size(0) * n, e).indexSelect(0, PerSample.embeddingRows(idx, w))
                : w.indexSelect(0, flat);                                                    // (M, E)
        if (paddingIdx != null) {
            int p = paddingIdx < 0 ? paddingIdx + n : paddingIdx;
            // NOTE: same values, but rows looked up at the padding index carry no gradient to w
            Tensor isPad = flat.eq((long) p).to(w.dtype()).unsqueeze(1);
            rows = rows.mul(isPad.neg().add(1.0)).add(rows.detach().mul(isPad));
        }
        int[] out = new int[idx.dim() + 1];
        System.arraycopy(idx.shape(), 0, out, 0, idx.dim());
        out[idx.dim()] = e;
        return rows.reshape(out);
    }
}
