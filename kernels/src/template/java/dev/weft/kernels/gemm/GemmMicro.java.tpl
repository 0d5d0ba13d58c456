//@twins ${P}gemmMicro F32 F64
package dev.weft.kernels.gemm;

import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ${D} register-blocked micro-kernel: an MR x NR tile of op(A) @ op(B) (MR = 6 rows, NR = 2 vectors)
 * with 12 vector accumulators in locals, so C2 keeps them in registers. Each C element is one fma chain
 * in k order. The kernels leave the tile in acc (row-major MR x NR); the store methods then write
 * c = alpha*acc (overwrite) or c = fma(alpha, acc, bt*c) (update), full tiles with vectors and edge tiles
 * element by element with the same formulas, so the bits never depend on where a tile falls.
 *
 * <p>Every vector method here is branch-free apart from its loop: a path first taken late (an edge tile,
 * a first k slice) runs its own method instead of deoptimizing a hot one. NOTE: one kernel loop only;
 * a second copy reading k-major A panels got one accumulator spilled by C2 (4x slower).
 */
final class ${P}gemmMicro {
    private ${P}gemmMicro() {}

    static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6;
    static final int NR = 2 * L;

    /**
     * acc = A_rows @ B_panel: A element (i, p) is a[ao + min(i, mValid-1)*lda + p] (A read in place, or a
     * packed copy of a transposed A; rows past mValid repeat the last valid one and are dropped later),
     * B element (p, j) is bp[bo + p*NR + j].
     */
    static void rows(int kc, ${t}[] a, int ao, int lda, int mValid, ${t}[] bp, int bo, ${t}[] acc) {
        ${T}Vector c00 = ${T}Vector.zero(S), c01 = ${T}Vector.zero(S);
        ${T}Vector c10 = ${T}Vector.zero(S), c11 = ${T}Vector.zero(S);
        ${T}Vector c20 = ${T}Vector.zero(S), c21 = ${T}Vector.zero(S);
        ${T}Vector c30 = ${T}Vector.zero(S), c31 = ${T}Vector.zero(S);
        ${T}Vector c40 = ${T}Vector.zero(S), c41 = ${T}Vector.zero(S);
        ${T}Vector c50 = ${T}Vector.zero(S), c51 = ${T}Vector.zero(S);
        int last = mValid - 1;
        int r0 = ao, r1 = ao + Math.min(1, last) * lda, r2 = ao + Math.min(2, last) * lda;
        int r3 = ao + Math.min(3, last) * lda, r4 = ao + Math.min(4, last) * lda, r5 = ao + Math.min(5, last) * lda;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            ${T}Vector b0 = ${T}Vector.fromArray(S, bp, bi);
            ${T}Vector b1 = ${T}Vector.fromArray(S, bp, bi + L);
            ${T}Vector av = ${T}Vector.broadcast(S, a[r0 + p]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = ${T}Vector.broadcast(S, a[r1 + p]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = ${T}Vector.broadcast(S, a[r2 + p]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = ${T}Vector.broadcast(S, a[r3 + p]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = ${T}Vector.broadcast(S, a[r4 + p]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = ${T}Vector.broadcast(S, a[r5 + p]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
        }
        c00.intoArray(acc, 0 * L);
        c01.intoArray(acc, 1 * L);
        c10.intoArray(acc, 2 * L);
        c11.intoArray(acc, 3 * L);
        c20.intoArray(acc, 4 * L);
        c21.intoArray(acc, 5 * L);
        c30.intoArray(acc, 6 * L);
        c31.intoArray(acc, 7 * L);
        c40.intoArray(acc, 8 * L);
        c41.intoArray(acc, 9 * L);
        c50.intoArray(acc, 10 * L);
        c51.intoArray(acc, 11 * L);
    }

    /** Full tile: C[co + i*ldc + j] = alpha * acc[i][j]. */
    static void overwrite(${t}[] acc, ${t}[] c, int co, int ldc, ${t} alpha) {
        ${T}Vector al = ${T}Vector.broadcast(S, alpha);
        for (int i = 0; i < MR; i++) {
            int row = co + i * ldc;
            ${T}Vector.fromArray(S, acc, i * NR).mul(al).intoArray(c, row);
            ${T}Vector.fromArray(S, acc, i * NR + L).mul(al).intoArray(c, row + L);
        }
    }

    /** Full tile: C[co + i*ldc + j] = fma(alpha, acc[i][j], bt * C[co + i*ldc + j]). */
    static void update(${t}[] acc, ${t}[] c, int co, int ldc, ${t} alpha, ${t} bt) {
        ${T}Vector al = ${T}Vector.broadcast(S, alpha), bv = ${T}Vector.broadcast(S, bt);
        for (int i = 0; i < MR; i++) {
            int row = co + i * ldc;
            ${T}Vector.fromArray(S, acc, i * NR).fma(al, ${T}Vector.fromArray(S, c, row).mul(bv)).intoArray(c, row);
            ${T}Vector.fromArray(S, acc, i * NR + L).fma(al, ${T}Vector.fromArray(S, c, row + L).mul(bv)).intoArray(c, row + L);
        }
    }

    /** Edge tile (mValid x nValid of it): the formulas of {@link #overwrite} / {@link #update}, one element at a time. */
    static void edge(${t}[] acc, ${t}[] c, int co, int ldc, int mValid, int nValid, ${t} alpha, ${t} bt, boolean overwrite) {
        for (int i = 0; i < mValid; i++) {
            int row = co + i * ldc;
            for (int j = 0; j < nValid; j++) {
                ${t} v = acc[i * NR + j];
                c[row + j] = overwrite ? alpha * v : Math.fma(alpha, v, bt * c[row + j]);
            }
        }
    }
}
