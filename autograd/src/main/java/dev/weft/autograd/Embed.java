package dev.weft.autograd;

import dev.weft.tensor.Tensor;

/**
 * The adjoint of reading positions: out[.., positions[j], ..] += g[.., j, ..] into zeros (positions may
 * repeat). The backward of slice, select and as_strided, as one index_add (itself differentiable).
 */
final class Embed {
    private Embed() {}

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
