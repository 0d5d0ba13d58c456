package dev.weft.kernels.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F32 register-blocked micro-kernel: an MR x NR tile of C (MR = 6 rows, NR = 2 vectors) from a
 * packed A panel (kc x MR, MR floats per k) and a packed B panel (kc x NR, NR floats per k), with 12
 * vector accumulators in locals so C2 keeps them in registers. Every C element is one fma chain in
 * k order, then the epilogue c = fma(alpha, acc, c0) with c0 = beta*c on the first k block (0 if beta
 * is 0) and c0 = c later; full and edge tiles use the same formula, so the bits never depend on tiling.
 */
final class SgemmMicro {
    private SgemmMicro() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6;
    static final int NR = 2 * L;

    /**
     * C[co + i*ldc + j] for i < mValid, j < nValid gets the tile's result; tmp (>= MR*NR floats) holds an
     * edge tile before its valid part is written. first: this is the first k block (beta applies).
     */
    static void tile(int kc, float[] ap, int ao, float[] bp, int bo,
                     float[] c, int co, int ldc, int mValid, int nValid,
                     float alpha, float beta, boolean first, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR, ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        if (mValid == MR && nValid == NR) {
            FloatVector al = FloatVector.broadcast(S, alpha);
            if (first && beta == 0) {
                c00.mul(al).intoArray(c, co);
                c01.mul(al).intoArray(c, co + L);
                c10.mul(al).intoArray(c, co + ldc);
                c11.mul(al).intoArray(c, co + ldc + L);
                c20.mul(al).intoArray(c, co + 2 * ldc);
                c21.mul(al).intoArray(c, co + 2 * ldc + L);
                c30.mul(al).intoArray(c, co + 3 * ldc);
                c31.mul(al).intoArray(c, co + 3 * ldc + L);
                c40.mul(al).intoArray(c, co + 4 * ldc);
                c41.mul(al).intoArray(c, co + 4 * ldc + L);
                c50.mul(al).intoArray(c, co + 5 * ldc);
                c51.mul(al).intoArray(c, co + 5 * ldc + L);
            } else {
                FloatVector bt = FloatVector.broadcast(S, first ? beta : 1);
                c00.fma(al, FloatVector.fromArray(S, c, co).mul(bt)).intoArray(c, co);
                c01.fma(al, FloatVector.fromArray(S, c, co + L).mul(bt)).intoArray(c, co + L);
                c10.fma(al, FloatVector.fromArray(S, c, co + ldc).mul(bt)).intoArray(c, co + ldc);
                c11.fma(al, FloatVector.fromArray(S, c, co + ldc + L).mul(bt)).intoArray(c, co + ldc + L);
                c20.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc).mul(bt)).intoArray(c, co + 2 * ldc);
                c21.fma(al, FloatVector.fromArray(S, c, co + 2 * ldc + L).mul(bt)).intoArray(c, co + 2 * ldc + L);
                c30.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc).mul(bt)).intoArray(c, co + 3 * ldc);
                c31.fma(al, FloatVector.fromArray(S, c, co + 3 * ldc + L).mul(bt)).intoArray(c, co + 3 * ldc + L);
                c40.fma(al, FloatVector.fromArray(S, c, co + 4 * ldc).mul(bt)).intoArray(c, co + 4 * ldc);
                c41.fma(al, FloatVector.fromArray(S, c, co + 4 * ldc + L).mul(bt)).intoArray(c, co + 4 * ldc + L);
                c50.fma(al, FloatVector.fromArray(S, c, co + 5 * ldc).mul(bt)).intoArray(c, co + 5 * ldc);
                c51.fma(al, FloatVector.fromArray(S, c, co + 5 * ldc + L).mul(bt)).intoArray(c, co + 5 * ldc + L);
            }
            return;
        }
        c00.intoArray(tmp, 0);
        c01.intoArray(tmp, L);
        c10.intoArray(tmp, NR);
        c11.intoArray(tmp, NR + L);
        c20.intoArray(tmp, 2 * NR);
        c21.intoArray(tmp, 2 * NR + L);
        c30.intoArray(tmp, 3 * NR);
        c31.intoArray(tmp, 3 * NR + L);
        c40.intoArray(tmp, 4 * NR);
        c41.intoArray(tmp, 4 * NR + L);
        c50.intoArray(tmp, 5 * NR);
        c51.intoArray(tmp, 5 * NR + L);
        float bt = first ? beta : 1;
        for (int i = 0; i < mValid; i++) {
            int row = co + i * ldc;
            for (int j = 0; j < nValid; j++) {
                float acc = tmp[i * NR + j];
                if (first && beta == 0) {
                    c[row + j] = alpha * acc;
                } else {
                    c[row + j] = Math.fma(alpha, acc, bt * c[row + j]);
                }
            }
        }
    }
}
