package dev.weft.cuda;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.LinalgOp;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Linear algebra on the device (linalg.cu): one thread per matrix of the batch, in F64 as the CPU backend
 * computes it (F32 operands widened once on the device, results rounded once). A numerical failure is read
 * back as a per-matrix status and becomes the CPU's ArithmeticException for the lowest failing matrix.
 */
final class CudaLinalg {
    private CudaLinalg() {}

    static void run(DeviceOps ops, LinalgOp op, Strided[] in, Strided[] out) {
        CudaContext ctx = ops.ctx;
        int[] s = in[0].shape();
        int r = s.length, rows = s[r - 2], cols = s[r - 1];
        int batch = Views.prod(java.util.Arrays.copyOf(s, r - 2));
        if (batch == 0) return;
        long[] a = new long[in.length];
        for (int i = 0; i < in.length; i++) a[i] = DeviceOps.ptr(f64(ops, in[i]));
        Strided[] y = new Strided[out.length];
        for (int i = 0; i < out.length; i++) y[i] = out[i].dtype() == DType.F64 ? out[i] : ops.temp(DType.F64, out[i].shape());
        long[] yp = new long[out.length];
        for (int i = 0; i < out.length; i++) yp[i] = DeviceOps.ptr(y[i]);
        Strided status = ops.temp(DType.I32, new int[] {2 * batch}), sval = ops.temp(DType.F64, new int[] {2 * batch});
        long st = DeviceOps.ptr(status), sv = DeviceOps.ptr(sval);
        switch (op) {
            case LinalgOp.Cholesky c -> {
                long scratch = scratch(ops, batch, (long) rows * rows);
                ctx.launch1d("linalg_cholesky", batch, k -> k.i32(batch).i32(rows).i32(c.upper() ? 1 : 0).ptr(a[0]).ptr(yp[0])
                        .ptr(scratch).ptr(st).ptr(sv));
            }
            case LinalgOp.CholeskySolve c -> {
                int n = in[1].size(-1);
                long scratch = scratch(ops, batch, (long) n * n);
                ctx.launch1d("linalg_cholesky_solve", batch, k -> k.i32(batch).i32(n).i32(cols).i32(c.upper() ? 1 : 0).ptr(a[0])
                        .ptr(a[1]).ptr(yp[0]).ptr(scratch));
            }
            case LinalgOp.Solve v -> {
                int nrhs = in[1].size(-1);
                long scratch = scratch(ops, batch, (long) rows * rows), piv = pivots(ops, batch, rows);
                ctx.launch1d("linalg_solve", batch, k -> k.i32(batch).i32(rows).i32(nrhs).ptr(a[0]).ptr(a[1]).ptr(yp[0])
                        .ptr(scratch).ptr(piv).ptr(st));
            }
            case LinalgOp.SolveTriangular t -> {
                int nrhs = t.left() ? in[1].size(-1) : in[1].size(-2);
                ctx.launch1d("linalg_solve_triangular", batch, k -> k.i32(batch).i32(rows).i32(nrhs).i32(t.upper() ? 1 : 0)
                        .i32(t.left() ? 1 : 0).i32(t.unitriangular() ? 1 : 0).ptr(a[0]).ptr(a[1]).ptr(yp[0]));
            }
            case LinalgOp.Det d -> luFamily(ops, batch, rows, 0, a[0], yp[0], 0L, st);
            case LinalgOp.Slogdet d -> luFamily(ops, batch, rows, 1, a[0], yp[0], yp[1], st);
            case LinalgOp.Inv i -> luFamily(ops, batch, rows, 2, a[0], yp[0], 0L, st);
            case LinalgOp.Qr q -> {
                int kk = Math.min(rows, cols), big = Math.max(rows, cols);
                long scratch = scratch(ops, batch, (long) rows * cols + kk + big);
                ctx.launch1d("linalg_qr", batch, k -> k.i32(batch).i32(rows).i32(cols).ptr(a[0]).ptr(yp[0]).ptr(yp[1]).ptr(scratch));
            }
            case LinalgOp.Lstsq l -> {
                int nrhs = in[1].size(-1), kk = Math.min(rows, cols), big = Math.max(rows, cols);
                long per = (long) rows * cols + kk + (long) big * nrhs + (long) rows * rows + Math.max(big, nrhs);
                long scratch = scratch(ops, batch, per);
                ctx.launch1d("linalg_lstsq", batch, k -> k.i32(batch).i32(rows).i32(cols).i32(nrhs).ptr(a[0]).ptr(a[1]).ptr(yp[0])
                        .ptr(scratch).ptr(st).ptr(sv));
            }
        }
        check(ops, op, in, batch, status, sval, rows, cols);
        for (int i = 0; i < out.length; i++) if (y[i] != out[i]) ops.copy(y[i], out[i]);
    }

    private static void luFamily(DeviceOps ops, int batch, int n, int mode, long a, long out0, long out1, long st) {
        long scratch = scratch(ops, batch, (long) n * n), piv = pivots(ops, batch, n);
        ops.ctx.launch1d("linalg_lu_family", batch, k -> k.i32(batch).i32(n).i32(mode).ptr(a).ptr(out0).ptr(out1).ptr(scratch)
                .ptr(piv).ptr(st));
    }

    /** A contiguous F64 copy of a view (the view itself when it already is one). */
    private static Strided f64(DeviceOps ops, Strided v) {
        if (v.dtype() == DType.F64 && v.isContiguous()) return v;
        Strided t = ops.temp(DType.F64, v.shape());
        ops.copy(v, t);
        return t;
    }

    private static long scratch(DeviceOps ops, int batch, long perMatrix) {
        return DeviceOps.ptr(ops.temp(DType.F64, new int[] {Math.toIntExact(Math.max(1, batch * perMatrix))}));
    }

    private static long pivots(DeviceOps ops, int batch, int n) {
        return DeviceOps.ptr(ops.temp(DType.I32, new int[] {Math.max(1, batch * n)}));
    }

    private static void check(DeviceOps ops, LinalgOp op, Strided[] in, int batch, Strided status, Strided sval, int m, int n) {
        int[] codes;
        double[] vals;
        try (Arena ar = Arena.ofConfined()) {
            MemorySegment c = ar.allocate(8L * batch), v = ar.allocate(16L * batch);
            ops.ctx.makeCurrent();
            ops.ctx.cu.memcpyDtoH(c, DeviceOps.ptr(status), 8L * batch);
            ops.ctx.cu.memcpyDtoH(v, DeviceOps.ptr(sval), 16L * batch);
            codes = c.toArray(ValueLayout.JAVA_INT);
            vals = v.toArray(ValueLayout.JAVA_DOUBLE);
        }
        for (int b = 0; b < batch; b++) {
            int code = codes[2 * b], at = codes[2 * b + 1];
            if (code == 0) continue;
            String why = switch (code) {
                case 1 -> "cholesky: the leading minor of order " + at + " is not positive-definite (pivot " + vals[2 * b] + ")";
                case 2 -> (op instanceof LinalgOp.Solve ? "solve" : "inverse") + ": the matrix is singular (U[k,k] == 0 at k=" + (at - 1) + ")";
                default -> "lstsq: A (" + m + " x " + n + ") is rank-deficient: |R[" + (at - 1) + "," + (at - 1) + "]| = " + vals[2 * b]
                        + " <= " + vals[2 * b + 1] + " (max|R[i,i]| * max(m, n) * 2^-52)";
            };
            String[] names = in.length == 1 ? new String[] {"A"} : op instanceof LinalgOp.CholeskySolve ? new String[] {"B", "L"}
                    : new String[] {"A", "B"};
            StringBuilder sb = new StringBuilder(op.name()).append(": ");
            for (int i = 0; i < in.length; i++) sb.append(i == 0 ? "" : ", ").append(names[i]).append(' ').append(Shape.format(in[i].shape()));
            throw new ArithmeticException(sb.append(": matrix ").append(b).append(" of the batch: ").append(why).toString());
        }
    }
}
