package dev.weft.cuda;

import static dev.weft.cuda.kernel.ElementwiseCodes.suffix;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.SparseOp;

/**
 * CSR ops on the device (sparse.cu): SpMM, SDDMM and segment reductions over contiguous operands (strided
 * ones are copied first). A column index out of range, or a row pointer outside [0, nnz], is reported with
 * its position after the kernel, as the CPU backend reports it.
 */
final class CudaSparse {
    private CudaSparse() {}

    static void run(DeviceOps ops, SparseOp op, Strided[] in, Strided[] out) {
        CudaContext ctx = ops.ctx;
        Strided y = out[0];
        switch (op) {
            case SparseOp.Spmm s -> {
                Strided rowPtr = ops.contiguous(in[0]), col = ops.contiguous(in[1]), values = ops.contiguous(in[2]), x = ops.contiguous(in[3]);
                int m = rowPtr.numel() - 1, n = y.size(1), nnz = col.numel();
                long err = ops.errorWord();
                ctx.launch1d("spmm_" + suffix(y.dtype()) + "_" + suffix(rowPtr.dtype()), m * n, a -> a.i32(m).i32(n).i32(s.cols()).i32(nnz)
                        .ptr(DeviceOps.ptr(rowPtr)).ptr(DeviceOps.ptr(col)).ptr(DeviceOps.ptr(values)).ptr(DeviceOps.ptr(x))
                        .ptr(DeviceOps.ptr(y)).ptr(err));
                check(ops, op, err, rowPtr, col, nnz, s.cols());
            }
            case SparseOp.Sddmm s -> {
                Strided rowPtr = ops.contiguous(in[0]), col = ops.contiguous(in[1]), a0 = ops.contiguous(in[2]), b0 = ops.contiguous(in[3]);
                int m = rowPtr.numel() - 1, nnz = col.numel(), n = a0.size(1);
                long err = ops.errorWord();
                ctx.launch1d("sddmm_" + suffix(y.dtype()) + "_" + suffix(rowPtr.dtype()), nnz, a -> a.i32(m).i32(nnz).i32(n).i32(s.cols())
                        .ptr(DeviceOps.ptr(rowPtr)).ptr(DeviceOps.ptr(col)).ptr(DeviceOps.ptr(a0)).ptr(DeviceOps.ptr(b0))
                        .ptr(DeviceOps.ptr(y)).ptr(err));
                check(ops, op, err, rowPtr, col, nnz, s.cols());
            }
            case SparseOp.Segment s -> {
                Strided rowPtr = ops.contiguous(in[0]), x = ops.contiguous(in[1]);
                int m = rowPtr.numel() - 1, total = x.size(0), inner = total == 0 ? Views.prod(java.util.Arrays.copyOfRange(
                        x.shape(), 1, x.dim())) : x.numel() / total;
                int code = switch (s.reduce()) {
                    case SUM -> 0;
                    case MEAN -> 1;
                    case MAX -> 2;
                    case MIN -> 3;
                };
                long last = ops.readIndex(rowPtr, m);
                if (last != total) {
                    throw new IllegalArgumentException(op.name() + ": rowPtr[" + m + "] = " + last + " must equal x.size(0) = " + total);
                }
                Strided arg = s.reduce().hasArg() ? out[1] : ops.temp(DType.I64, new int[] {1});
                ctx.launch1d("segment_" + suffix(y.dtype()) + "_" + suffix(rowPtr.dtype()), m * inner, a -> a.i32(m).i32(inner).i32(total)
                        .ptr(DeviceOps.ptr(rowPtr)).ptr(DeviceOps.ptr(x)).ptr(DeviceOps.ptr(y)).ptr(DeviceOps.ptr(arg)).i32(code));
            }
        }
    }

    private static void check(DeviceOps ops, SparseOp op, long err, Strided rowPtr, Strided col, int nnz, int cols) {
        long pos = ops.readError(err);
        if (pos == -1) return;
        if (pos >= nnz) {
            int r = (int) (pos - nnz);
            throw new IllegalArgumentException(op.name() + ": rowPtr[" + r + "] = " + ops.readIndex(rowPtr, r) + ", rowPtr[" + (r + 1)
                    + "] = " + ops.readIndex(rowPtr, r + 1) + " is not a range within [0, nnz = " + nnz + "]");
        }
        throw new IllegalArgumentException(op.name() + ": col[" + pos + "] = " + ops.readIndex(col, (int) pos) + " is out of range [0, "
                + cols + ")");
    }
}
