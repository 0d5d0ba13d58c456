package dev.weft.kernels.gemm;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.weft.kernels.TestArrays.uniformF;
import static dev.weft.kernels.TestArrays.uniformD;

/**
 * The packing routines against the layout they promise, element by element: the in-register transpose
 * (T x T blocks) against its scalar twin and the formula, on sizes with ragged edges, unaligned offsets
 * and padded strides; packB (both transposes, edge panels zero-filled) and packTransA, F32 and F64.
 * Destinations start as NaN sentinels, so a missed element or a write outside the block fails.
 */
class GemmPackProperties {



    private static float[] nanF(int len) {
        float[] x = new float[len];
        java.util.Arrays.fill(x, Float.NaN);
        return x;
    }

    private static double[] nanD(int len) {
        double[] x = new double[len];
        java.util.Arrays.fill(x, Double.NaN);
        return x;
    }

    /** dst[d + c*ds + r] == src[s + r*ss + c] inside the block; every other dst element still NaN. */
    private static void checkTransposed(String what, float[] src, int s, int ss, int rows, int cols, float[] dst, int d, int ds) {
        boolean[] inside = new boolean[dst.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                int i = d + c * ds + r;
                inside[i] = true;
                assertEquals(src[s + r * ss + c], dst[i], what + ": element (r=" + r + ", c=" + c + ")");
            }
        }
        for (int i = 0; i < dst.length; i++) {
            if (!inside[i] && !Float.isNaN(dst[i])) throw new AssertionError(what + ": wrote outside the block at " + i);
        }
    }

    @Property(tries = 150, seed = "20261123")
    void f32TransposeMatchesScalarAndFormula(@ForAll @IntRange(min = 1, max = 41) int rows,
                                             @ForAll @IntRange(min = 1, max = 41) int cols,
                                             @ForAll @IntRange(min = 0, max = 9) int s,
                                             @ForAll @IntRange(min = 0, max = 6) int padS,
                                             @ForAll @IntRange(min = 0, max = 9) int d,
                                             @ForAll @IntRange(min = 0, max = 6) int padD) {
        int ss = cols + padS, ds = rows + padD;
        float[] src = uniformF(s + rows * ss, rows * 131L + cols);
        float[] simd = nanF(d + cols * ds + 3), scalar = nanF(d + cols * ds + 3);
        SgemmPack.transpose(src, s, ss, rows, cols, simd, d, ds);
        SgemmPack.transposeScalar(src, s, ss, rows, cols, scalar, d, ds);
        String what = "transpose rows=" + rows + " cols=" + cols + " s=" + s + " ss=" + ss + " d=" + d + " ds=" + ds;
        checkTransposed(what, src, s, ss, rows, cols, simd, d, ds);
        checkTransposed(what + " (scalar)", src, s, ss, rows, cols, scalar, d, ds);
    }

    @Property(tries = 100, seed = "20261124")
    void f64TransposeMatchesScalar(@ForAll @IntRange(min = 1, max = 23) int rows,
                                   @ForAll @IntRange(min = 1, max = 23) int cols,
                                   @ForAll @IntRange(min = 0, max = 5) int s,
                                   @ForAll @IntRange(min = 0, max = 5) int padS,
                                   @ForAll @IntRange(min = 0, max = 5) int d,
                                   @ForAll @IntRange(min = 0, max = 5) int padD) {
        int ss = cols + padS, ds = rows + padD;
        double[] src = uniformD(s + rows * ss, rows * 37L + cols);
        double[] simd = nanD(d + cols * ds + 2), scalar = nanD(d + cols * ds + 2);
        DgemmPack.transpose(src, s, ss, rows, cols, simd, d, ds);
        DgemmPack.transposeScalar(src, s, ss, rows, cols, scalar, d, ds);
        for (int i = 0; i < simd.length; i++) {
            assertEquals(Double.doubleToRawLongBits(scalar[i]), Double.doubleToRawLongBits(simd[i]),
                    "dgemm transpose rows=" + rows + " cols=" + cols + " ss=" + ss + " ds=" + ds + " at " + i);
        }
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) assertEquals(src[s + r * ss + c], simd[d + c * ds + r], "element (" + r + ", " + c + ")");
        }
    }

    /** packB's promise: panel q holds op(B) columns j0 + q*NR .., k-major, zeros past nc. */
    @Property(tries = 120, seed = "20261125")
    void f32PackBLayoutEitherTranspose(@ForAll boolean transB,
                                       @ForAll @IntRange(min = 1, max = 45) int kc,
                                       @ForAll @IntRange(min = 1, max = 70) int nc,
                                       @ForAll @IntRange(min = 0, max = 7) int p0,
                                       @ForAll @IntRange(min = 0, max = 7) int j0,
                                       @ForAll @IntRange(min = 0, max = 5) int pad,
                                       @ForAll @IntRange(min = 0, max = 9) int bOff) {
        int nr = SgemmMicro.NR, k = p0 + kc, n = j0 + nc;
        int ldb = (transB ? k : n) + pad;
        float[] b = uniformF(bOff + (transB ? n : k) * ldb, kc * 7L + nc);
        int panels = (nc + nr - 1) / nr, dOff = 5;
        float[] dst = nanF(dOff + panels * nr * kc + 4);
        SgemmPack.packB(transB, b, bOff, ldb, p0, kc, j0, nc, dst, dOff);
        for (int q = 0; q < panels; q++) {
            for (int p = 0; p < kc; p++) {
                for (int jj = 0; jj < nr; jj++) {
                    int col = q * nr + jj, row = p0 + p, jcol = j0 + col;
                    float want = col >= nc ? 0f : transB ? b[bOff + jcol * ldb + row] : b[bOff + row * ldb + jcol];
                    assertEquals(want, dst[dOff + q * nr * kc + p * nr + jj],
                            "packB transB=" + transB + " kc=" + kc + " nc=" + nc + " panel " + q + " p=" + p + " jj=" + jj);
                }
            }
        }
        for (int i = 0; i < dOff; i++) assertEquals(Float.NaN, dst[i], "packB wrote before dOff at " + i);
        for (int i = dOff + panels * nr * kc; i < dst.length; i++) assertEquals(Float.NaN, dst[i], "packB wrote past its panels at " + i);
    }

    @Property(tries = 120, seed = "20261126")
    void f64PackBLayoutEitherTranspose(@ForAll boolean transB,
                                       @ForAll @IntRange(min = 1, max = 30) int kc,
                                       @ForAll @IntRange(min = 1, max = 40) int nc,
                                       @ForAll @IntRange(min = 0, max = 5) int pad) {
        int nr = DgemmMicro.NR, p0 = 3, j0 = 2, k = p0 + kc, n = j0 + nc;
        int ldb = (transB ? k : n) + pad;
        double[] b = uniformD((transB ? n : k) * ldb, kc * 3L + nc);
        int panels = (nc + nr - 1) / nr;
        double[] dst = nanD(panels * nr * kc);
        DgemmPack.packB(transB, b, 0, ldb, p0, kc, j0, nc, dst, 0);
        for (int q = 0; q < panels; q++) {
            for (int p = 0; p < kc; p++) {
                for (int jj = 0; jj < nr; jj++) {
                    int col = q * nr + jj, row = p0 + p, jcol = j0 + col;
                    double want = col >= nc ? 0 : transB ? b[jcol * ldb + row] : b[row * ldb + jcol];
                    assertEquals(want, dst[q * nr * kc + p * nr + jj], "dgemm packB transB=" + transB + " kc=" + kc + " nc=" + nc);
                }
            }
        }
    }

    /** packTransA's promise: dst[i*kc + p] = op(A)[i0 + i, p0 + p] for A stored (k x m). */
    @Property(tries = 120, seed = "20261127")
    void packTransALayout(@ForAll @IntRange(min = 1, max = 50) int mc,
                          @ForAll @IntRange(min = 1, max = 45) int kc,
                          @ForAll @IntRange(min = 0, max = 9) int i0,
                          @ForAll @IntRange(min = 0, max = 9) int p0,
                          @ForAll @IntRange(min = 0, max = 5) int pad,
                          @ForAll @IntRange(min = 0, max = 7) int aOff) {
        int m = i0 + mc, k = p0 + kc, lda = m + pad;
        float[] a = uniformF(aOff + k * lda, mc * 11L + kc);
        float[] dst = nanF(mc * kc + 3);
        SgemmPack.packTransA(a, aOff, lda, i0, mc, p0, kc, dst);
        double[] ad = new double[a.length];
        for (int i = 0; i < a.length; i++) ad[i] = a[i];
        double[] dd = nanD(mc * kc + 3);
        DgemmPack.packTransA(ad, aOff, lda, i0, mc, p0, kc, dd);
        for (int i = 0; i < mc; i++) {
            for (int p = 0; p < kc; p++) {
                float want = a[aOff + (p0 + p) * lda + i0 + i];
                assertEquals(want, dst[i * kc + p], "packTransA mc=" + mc + " kc=" + kc + " (" + i + ", " + p + ")");
                assertEquals(want, dd[i * kc + p], "dgemm packTransA mc=" + mc + " kc=" + kc + " (" + i + ", " + p + ")");
            }
        }
        for (int i = mc * kc; i < dst.length; i++) assertEquals(Float.NaN, dst[i], "packTransA wrote past mc*kc at " + i);
    }

    /** Blocks that fill whole T x T tiles many times over, at the sizes the MLP products use. */
    @Test
    void largeBlocksEveryTileAndEdge() {
        int[][] sizes = {{256, 784}, {19, 130}, {130, 19}, {8, 8}, {16, 24}, {9, 1}};
        for (int[] sz : sizes) {
            int rows = sz[0], cols = sz[1], ss = cols + 1, ds = rows + 3;
            float[] src = uniformF(2 + rows * ss, rows + cols);
            float[] dst = nanF(1 + cols * ds);
            SgemmPack.transpose(src, 2, ss, rows, cols, dst, 1, ds);
            checkTransposed("transpose " + rows + "x" + cols, src, 2, ss, rows, cols, dst, 1, ds);
        }
    }
}
