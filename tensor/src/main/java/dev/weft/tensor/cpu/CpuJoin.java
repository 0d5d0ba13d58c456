package dev.weft.tensor.cpu;

import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.JoinOp;

/**
 * CPU execution of {@link JoinOp}: both ops are strided copies through the kernels' N-d Copy. Cat
 * copies each input into its slab of the output; Flip reads the input with negated strides from the
 * far end of each flipped dim. Copy splits large runs over the shared pool.
 */
final class CpuJoin {
    private CpuJoin() {}

    static void run(JoinOp op, Strided[] in, Strided out) {
        switch (op) {
            case JoinOp.Cat c -> cat(c.dim(), in, out);
            case JoinOp.Flip f -> flip(f.dims(), in[0], out);
        }
    }

    // x_i: (.., n_i, ..) -> out: (.., sum n_i, ..) contiguous
    private static void cat(int dim, Strided[] in, Strided out) {
        Object y = CpuStorage.of(out).array();
        int[] ys = out.stride();
        int pos = 0;
        for (Strided x : in) {
            CpuConvert.copy(CpuStorage.of(x).array(), x.storageOffset(), x.stride(), y, pos * ys[dim], ys, x.shape());
            pos += x.size(dim);
        }
    }

    private static void flip(int[] dims, Strided x, Strided out) {
        int[] shape = x.shape(), st = x.stride();
        int off = x.storageOffset();
        if (x.numel() == 0) return;
        for (int d : dims) {
            off += (shape[d] - 1) * st[d];
            st[d] = -st[d];
        }
        CpuConvert.copy(CpuStorage.of(x).array(), off, st, CpuStorage.of(out).array(), 0, out.stride(), shape);
    }
}
