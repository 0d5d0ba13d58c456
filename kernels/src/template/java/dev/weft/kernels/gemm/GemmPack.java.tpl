//@twins ${P}gemmPack F32 F64
package dev.weft.kernels.gemm;

import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import static dev.weft.kernels.gemm.${P}gemmMicro.L;
import static dev.weft.kernels.gemm.${P}gemmMicro.NR;
import static dev.weft.kernels.gemm.${P}gemmMicro.S;

/**
 * ${D} packing for the blocked GEMM: a block of op(B) into NR-column panels (k-major; columns past the
 * edge packed as zeros, so edge tiles run the same kernel), and a block of a transposed A into plain
 * rows. Both transposes are read in place; no whole operand is ever transposed. Transposed reads go
 * through {@link #transpose}: T x T blocks transposed in registers, the ragged edges element by element.
 */
final class ${P}gemmPack {
    private ${P}gemmPack() {}

    /** The species of the in-register transpose: 256-bit vectors, so T x T elements a block with T = 256 / element bits. */
    static final VectorSpecies<${T}> TS = ${T}Vector.SPECIES_256;
    static final int T = TS.length();
    /** Machines whose vectors are narrower than 256 bits (where TS would be emulated) copy element by element. */
    static final boolean VECTOR_TRANSPOSE = S.vectorBitSize() >= 256;

    // Butterfly stage b (b = T/2, ..., 1) swaps the off-diagonal b x b sub-blocks of rows r and r+b:
    // new r = blend(r, (r+b) moved up by b lanes, HI_b); new r+b = blend(r moved down by b lanes, r+b, HI_b).
    private static final VectorMask<${T}> HI4 = high(4), HI2 = high(2), HI1 = high(1);
    private static final VectorShuffle<${T}> UP4 = shift(-4), UP2 = shift(-2), UP1 = shift(-1);
    private static final VectorShuffle<${T}> DN4 = shift(4), DN2 = shift(2), DN1 = shift(1);

    /** Lanes l with (l & b) != 0. */
    private static VectorMask<${T}> high(int b) {
        boolean[] bits = new boolean[T];
        for (int l = 0; l < T; l++) bits[l] = (l & b) != 0;
        return VectorMask.fromArray(TS, bits, 0);
    }

    /** Lane l takes lane (l + d) mod T. */
    private static VectorShuffle<${T}> shift(int d) {
        return VectorShuffle.fromOp(TS, l -> (l + d) & (T - 1));
    }

    /**
     * dst[d + c*ds + r] = src[s + r*ss + c] for r in [0, rows), c in [0, cols): the transpose of a rows x cols
     * block (row stride ss) into a cols x rows block (row stride ds). Modifies dst only.
     */
    static void transpose(${t}[] src, int s, int ss, int rows, int cols, ${t}[] dst, int d, int ds) {
        int r = 0;
        if (VECTOR_TRANSPOSE) {
            for (; r + T <= rows; r += T) {
                int c = 0;
                for (; c + T <= cols; c += T) {
                    if (T == 8) block8(src, s + r * ss + c, ss, dst, d + c * ds + r, ds);
                    else block4(src, s + r * ss + c, ss, dst, d + c * ds + r, ds);
                }
                transposeScalar(src, s + r * ss + c, ss, T, cols - c, dst, d + c * ds + r, ds);
            }
        }
        transposeScalar(src, s + r * ss, ss, rows - r, cols, dst, d + r, ds);
    }

    /** The element-by-element reference of {@link #transpose}, and its edge path. Modifies dst only. */
    static void transposeScalar(${t}[] src, int s, int ss, int rows, int cols, ${t}[] dst, int d, int ds) {
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) dst[d + c * ds + r] = src[s + r * ss + c];
        }
    }

    /** One 8 x 8 block: stage 4 here, stages 2 and 1 in {@link #finish4} on each half. */
    private static void block8(${t}[] src, int s, int ss, ${t}[] dst, int d, int ds) {
        ${T}Vector r0 = ${T}Vector.fromArray(TS, src, s), r1 = ${T}Vector.fromArray(TS, src, s + ss);
        ${T}Vector r2 = ${T}Vector.fromArray(TS, src, s + 2 * ss), r3 = ${T}Vector.fromArray(TS, src, s + 3 * ss);
        ${T}Vector r4 = ${T}Vector.fromArray(TS, src, s + 4 * ss), r5 = ${T}Vector.fromArray(TS, src, s + 5 * ss);
        ${T}Vector r6 = ${T}Vector.fromArray(TS, src, s + 6 * ss), r7 = ${T}Vector.fromArray(TS, src, s + 7 * ss);
        finish4(r0.blend(r4.rearrange(UP4), HI4), r1.blend(r5.rearrange(UP4), HI4),
                r2.blend(r6.rearrange(UP4), HI4), r3.blend(r7.rearrange(UP4), HI4), dst, d, ds);
        finish4(r0.rearrange(DN4).blend(r4, HI4), r1.rearrange(DN4).blend(r5, HI4),
                r2.rearrange(DN4).blend(r6, HI4), r3.rearrange(DN4).blend(r7, HI4), dst, d + 4 * ds, ds);
    }

    /** One 4 x 4 block (wider elements: T == 4). */
    private static void block4(${t}[] src, int s, int ss, ${t}[] dst, int d, int ds) {
        finish4(${T}Vector.fromArray(TS, src, s), ${T}Vector.fromArray(TS, src, s + ss),
                ${T}Vector.fromArray(TS, src, s + 2 * ss), ${T}Vector.fromArray(TS, src, s + 3 * ss), dst, d, ds);
    }

    /** Stages 2 and 1 on four rows, then stores them at dst[d], dst[d + ds], ... */
    private static void finish4(${T}Vector r0, ${T}Vector r1, ${T}Vector r2, ${T}Vector r3, ${t}[] dst, int d, int ds) {
        ${T}Vector t0 = r0.blend(r2.rearrange(UP2), HI2), t2 = r0.rearrange(DN2).blend(r2, HI2);
        ${T}Vector t1 = r1.blend(r3.rearrange(UP2), HI2), t3 = r1.rearrange(DN2).blend(r3, HI2);
        t0.blend(t1.rearrange(UP1), HI1).intoArray(dst, d);
        t0.rearrange(DN1).blend(t1, HI1).intoArray(dst, d + ds);
        t2.blend(t3.rearrange(UP1), HI1).intoArray(dst, d + 2 * ds);
        t2.rearrange(DN1).blend(t3, HI1).intoArray(dst, d + 3 * ds);
    }

    /**
     * Copies op(A)[i0 .. i0+mc, p0 .. p0+kc) of a transposed A (stored k x m, row stride lda) into dst
     * as mc rows of kc (row stride kc), the layout the micro-kernel reads. A not transposed needs no
     * copy: the micro-kernel reads its rows in place.
     */
    static void packTransA(${t}[] a, int aOff, int lda, int i0, int mc, int p0, int kc, ${t}[] dst) {
        transpose(a, aOff + p0 * lda + i0, lda, kc, mc, dst, 0, kc);
    }

    /**
     * Packs op(B)[p0 .. p0+kc, j0 .. j0+nc) into dst[dOff .. dOff + ceil(nc/NR)*NR*kc): panel s
     * holds columns j0 + s*NR .. +NR, laid out k-major (dst[dOff + s*NR*kc + p*NR + jj]).
     */
    static void packB(boolean transB, ${t}[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, ${t}[] dst, int dOff) {
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
    private static void panelCopy(${t}[] b, int src, int ldb, int kc, ${t}[] dst, int d) {
        for (int p = 0; p < kc; p++, src += ldb, d += NR) {
            ${T}Vector.fromArray(S, b, src).intoArray(dst, d);
            ${T}Vector.fromArray(S, b, src + L).intoArray(dst, d + L);
        }
    }

    /** The last, narrower panel of a B stored (k x n): cols values per k, then zeros. */
    private static void panelCopyEdge(${t}[] b, int src, int ldb, int kc, int cols, ${t}[] dst, int d) {
        for (int p = 0; p < kc; p++, src += ldb, d += NR) {
            for (int jj = 0; jj < NR; jj++) dst[d + jj] = jj < cols ? b[src + jj] : 0;
        }
    }

    /** B stored (n x k): column jj of the panel is a contiguous source row; zeros past cols. */
    private static void panelTrans(${t}[] b, int src, int ldb, int kc, int cols, ${t}[] dst, int d) {
        transpose(b, src, ldb, cols, kc, dst, d, NR);
        if (cols < NR) {
            for (int p = 0; p < kc; p++) java.util.Arrays.fill(dst, d + p * NR + cols, d + (p + 1) * NR, 0);
        }
    }
}
