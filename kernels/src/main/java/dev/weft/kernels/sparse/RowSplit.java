package dev.weft.kernels.sparse;

import dev.weft.kernels.Parallel;

/**
 * How the sparse kernels split rows over the shared pool: by nonzeros (rowPtr), not by row count, so a
 * power-law graph's hub row is one chunk's work rather than a straggler's. A row is never split and each
 * chunk's rows run on one task, so the bits never depend on the thread count.
 */
final class RowSplit {
    private RowSplit() {}

    /** Work (multiply-adds) below which one thread does it all. */
    static final long GRAIN = 32 * 1024;

    /** Runs body over rows [0, m): on this thread when the work is small, else over nonzero-balanced chunks. */
    static void run(int m, int[] rowPtr, long work, Parallel.RangeBody body) {
        int threads = Parallel.threads();
        if (threads == 1 || work < GRAIN || m <= 1) {
            body.run(0, m);
            return;
        }
        int[] b = chunks(m, rowPtr, Math.min(m, 4 * threads));
        Parallel.forEach(b.length - 1, c -> body.run(b[c], b[c + 1]));
    }

    /**
     * Row boundaries of up to {@code chunks} consecutive row ranges holding about equal nonzeros (a row is
     * never split); depends only on rowPtr and chunks.
     */
    static int[] chunks(int m, int[] rowPtr, int chunks) {
        int nnz = rowPtr[m];
        int[] b = new int[chunks + 1];
        b[chunks] = m;
        for (int c = 1; c < chunks; c++) {
            long want = (long) nnz * c / chunks;
            int lo = b[c - 1], hi = m;                             // first row i >= lo with rowPtr[i] >= want
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (rowPtr[mid] < want) lo = mid + 1;
                else hi = mid;
            }
            b[c] = lo;
        }
        return b;
    }
}
