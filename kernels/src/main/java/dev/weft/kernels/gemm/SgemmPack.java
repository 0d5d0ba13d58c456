package dev.weft.kernels.gemm;

import jdk.incubator.vector.FloatVector;

import static dev.weft.kernels.gemm.SgemmMicro.L;
import static dev.weft.kernels.gemm.SgemmMicro.MR;
import static dev.weft.kernels.gemm.SgemmMicro.NR;
import static dev.weft.kernels.gemm.SgemmMicro.S;

/**
 * F32 packing for the blocked GEMM: a block of op(A) into MR-row panels (kc x MR each, MR floats per k)
 * and a block of op(B) into NR-column panels (kc x NR each). Both transposes of each operand are read
 * in place; rows/columns past the matrix edge are packed as zeros, so edge tiles run the same kernel.
 */
final class SgemmPack {
    private SgemmPack() {}

    /**
     * Packs op(A)[i0 .. i0+mc, p0 .. p0+kc) into dst[dOff .. dOff + ceil(mc/MR)*MR*kc): panel r holds
     * rows i0 + r*MR .. +MR, laid out k-major (dst[dOff + r*MR*kc + p*MR + ii]).
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] dst, int dOff) {
        for (int r = 0, i = 0; i < mc; r++, i += MR) {
            int base = dOff + r * MR * kc;
            int rows = Math.min(MR, mc - i);
            if (transA) {
                // stored (k x m): the MR values of one k are contiguous
                int src = aOff + p0 * lda + i0 + i;
                if (rows == MR) {
                    for (int p = 0; p < kc; p++, src += lda) {
                        int d = base + p * MR;
                        dst[d] = a[src];
                        dst[d + 1] = a[src + 1];
                        dst[d + 2] = a[src + 2];
                        dst[d + 3] = a[src + 3];
                        dst[d + 4] = a[src + 4];
                        dst[d + 5] = a[src + 5];
                    }
                } else {
                    for (int p = 0; p < kc; p++, src += lda) {
                        int d = base + p * MR;
                        for (int ii = 0; ii < MR; ii++) dst[d + ii] = ii < rows ? a[src + ii] : 0;
                    }
                }
            } else {
                // stored (m x k): each row is contiguous in k
                for (int ii = 0; ii < MR; ii++) {
                    if (ii < rows) {
                        int src = aOff + (i0 + i + ii) * lda + p0;
                        for (int p = 0; p < kc; p++) dst[base + p * MR + ii] = a[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) dst[base + p * MR + ii] = 0;
                    }
                }
            }
        }
    }

    /**
     * Packs op(B)[p0 .. p0+kc, j0 .. j0+nc) into dst[0 .. ceil(nc/NR)*NR*kc): panel s holds columns
     * j0 + s*NR .. +NR, laid out k-major (dst[s*NR*kc + p*NR + jj]).
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, float[] dst, int dOff) {
        for (int s = 0, j = 0; j < nc; s++, j += NR) {
            int base = dOff + s * NR * kc;
            int cols = Math.min(NR, nc - j);
            if (!transB) {
                // stored (k x n): the NR values of one k are contiguous
                int src = bOff + p0 * ldb + j0 + j;
                if (cols == NR) {
                    for (int p = 0; p < kc; p++, src += ldb) {
                        int d = base + p * NR;
                        FloatVector.fromArray(S, b, src).intoArray(dst, d);
                        FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
                    }
                } else {
                    for (int p = 0; p < kc; p++, src += ldb) {
                        int d = base + p * NR;
                        for (int jj = 0; jj < NR; jj++) dst[d + jj] = jj < cols ? b[src + jj] : 0;
                    }
                }
            } else {
                // stored (n x k): each column of op(B) is a contiguous row
                for (int jj = 0; jj < NR; jj++) {
                    if (jj < cols) {
                        int src = bOff + (j0 + j + jj) * ldb + p0;
                        for (int p = 0; p < kc; p++) dst[base + p * NR + jj] = b[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) dst[base + p * NR + jj] = 0;
                    }
                }
            }
        }
    }
}
