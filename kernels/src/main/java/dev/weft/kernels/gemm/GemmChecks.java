package dev.weft.kernels.gemm;

/**
 * Argument validation shared by every GEMM entry point: sizes, offsets, leading dimensions and
 * array extents. Errors name the routine and every size involved; nothing is checked twice.
 */
final class GemmChecks {
    private GemmChecks() {}

    /** Validates one product (or a batch of them) against the three array lengths. */
    static void check(String op, boolean transA, boolean transB, int m, int n, int k,
                      int aLen, int aOff, int lda, long strideA,
                      int bLen, int bOff, int ldb, long strideB,
                      int cLen, int cOff, int ldc, long strideC, int batch, boolean batched) {
        String why = problem(transA, transB, m, n, k, aOff, lda, strideA, bOff, ldb, strideB,
                cOff, ldc, strideC, batch, batched);
        if (why != null) throw new IllegalArgumentException(op + ": " + describe(transA, transB, m, n, k,
                aLen, aOff, lda, strideA, bLen, bOff, ldb, strideB, cLen, cOff, ldc, strideC, batch, batched) + ": " + why);
        why = extent("A", transA ? k : m, transA ? m : k, aLen, aOff, lda, strideA, batch);
        if (why == null) why = extent("B", transB ? n : k, transB ? k : n, bLen, bOff, ldb, strideB, batch);
        if (why == null) why = extent("C", m, n, cLen, cOff, ldc, strideC, batch);
        if (why != null) throw new IllegalArgumentException(op + ": " + describe(transA, transB, m, n, k,
                aLen, aOff, lda, strideA, bLen, bOff, ldb, strideB, cLen, cOff, ldc, strideC, batch, batched) + ": " + why);
    }

    private static String problem(boolean transA, boolean transB, int m, int n, int k,
                                  int aOff, int lda, long strideA, int bOff, int ldb, long strideB,
                                  int cOff, int ldc, long strideC, int batch, boolean batched) {
        if (m < 0 || n < 0 || k < 0) return "sizes must be >= 0";
        if (batch < 0) return "batch " + batch + " must be >= 0";
        if (aOff < 0 || bOff < 0 || cOff < 0) return "offsets must be >= 0";
        int aCols = transA ? m : k, bCols = transB ? k : n;
        if (lda < Math.max(1, aCols)) return "lda " + lda + " < " + Math.max(1, aCols) + " (columns of A as stored)";
        if (ldb < Math.max(1, bCols)) return "ldb " + ldb + " < " + Math.max(1, bCols) + " (columns of B as stored)";
        if (ldc < Math.max(1, n)) return "ldc " + ldc + " < " + Math.max(1, n) + " (columns of C)";
        if (strideA < 0 || strideB < 0 || strideC < 0) return "batch strides must be >= 0";
        if (batched && batch > 1 && strideC == 0 && (long) m * n > 0) return "strideC 0 would make the " + batch + " products write the same C";
        return null;
    }

    /** Checks that the last matrix of the batch, rows x cols with row stride ld, lies inside the array. */
    private static String extent(String name, int rows, int cols, int len, int off, int ld, long stride, int batch) {
        if (rows == 0 || cols == 0 || batch == 0) return off <= len ? null : name + " offset " + off + " > array length " + len;
        long last = off + (long) (batch - 1) * stride + (long) (rows - 1) * ld + cols;
        if (last > len) return name + " needs " + last + " elements (" + rows + " x " + cols + " stored"
                + (batch > 1 ? ", last of " + batch + " in the batch" : "") + ") but its array has " + len;
        return null;
    }

    private static String describe(boolean transA, boolean transB, int m, int n, int k,
                                   int aLen, int aOff, int lda, long strideA,
                                   int bLen, int bOff, int ldb, long strideB,
                                   int cLen, int cOff, int ldc, long strideC, int batch, boolean batched) {
        StringBuilder sb = new StringBuilder();
        sb.append("m=").append(m).append(" n=").append(n).append(" k=").append(k)
          .append(" transA=").append(transA).append(" transB=").append(transB)
          .append(" A[len=").append(aLen).append(" off=").append(aOff).append(" ld=").append(lda);
        if (batched) sb.append(" stride=").append(strideA);
        sb.append("] B[len=").append(bLen).append(" off=").append(bOff).append(" ld=").append(ldb);
        if (batched) sb.append(" stride=").append(strideB);
        sb.append("] C[len=").append(cLen).append(" off=").append(cOff).append(" ld=").append(ldc);
        if (batched) sb.append(" stride=").append(strideC);
        sb.append(']');
        if (batched) sb.append(" batch=").append(batch);
        return sb.toString();
    }
}
