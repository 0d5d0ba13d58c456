package dev.weft.autograd;

import dev.weft.tensor.Tensor;

/**
 * The adjoint of reading positions: out[.., positions[j], ..] += g[.., j, ..] into zeros (positions may
 * repeat). The backward of slice, select and as_strided, as one index_add (itself differentiable). For
 * slice and select, whose positions never repeat, a backward that builds no graph (createGraph false,
 * so grad mode is off) instead copies g into the matching view of fresh zeros: one tensor of the input's
 * shape instead of two (zeros, then index_add's out-of-place result), and no index tensor.
 */
final class Embed {
    private Embed() {}

    /** The backward of slice(dim, start, start + n * step, step) on an input of inShape (g: that slice's shape). */
    static Tensor slice(Tensor g, int[] inShape, int dim, int start, int n, int step) {
        if (GradMode.isEnabled()) {
            int[] pos = new int[n];
            for (int j = 0; j < n; j++) pos[j] = start + j * step;
            return along(g, inShape, dim, pos);
        }
        Tensor z = Structural.zeros(inShape, g);
        if (n > 0) z.slice(dim, start, start + (n - 1) * step + 1, step).copy_(g);
        return z;
    }

    /** The backward of select(dim, index) on an input of inShape (g: the selected shape). */
    static Tensor select(Tensor g, int[] inShape, int dim, int index) {
        if (GradMode.isEnabled()) return along(g.unsqueeze(dim), inShape, dim, new int[] {index});
        Tensor z = Structural.zeros(inShape, g);
        z.select(dim, index).copy_(g);
        return z;
    }

    /** g: inShape with dim of size positions.length -> inShape, g's entries added at positions along dim. */
    static Tensor along(Tensor g, int[] inShape, int dim, int[] positions) {
        return Structural.zeros(inShape, g).indexAdd(dim, index(positions, g), g);
    }

    /** g (numel == positions.length) -> 1-d of size n with g's flat entries added at positions; -1 drops an entry. */
    static Tensor flat(Tensor g, int n, int[] positions) {
        Tensor flat = g.reshape(positions.length);
        int valid = 0;
        for (int p : positions) if (p >= 0) valid++;
        int[] pos = positions;
        if (valid < positions.length) {
            long[] keep = new long[valid];
            pos = new int[valid];
            for (int k = 0, j = 0; k < positions.length; k++) {
                if (positions[k] >= 0) {
                    keep[j] = k;
                    pos[j++] = positions[k];
                }
            }
            flat = flat.indexSelect(0, Structural.longs(keep, g));
        }
        return Structural.zeros(new int[] {n}, g).indexAdd(0, index(pos, g), flat);
    }

    private static Tensor index(int[] positions, Tensor like) {
        long[] v = new long[positions.length];
        for (int i = 0; i < v.length; i++) v[i] = positions[i];
        return Structural.longs(v, like);
    }
}
