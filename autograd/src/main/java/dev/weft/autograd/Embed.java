package dev.weft.autograd;

import dev.weft.tensor.Tensor;

/**
 * The adjoint of reading positions along a dim: out[.., positions[j], ..] += g[.., j, ..], zeros
 * elsewhere (positions may repeat; -1 drops that entry). This is the backward of slice, select and
 * as_strided, written in differentiable tensor ops.
 * NOTE: built as g @ S with a one-hot (n_g, n_out) matrix S until the index ops (indexAdd) are in
 * the tensor layer: O(n_g * n_out) work per row, fine for the sizes views are sliced at in tests.
 */
final class Embed {
    private Embed() {}

    /** g: inShape with dim of size positions.length -> inShape, g's entries added at positions along dim. */
    static Tensor along(Tensor g, int[] inShape, int dim, int[] positions) {
        int rank = inShape.length, n = inShape[dim];
        int[] perm = new int[rank];
        int j = 0;
        for (int d = 0; d < rank; d++) if (d != dim) perm[j++] = d;
        perm[rank - 1] = dim;
        Tensor gp = g.permute(perm);
        int[] ps = gp.shape();
        int rows = 1;
        for (int d = 0; d < rank - 1; d++) rows *= ps[d];
        Tensor flat = gp.reshape(rows, positions.length);                     // (R, n_g)
        Tensor moved = flat.matmul(oneHot(positions, n, g));                  // (R, n)
        ps[rank - 1] = n;
        int[] inv = new int[rank];
        for (int i = 0; i < rank; i++) inv[perm[i]] = i;
        return moved.reshape(ps).permute(inv);
    }

    /** g (any shape, numel == positions.length) -> a 1-d tensor of size n with g's flat entries added at positions. */
    static Tensor flat(Tensor g, int n, int[] positions) {
        return g.reshape(1, positions.length).matmul(oneHot(positions, n, g)).reshape(n);
    }

    /** (positions.length, n): row j is one at positions[j] (all zeros for -1), g's dtype and device. */
    private static Tensor oneHot(int[] positions, int n, Tensor like) {
        Tensor pos = Tensor.of(positions).to(dev.weft.tensor.DType.I64).to(like.device()).unsqueeze(1);
        Tensor cols = Tensor.arange(n).to(like.device()).unsqueeze(0);
        return pos.eq(cols).to(like.dtype());
    }
}
