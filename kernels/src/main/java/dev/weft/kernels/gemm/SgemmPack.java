package dev.weft.kernels.gemm;

import jdk.incubator.vector.FloatVector;

import static dev.weft.kernels.gemm.SgemmMicro.L;
import static dev.weft.kernels.gemm.SgemmMicro.NR;
import static dev.weft.kernels.gemm.SgemmMicro.S;

/**
 * F32 packing for the blocked GEMM: a block of op(B) into NR-column panels (k-major; columns past the
 * edge packed as zeros, so edge tiles run the same kernel), and a block of a transposed A into plain
 * rows. Both transposes are read in place; no whole operand is ever transposed.
 */
final class SgemmPack {
    private SgemmPack() {}

    /**
     * Copies op(A)[i0 .. i0+mc, p0 .. p0+kc) of a transposed A (stored k x m, row stride lda) into dst
     * as mc rows of kc (row stride kc), the layout the micro-kernel reads. A not transposed needs no
     * copy: the micro-kernel reads its rows in place.
     */
    static void packTransA(float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] dst) {
        // eight k at a time: each source line feeds 16 rows, each row gets 8 adjacent stores
        int p = 0;
        for (; p + 8 <= kc; p += 8) {
            int src = aOff + (p0 + p) * lda + i0;
            for (int i = 0; i < mc; i++) {
                int s = src + i, d = i * kc + p;
                dst[d] = a[s];
                dst[d + 1] = a[s + lda];
                dst[d + 2] = a[s + 2 * lda];
                dst[d + 3] = a[s + 3 * lda];
                dst[d + 4] = a[s + 4 * lda];
                dst[d + 5] = a[s + 5 * lda];
                dst[d + 6] = a[s + 6 * lda];
                dst[d + 7] = a[s + 7 * lda];
            }
        }
        for (; p < kc; p++) {
            int src = aOff + (p0 + p) * lda + i0;
            for (int i = 0; i < mc; i++) dst[i * kc + p] = a[src + i];
        }
    }

    /**
     * Packs op(B)[p0 .. p0+kc, j0 .. j0+nc) into dst[dOff .. dOff + ceil(nc/NR)*NR*kc): panel s
     * holds columns j0 + s*NR .. +NR, laid out k-major (dst[dOff + s*NR*kc + p*NR + jj]).
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, float[] dst, int dOff) {
        for (int j = 0; j < nc; j += NR) {
            int base = dOff + j * kc;
            int cols = Math.min(NR, nc - j);
            if (transB) {
                panelTrans(b, bOff + (j0 + j) * ldb + p0, ldb, kc, cols, dst, base);
            } else if (cols == NR) {
                panelCopy(b, bOff + p0 * ldb + j0 + j, ldb, kc, dst, base);
            } else {
                panelCopyEdge(b, bOff + p0 * ldb + j0 + j, ldb, kc, cols, dst, base);
            }
        }
    }

    /** B stored (k x n): the NR values of one k are contiguous, two vector copies per k. */
    private static void panelCopy(float[] b, int src, int ldb, int kc, float[] dst, int d) {
        for (int p = 0; p < kc; p++, src += ldb, d += NR) {
            FloatVector.fromArray(S, b, src).intoArray(dst, d);
            FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
        }
    }

    /** The last, narrower panel of a B stored (k x n): cols values per k, then zeros. */
    private static void panelCopyEdge(float[] b, int src, int ldb, int kc, int cols, float[] dst, int d) {
        for (int p = 0; p < kc; p++, src += ldb, d += NR) {
            for (int jj = 0; jj < NR; jj++) dst[d + jj] = jj < cols ? b[src + jj] : 0;
        }
    }

    /** B stored (n x k): column jj of the panel is a contiguous source row; zeros past cols. */
    private static void panelTrans(float[] b, int src, int ldb, int kc, int cols, float[] dst, int d) {
        // eight k at a time per column: eight adjacent loads, eight stores one panel row apart
        int p = 0;
        for (; p + 8 <= kc; p += 8) {
            int o = d + p * NR;
            for (int jj = 0; jj < cols; jj++) {
                int s = src + jj * ldb + p, q = o + jj;
                dst[q] = b[s];
                dst[q + NR] = b[s + 1];
                dst[q + 2 * NR] = b[s + 2];
                dst[q + 3 * NR] = b[s + 3];
                dst[q + 4 * NR] = b[s + 4];
                dst[q + 5 * NR] = b[s + 5];
                dst[q + 6 * NR] = b[s + 6];
                dst[q + 7 * NR] = b[s + 7];
            }
        }
        for (; p < kc; p++) {
            for (int jj = 0; jj < cols; jj++) dst[d + p * NR + jj] = b[src + jj * ldb + p];
        }
        if (cols < NR) {
            for (p = 0; p < kc; p++) java.util.Arrays.fill(dst, d + p * NR + cols, d + (p + 1) * NR, 0);
        }
    }
}
