package dev.weft.kernels.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.WithKernels;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * CSR times dense: against the dense product summed in double (F64 within 1e-12, F32 within 1e-5
 * relative), on random patterns with empty rows, duplicate entries, one row holding every nonzero and
 * power-law row degrees, column counts with and without a vector tail, offsets and row strides; the SIMD
 * kernel gives the scalar reference's bits; the bits are the same on 1 and 3 threads; the nonzero split is
 * balanced and covers every row once; bad CSR structure is refused before y changes.
 */
class SpMMProperties {
    /** A CSR matrix: rowPtr, colIdx, values (as double). */
    record Csr(int m, int k, int[] rowPtr, int[] colIdx, double[] values) {}

    /** Row degrees by kind: 0 uniform random (with empty rows), 1 all in one row, 2 power law. */
    static Csr random(long seed, int m, int k, int kind) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] deg = new int[m];
        for (int i = 0; i < m; i++) {
            deg[i] = switch (kind) {
                case 0 -> r.nextInt(4) == 0 ? 0 : r.nextInt(1, 6);
                case 1 -> i == m / 2 ? 3 * m + 1 : 0;
                default -> (int) Math.min(4 * m, Math.floor(1 / Math.pow(1 - r.nextDouble() * 0.999, 1.5)));
            };
        }
        int[] rowPtr = new int[m + 1];
        for (int i = 0; i < m; i++) rowPtr[i + 1] = rowPtr[i] + deg[i];
        int nnz = rowPtr[m];
        int[] col = new int[nnz];
        double[] v = new double[nnz];
        for (int p = 0; p < nnz; p++) {
            col[p] = r.nextInt(k);                                  // duplicates allowed: they add up
            v[p] = 2 * r.nextDouble() - 1;
        }
        return new Csr(m, k, rowPtr, col, v);
    }

    static double[] dense(SplittableRandom r, int rows, int cols, int ld, int off) {
        double[] a = new double[off + rows * ld + 1];
        for (int i = 0; i < a.length; i++) a[i] = 2 * r.nextDouble() - 1;
        return a;
    }

    static double[] reference(Csr a, double[] x, int xOff, int ldx, int n) {
        double[] y = new double[a.m * n];
        for (int i = 0; i < a.m; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                for (int j = 0; j < n; j++) y[i * n + j] += a.values[p] * x[xOff + a.colIdx[p] * ldx + j];
            }
        }
        return y;
    }

    static float[] f32(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return f;
    }

    static <T> T with(KernelImpl impl, int threads, Supplier<T> body) {
        return WithKernels.run(impl, threads, body);
    }

    /** y (m, n) with row stride n + 3, from offset 2; returns the y rows without the padding. */
    static double[] runF64(Csr a, double[] x, int xOff, int ldx, int n) {
        int ldy = n + 3;
        double[] y = new double[2 + a.m * ldy];
        Arrays.fill(y, Double.NaN);                                  // every element must be overwritten
        double[] vals = new double[a.values.length + 1];
        System.arraycopy(a.values, 0, vals, 1, a.values.length);
        int[] col = new int[a.colIdx.length + 1];
        System.arraycopy(a.colIdx, 0, col, 1, a.colIdx.length);
        SpMM.spmm(a.m, a.k, n, a.rowPtr, col, 1, vals, 1, x, xOff, ldx, y, 2, ldy);
        double[] out = new double[a.m * n];
        for (int i = 0; i < a.m; i++) System.arraycopy(y, 2 + i * ldy, out, i * n, n);
        return out;
    }

    static float[] runF32(Csr a, float[] x, int xOff, int ldx, int n) {
        float[] y = new float[a.m * n];
        SpMM.spmm(a.m, a.k, n, a.rowPtr, a.colIdx, 0, f32(a.values), 0, x, xOff, ldx, y, 0, n);
        return y;
    }

    @Property(tries = 60)
    void matchesTheDenseProductAndTheScalarBits(@ForAll @IntRange(min = 1, max = 70) int m, @ForAll @IntRange(min = 1, max = 40) int k,
                                                @ForAll @IntRange(min = 1, max = 41) int n, @ForAll @IntRange(min = 0, max = 2) int kind,
                                                @ForAll long seed) {
        Csr a = random(seed, m, k, kind);
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int ldx = n + (int) (seed & 3), xOff = (int) ((seed >>> 2) & 3);
        double[] x = dense(r, k, n, ldx, xOff);
        double[] want = reference(a, x, xOff, ldx, n);
        double[] simd = with(KernelImpl.SIMD, 1, () -> runF64(a, x, xOff, ldx, n));
        double[] scalar = with(KernelImpl.SCALAR, 1, () -> runF64(a, x, xOff, ldx, n));
        assertArrayEquals(want, simd, 1e-12, "F64 vs the dense product");
        assertArrayEquals(scalar, simd, 0, "F64 SIMD vs scalar bits");
        float[] xf = f32(x);
        float[] fs = with(KernelImpl.SIMD, 1, () -> runF32(a, xf, xOff, ldx, n));
        float[] fr = with(KernelImpl.SCALAR, 1, () -> runF32(a, xf, xOff, ldx, n));
        assertArrayEquals(fr, fs, 0, "F32 SIMD vs scalar bits");
        for (int i = 0; i < want.length; i++) {
            int row = i / n;
            double scale = 1 + a.rowPtr[row + 1] - a.rowPtr[row];
            assertEquals(want[i], fs[i], 1e-5 * scale, "F32 element " + i);
        }
    }

    @Test
    void theBitsDoNotDependOnTheThreadCount() {
        for (int kind = 0; kind < 3; kind++) {
            Csr a = random(7 + kind, 3000, 500, kind);
            SplittableRandom r = new SplittableRandom(kind);
            float[] x = f32(dense(r, 500, 37, 37, 0));
            float[] one = with(KernelImpl.SIMD, 1, () -> runF32(a, x, 0, 37, 37));
            float[] three = with(KernelImpl.SIMD, 3, () -> runF32(a, x, 0, 37, 37));
            assertArrayEquals(one, three, "kind " + kind);
        }
    }

    @Test
    void chunksSplitByNonzerosAndCoverEveryRowOnce() {
        Csr hub = random(1, 1000, 10, 1);                            // every nonzero in row 500
        int[] b = RowSplit.chunks(hub.m, hub.rowPtr, 8);
        assertEquals(0, b[0]);
        assertEquals(1000, b[8]);
        for (int c = 0; c < 8; c++) assertEquals(true, b[c] <= b[c + 1], "chunk " + c + " " + Arrays.toString(b));
        Csr uniform = new Csr(8, 1, new int[] {0, 10, 20, 30, 40, 50, 60, 70, 80}, new int[80], new double[80]);
        assertArrayEquals(new int[] {0, 2, 4, 6, 8}, RowSplit.chunks(8, uniform.rowPtr, 4));
        Csr skewed = new Csr(4, 1, new int[] {0, 90, 100, 110, 120}, new int[120], new double[120]);
        assertArrayEquals(new int[] {0, 1, 4}, RowSplit.chunks(4, skewed.rowPtr, 2));
    }

    @Test
    void badStructureIsRefusedBeforeYChanges() {
        float[] x = new float[6], y = new float[4];
        Arrays.fill(y, 7);
        float[] v = {1, 2, 3};
        var e = assertThrows(IllegalArgumentException.class,
                () -> SpMM.spmm(2, 3, 2, new int[] {0, 2, 1}, new int[] {0, 1, 2}, 0, v, 0, x, 0, 2, y, 0, 2));
        assertEquals("spmm: rowPtr decreases at row 1: 2 then 1", e.getMessage());
        var o = assertThrows(IndexOutOfBoundsException.class,
                () -> SpMM.spmm(2, 3, 2, new int[] {0, 2, 3}, new int[] {0, 3, 2}, 0, v, 0, x, 0, 2, y, 0, 2));
        assertEquals("spmm: column index 3 at nonzero 1 is outside [0, 3)", o.getMessage());
        o = assertThrows(IndexOutOfBoundsException.class,
                () -> SpMM.spmm(2, 3, 2, new int[] {0, 2, 4}, new int[] {0, 1, 2}, 0, v, 0, x, 0, 2, y, 0, 2));
        assertEquals("spmm: 4 nonzeros from colIdx offset 0 (length 3) and values offset 0 (length 3) run past an array", o.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SpMM.spmm(2, 3, 2, new int[] {1, 2, 3}, new int[] {0, 1, 2}, 0, v, 0, x, 0, 2, y, 0, 2));
        assertEquals("spmm: rowPtr[0] is 1, must be 0", e.getMessage());
        assertArrayEquals(new float[] {7, 7, 7, 7}, y);
    }
}
