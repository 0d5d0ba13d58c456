package dev.weft.tensor.cpu;


import dev.weft.kernels.Parallel;
import dev.weft.kernels.linalg.Linalg;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.LinalgOp;

/**
 * CPU execution of {@link LinalgOp}: one kernel call per matrix of the batch, batches split over the
 * shared pool. Everything is computed in F64 (F32 operands are widened once and results rounded once,
 * exactly what the kernels' float overloads do), so there is one code path. A numerical failure in any
 * matrix is reported for the lowest failing batch index, whatever the thread count.
 */
final class CpuLinalg {
    private CpuLinalg() {}

    /** The work of one batch entry. */
    @FunctionalInterface
    private interface Entry {
        void run(int b);
    }

    static void run(LinalgOp op, Strided[] in, Strided[] out) {
        int[] s = in[0].shape();
        int r = s.length, rows = s[r - 2], cols = s[r - 1];
        int batch = Contig.prod(s, 0, r - 2);
        if (batch == 0) return;
        Contig ac = Contig.of(in[0], DType.F64);
        double[] a = (double[]) ac.array();
        int ao = ac.offset(), as = rows * cols;
        double[][] y = new double[out.length][];
        for (int i = 0; i < out.length; i++) y[i] = target(out[i]);
        int cost = (int) Math.min(1 << 20, (long) Math.max(rows, cols) * rows * cols + 1);
        switch (op) {
            case LinalgOp.Cholesky c -> each(op, in, batch, cost, b -> Linalg.cholesky(a, ao + b * as, rows, c.upper(), y[0], b * as));
            case LinalgOp.Inv i -> each(op, in, batch, cost, b -> Linalg.inverse(a, ao + b * as, rows, y[0], b * as));
            case LinalgOp.Det d -> each(op, in, batch, cost, b -> y[0][b] = Linalg.det(a, ao + b * as, rows));
            case LinalgOp.Slogdet d -> each(op, in, batch, cost, b -> {
                double[] sl = new double[2];
                Linalg.slogdet(a, ao + b * as, rows, sl);
                y[0][b] = sl[0];
                y[1][b] = sl[1];
            });
            case LinalgOp.Qr q -> {
                int k = Math.min(rows, cols);
                each(op, in, batch, cost, b -> Linalg.qr(a, ao + b * as, rows, cols, y[0], b * rows * k, y[1], b * k * cols));
            }
            case LinalgOp.Solve v -> {
                // in[0] = A (n, n), in[1] = B (n, k)
                Contig bc = Contig.of(in[1], DType.F64);
                int k = in[1].size(-1), bs = rows * k, bo = bc.offset();
                double[] bm = (double[]) bc.array();
                each(op, in, batch, cost, b -> Linalg.solve(a, ao + b * as, rows, bm, bo + b * bs, k, y[0], b * bs));
            }
            case LinalgOp.Lstsq l -> {
                // in[0] = A (m, n), in[1] = B (m, k) -> X (n, k)
                Contig bc = Contig.of(in[1], DType.F64);
                int k = in[1].size(-1), bo = bc.offset();
                double[] bm = (double[]) bc.array();
                each(op, in, batch, cost, b -> Linalg.lstsq(a, ao + b * as, rows, cols, bm, bo + b * rows * k, k, y[0], b * cols * k));
            }
            case LinalgOp.CholeskySolve c -> {
                // in[0] = B (n, k), in[1] = L (n, n); B is copied into the output and solved in place
                Contig lc = Contig.of(in[1], DType.F64);
                int n = in[1].size(-1), ls = n * n, k = cols, bs = n * k, lo = lc.offset();
                double[] lm = (double[]) lc.array();
                copyInto(a, ao, y[0], batch * bs);
                each(op, in, batch, (int) Math.min(1 << 20, (long) n * n * k + 1),
                        b -> Linalg.choleskySolve(lm, lo + b * ls, n, c.upper(), y[0], b * bs, k));
            }
            case LinalgOp.SolveTriangular t -> {
                // in[0] = A (n, n), in[1] = B (n, k) when left, (k, n) when right; solved in place in the output
                Strided bt = in[1];
                int n = rows, bs = bt.size(-2) * bt.size(-1), nrhs = t.left() ? bt.size(-1) : bt.size(-2);
                Contig bc = Contig.of(bt, DType.F64);
                copyInto((double[]) bc.array(), bc.offset(), y[0], batch * bs);
                each(op, in, batch, cost, b -> Linalg.triangularSolve(a, ao + b * as, n, t.upper(), t.left(), t.unitriangular(),
                        y[0], b * bs, nrhs));
            }
        }
        for (int i = 0; i < out.length; i++) store(y[i], out[i]);
    }

    /** Runs body for every batch entry on the pool; rethrows the failure of the lowest failing entry. */
    private static void each(LinalgOp op, Strided[] in, int batch, int cost, Entry body) {
        ArithmeticException[] failed = new ArithmeticException[batch];
        Parallel.forRows(batch, cost, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                try {
                    body.run(b);
                } catch (ArithmeticException e) {
                    failed[b] = e; // reported below, for the lowest b, on the caller's thread
                }
            }
        });
        for (int b = 0; b < batch; b++) {
            if (failed[b] != null) {
                StringBuilder sb = new StringBuilder(op.name()).append(": ");
                String[] names = in.length == 1 ? new String[] {"A"} : op instanceof LinalgOp.CholeskySolve
                        ? new String[] {"B", "L"} : new String[] {"A", "B"};
                for (int i = 0; i < in.length; i++) sb.append(i == 0 ? "" : ", ").append(names[i]).append(' ').append(Shape.format(in[i].shape()));
                sb.append(": matrix ").append(b).append(" of the batch: ").append(failed[b].getMessage());
                ArithmeticException e = new ArithmeticException(sb.toString());
                e.initCause(failed[b]);
                throw e;
            }
        }
    }

    /** The F64 array results are written to: the output's own storage when it is F64, else a temporary. */
    private static double[] target(Strided out) {
        return out.dtype() == DType.F64 ? CpuStorage.f64(out) : new double[out.numel()];
    }

    private static void copyInto(double[] src, int off, double[] dst, int n) {
        System.arraycopy(src, off, dst, 0, n);
    }

    /** Rounds a temporary into an F32 output (nothing to do when the output was written directly). */
    private static void store(double[] y, Strided out) {
        Object o = CpuStorage.of(out).array();
        if (o == y) return;
        int[] st = out.stride();
        CpuConvert.copy(y, 0, st, o, 0, st, out.shape());
    }
}
