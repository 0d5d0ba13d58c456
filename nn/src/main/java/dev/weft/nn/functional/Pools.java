package dev.weft.nn.functional;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.Create;

/**
 * Adaptive average pooling, composed as two averaging matrices, y = P_H x P_W^T: output cell i
 * averages input rows floor(i H / oh) .. ceil((i + 1) H / oh) - 1, as PyTorch's windows.
 */
final class Pools {
    private Pools() {}

    // x: (B, C, H, W) or (C, H, W) -> (B, C, oh, ow)
    static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) {
        int[] o = Convs.pair("adaptive_avg_pool2d", "output size", outputSize);
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException("adaptive_avg_pool2d: input " + Shape.format(x.shape())
                    + " must be (B, C, H, W) or (C, H, W)");
        }
        if (o[0] < 1 || o[1] < 1) {
            throw new IllegalArgumentException("adaptive_avg_pool2d: output size " + Shape.format(o) + " must be >= 1");
        }
        Tensor ph = averaging(o[0], x.size(-2), x), pw = averaging(o[1], x.size(-1), x);
        return ph.matmul(x).matmul(pw.t());
    }

    // x: (B, C, L) or (C, L) -> (B, C, o)
    static Tensor adaptiveAvgPool1d(Tensor x, int outputSize) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("adaptive_avg_pool1d: input " + Shape.format(x.shape()) + " must be (B, C, L) or (C, L)");
        }
        if (outputSize < 1) throw new IllegalArgumentException("adaptive_avg_pool1d: output size " + outputSize + " must be >= 1");
        return x.matmul(averaging(outputSize, x.size(-1), x).t());
    }

    /** (out, in) matrix whose row i holds 1/len over PyTorch's adaptive window i. */
    private static Tensor averaging(int out, int in, Tensor like) {
        double[] m = new double[out * in];
        for (int i = 0; i < out; i++) {
            int start = (int) Math.floorDiv((long) i * in, out);
            int end = (int) -Math.floorDiv(-(long) (i + 1) * in, out);
            for (int j = start; j < end; j++) m[i * in + j] = 1.0 / (end - start);
        }
        return Create.fromHost(m, new int[] {out, in}, like.device()).to(like.dtype());
    }
}
