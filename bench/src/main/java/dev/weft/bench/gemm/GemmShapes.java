package dev.weft.bench.gemm;

import java.util.ArrayList;
import java.util.List;

/**
 * The products the gemm suite times: square n x n x n, and the MLP training shapes (batch 128 through
 * 784 -> 256 -> 128 -> 10: each layer's forward x W^T and its backward dX = dY W, dW = dY^T X).
 * bench/peers/gemm.py times the same list; keep the two in step.
 */
record GemmShapes(String caseName, int m, int n, int k, boolean transA, boolean transB) {

    static final int MLP_BATCH = 128;
    static final int[][] MLP_LAYERS = {{784, 256}, {256, 128}, {128, 10}};

    static GemmShapes square(int size) {
        return new GemmShapes("square", size, size, size, false, false);
    }

    /** For each layer (in -> out), batch B: fwd (B,in)@(out,in)^T, dX (B,out)@(out,in), dW (B,out)^T@(B,in). */
    static List<GemmShapes> mlp() {
        List<GemmShapes> out = new ArrayList<>();
        int b = MLP_BATCH;
        for (int[] l : MLP_LAYERS) {
            int in = l[0], o = l[1];
            String tag = in + "x" + o;
            out.add(new GemmShapes("mlp_fwd_" + tag, b, o, in, false, true));
            out.add(new GemmShapes("mlp_dx_" + tag, b, in, o, false, false));
            out.add(new GemmShapes("mlp_dw_" + tag, o, in, b, true, false));
        }
        return out;
    }

    double flops() {
        return 2.0 * m * n * k;
    }
}
