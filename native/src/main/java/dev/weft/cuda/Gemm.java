package dev.weft.cuda;

import dev.weft.cuda.ffm.Cublas;

/**
 * C = alpha A B + beta C for row-major strided matrices, batched by a stride per operand (0 reuses one):
 * through cuBLAS when it is installed and the layouts are ones it takes (one unit stride per operand, a
 * row-major C), else through gemm.cu's tiled kernel, which takes any strides. cuBLAS is column-major, so
 * the row-major C (M, N) = A B is computed as the column-major C^T (N, M) = B^T A^T.
 */
final class Gemm {
    private Gemm() {}

    /** A row-major operand: device address of element (0, 0, 0) and strides (batch, row, column) in elements. */
    record Operand(long ptr, int batchStride, int rowStride, int colStride) {}

    static void run(CudaContext ctx, boolean dbl, int batch, int m, int n, int k, double alpha, Operand a, Operand b, double beta,
                    Operand c) {
        if (batch == 0 || m == 0 || n == 0) return;
        Long h = ctx.cublas();
        if (h != null && cublas(ctx, h, dbl, batch, m, n, k, alpha, a, b, beta, c)) return;
        int gx = Math.ceilDiv(n, 16), gy = Math.ceilDiv(m, 16);
        for (int b0 = 0; b0 < batch; b0 += 65535) {
            int nb = Math.min(65535, batch - b0);
            int esize = dbl ? 8 : 4;
            long ap = a.ptr + (long) b0 * a.batchStride * esize, bp = b.ptr + (long) b0 * b.batchStride * esize;
            long cp = c.ptr + (long) b0 * c.batchStride * esize;
            ctx.launch(dbl ? "gemm_f64" : "gemm_f32", gx, gy, nb, 16, 16, 1, args -> {
                args.i32(m).i32(n).i32(k);
                if (dbl) args.f64(alpha); else args.f32((float) alpha);
                args.ptr(ap).i32(a.batchStride).i32(a.rowStride).i32(a.colStride);
                args.ptr(bp).i32(b.batchStride).i32(b.rowStride).i32(b.colStride);
                if (dbl) args.f64(beta); else args.f32((float) beta);
                args.ptr(cp).i32(c.batchStride).i32(c.rowStride).i32(c.colStride);
            });
        }
    }

    /** The column-major (op, ld) of a row-major (rows, cols) operand read as its transpose, or null. */
    static int[] blasLayout(int rows, int cols, int rowStride, int colStride) {
        if ((colStride == 1 || cols == 1) && rowStride >= Math.max(1, cols)) return new int[] {Cublas.OP_N, Math.max(1, rowStride)};
        if ((rowStride == 1 || rows == 1) && colStride >= Math.max(1, rows)) return new int[] {Cublas.OP_T, Math.max(1, colStride)};
        return null;
    }

    private static boolean cublas(CudaContext ctx, long h, boolean dbl, int batch, int m, int n, int k, double alpha, Operand a,
                                  Operand b, double beta, Operand c) {
        if (k == 0) return false;
        int[] lb = blasLayout(k, n, b.rowStride, b.colStride), la = blasLayout(m, k, a.rowStride, a.colStride);
        if (la == null || lb == null || !(c.colStride == 1 || n == 1) || c.rowStride < Math.max(1, n)) return false;
        Cublas blas = Cublas.get();
        ctx.makeCurrent();
        if (batch == 1) {
            blas.gemm(dbl, h, lb[0], la[0], n, m, k, alpha, b.ptr, lb[1], a.ptr, la[1], beta, c.ptr, Math.max(1, c.rowStride));
        } else {
            blas.gemmStridedBatched(dbl, h, lb[0], la[0], n, m, k, alpha, b.ptr, lb[1], b.batchStride, a.ptr, la[1], a.batchStride,
                    beta, c.ptr, Math.max(1, c.rowStride), c.batchStride, batch);
        }
        return true;
    }
}
