package dev.weft.tensor.cpu;

import dev.weft.kernels.gemm.Gemm;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.MatmulOp;

/**
 * CPU execution of Bmm through the kernels' batched GEMM. Each operand is read in place when its
 * matrices are row-major or transposed with a constant batch stride (0 for an expanded operand): the
 * transpose becomes GEMM's transA/transB. Only other layouts are copied (once, contiguous).
 */
final class CpuMatmul {
    private CpuMatmul() {}

    /** How GEMM reads one operand: array, offset, transposed?, leading dim, batch stride. */
    private record Operand(Object array, int offset, boolean trans, int ld, long batchStride) {}

    static void run(MatmulOp op, Strided[] in, Strided out) {
        switch (op) {
            case MatmulOp.Bmm b -> bmm(in[0], in[1], out);
        }
    }

    // a: (B, M, K), b: (B, K, N) -> out: (B, M, N) contiguous
    private static void bmm(Strided a, Strided b, Strided out) {
        int batch = a.size(0), m = a.size(1), k = a.size(2), n = b.size(2);
        if (batch == 0 || m == 0 || n == 0) return;
        Operand A = operand(a), B = operand(b);
        if (a.dtype() == DType.F32) {
            Gemm.sgemmBatched(A.trans(), B.trans(), m, n, k, 1f, (float[]) A.array(), A.offset(), A.ld(), A.batchStride(),
                    (float[]) B.array(), B.offset(), B.ld(), B.batchStride(), 0f, CpuStorage.f32(out), 0, n, (long) m * n, batch);
        } else {
            Gemm.dgemmBatched(A.trans(), B.trans(), m, n, k, 1.0, (double[]) A.array(), A.offset(), A.ld(), A.batchStride(),
                    (double[]) B.array(), B.offset(), B.ld(), B.batchStride(), 0.0, CpuStorage.f64(out), 0, n, (long) m * n, batch);
        }
    }

    /** A (B, R, C) operand as GEMM reads it; copies only when neither R nor C has a unit stride. */
    private static Operand operand(Strided t) {
        int[] s = t.shape(), st = t.stride();
        int rows = s[1], cols = s[2];
        long bs = s[0] <= 1 ? 0 : st[0];
        boolean rowMajor = (cols <= 1 || st[2] == 1) && (rows <= 1 || st[1] >= Math.max(cols, 1));
        if (rowMajor) {
            int ld = rows <= 1 ? Math.max(cols, 1) : st[1];
            return new Operand(CpuStorage.of(t).array(), t.storageOffset(), false, ld, bs);
        }
        boolean colMajor = (rows <= 1 || st[1] == 1) && (cols <= 1 || st[2] >= Math.max(rows, 1));
        if (colMajor) {
            int ld = cols <= 1 ? Math.max(rows, 1) : st[2];
            return new Operand(CpuStorage.of(t).array(), t.storageOffset(), true, ld, bs);
        }
        Object copy = CpuConvert.contiguous(t, null, t.dtype());
        return new Operand(copy, 0, false, Math.max(cols, 1), (long) rows * cols);
    }
}
