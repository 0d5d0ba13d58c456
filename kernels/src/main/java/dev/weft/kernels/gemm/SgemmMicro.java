package dev.weft.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F32 register-blocked micro-kernel: an MR x NR tile of op(A) @ op(B) (MR = 6 rows, NR = 2 vectors)
 * with 12 vector accumulators in locals, so C2 keeps them in registers. Each C element is one fma chain
 * in k order. The kernels leave the tile in acc (row-major MR x NR); the store methods then write
 * c = alpha*acc (overwrite) or c = fma(alpha, acc, bt*c) (update), full tiles with vectors and edge tiles
 * element by element with the same formulas, so the bits never depend on where a tile falls.
 *
 * <p>Every vector method here is branch-free apart from its loop: a path first taken late (an edge tile,
 * a first k slice) runs its own method instead of deoptimizing a hot one. NOTE: one kernel loop only;
 * a second copy reading k-major A panels got one accumulator spilled by C2 (4x slower).
 */
final class SgemmMicro {
    private SgemmMicro() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6;
    static final int NR = 2 * L;

    /**
     * acc = A_rows @ B_panel: A element (i, p) is a[ao + min(i, mValid-1)*lda + p] (A read in place, or a
     * packed copy of a transposed A; rows past mValid repeat the last valid one and are dropped later),
     * B element (p, j) is bp[bo + p*NR + j].
     */
    static void rows(int kc, float[] a, int ao, int lda, int mValid, float[] bp, int bo, float[] acc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        int last = mValid - 1;
        int r0 = ao, r1 = ao + Math.min(1, last) * lda, r2 = ao + Math.min(2, last) * lda;
        int r3 = ao + Math.min(3, last) * lda, r4 = ao + Math.min(4, last) * lda, r5 = ao + Math.min(5, last) * lda;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector av = FloatVector.broadcast(S, a[r0 + p]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[r1 + p]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[r2 + p]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[r3 + p]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, a[r4 + p]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, a[r5 + p]);
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
    static void overwrite(float[] acc, float[] c, int co, int ldc, float alpha) {
        FloatVector al = FloatVector.broadcast(S, alpha);
        for (int i = 0; i < MR; i++) {
            int row = co + i * ldc;
            FloatVector.fromArray(S, acc, i * NR).mul(al).intoArray(c, row);
            FloatVector.fromArray(S, acc, i * NR + L).mul(al).intoArray(c, row + L);
        }
    }

    /** Full tile: C[co + i*ldc + j] = fma(alpha, acc[i][j], bt * C[co + i*ldc + j]). */
    static void update(float[] acc, float[] c, int co, int ldc, float alpha, float bt) {
        FloatVector al = FloatVector.broadcast(S, alpha), bv = FloatVector.broadcast(S, bt);
        for (int i = 0; i < MR; i++) {
            int row = co + i * ldc;
            FloatVector.fromArray(S, acc, i * NR).fma(al, FloatVector.fromArray(S, c, row).mul(bv)).intoArray(c, row);
            FloatVector.fromArray(S, acc, i * NR + L).fma(al, FloatVector.fromArray(S, c, row + L).mul(bv)).intoArray(c, row + L);
        }
    }

    /** Edge tile (mValid x nValid of it): the formulas of {@link #overwrite} / {@link #update}, one element at a time. */
    static void edge(float[] acc, float[] c, int co, int ldc, int mValid, int nValid, float alpha, float bt, boolean overwrite) {
        for (int i = 0; i < mValid; i++) {
            int row = co + i * ldc;
            for (int j = 0; j < nValid; j++) {
                float v = acc[i * NR + j];
                c[row + j] = overwrite ? alpha * v : Math.fma(alpha, v, bt * c[row + j]);
            }
        }
    }
}
