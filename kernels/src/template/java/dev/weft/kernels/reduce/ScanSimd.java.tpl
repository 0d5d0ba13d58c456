//@class ScanSimd
package dev.weft.kernels.reduce;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Scan}. With inner > 1, rows stream past: output row k = output row k-1 (op) input
 * row k, as vectors across the columns, which per column is exactly the scalar reference's sequence of operations
 * (F32 keeps a double accumulator row per tile of {@link #TILE} columns and rounds each output once), so results
 * equal the scalar reference bit for bit. inner == 1 is a serial dependence chain and runs the scalar loop, as
 * does I64 cumprod (no 64-bit vector multiply before AVX-512). No checks, no threading.
 */
public final class ScanSimd {
    private ScanSimd() {}

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    /** Float species with as many lanes as the preferred double species (half its width). */
    private static final VectorSpecies<Float> HALF = VectorSpecies.of(float.class, VectorShape.forBitSize(DS.vectorBitSize() / 2));
    /** Columns per tile of the F32 double accumulator row. */
    static final int TILE = 1024;

    /**
     * F32 {@link Scan#cumsum}: y[o, k, j] = x[o, 0, j] + ... + x[o, k, j]. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = DS.length();
        double[] acc = new double[Math.min(TILE, j1 - j0)];
        for (int o = 0; o < outer; o++) {
            for (int t0 = j0; t0 < j1; t0 += TILE) {
                int w = Math.min(TILE, j1 - t0);
                java.util.Arrays.fill(acc, 0, w, 0.0);
                for (int k = 0; k < r; k++) {
                    int p = o * r * inner + k * inner + t0, j = 0;
                    for (; j + len <= w; j += len) {
                        DoubleVector xd = (DoubleVector) FloatVector.fromArray(HALF, x, xOff + p + j).convertShape(VectorOperators.F2D, DS, 0);
                        DoubleVector a = DoubleVector.fromArray(DS, acc, j).add(xd);
                        a.intoArray(acc, j);
                        ((FloatVector) a.convertShape(VectorOperators.D2F, HALF, 0)).intoArray(y, yOff + p + j);
                    }
                    for (; j < w; j++) {
                        acc[j] += x[xOff + p + j];
                        y[yOff + p + j] = (float) acc[j];
                    }
                }
            }
        }
    }

    /**
     * F32 {@link Scan#cumprod}: y[o, k, j] = x[o, 0, j] * ... * x[o, k, j]. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = DS.length();
        double[] acc = new double[Math.min(TILE, j1 - j0)];
        for (int o = 0; o < outer; o++) {
            for (int t0 = j0; t0 < j1; t0 += TILE) {
                int w = Math.min(TILE, j1 - t0);
                java.util.Arrays.fill(acc, 0, w, 1.0);
                for (int k = 0; k < r; k++) {
                    int p = o * r * inner + k * inner + t0, j = 0;
                    for (; j + len <= w; j += len) {
                        DoubleVector xd = (DoubleVector) FloatVector.fromArray(HALF, x, xOff + p + j).convertShape(VectorOperators.F2D, DS, 0);
                        DoubleVector a = DoubleVector.fromArray(DS, acc, j).mul(xd);
                        a.intoArray(acc, j);
                        ((FloatVector) a.convertShape(VectorOperators.D2F, HALF, 0)).intoArray(y, yOff + p + j);
                    }
                    for (; j < w; j++) {
                        acc[j] *= x[xOff + p + j];
                        y[yOff + p + j] = (float) acc[j];
                    }
                }
            }
        }
    }

    //@each F64 I32 I64
    /**
     * ${D} {@link Scan#cumsum}: y[o, k, j] = x[o, 0, j] + ... + x[o, k, j]. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumsum(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumsum(${s}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${s}[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = ${V}.length();
        ${T}Vector id = ${T}Vector.broadcast(${V}, 0);
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int k = 0; k < r; k++) {
                int p = base + k * inner, j = j0;
                if (k == 0) {
                    for (; j + len <= j1; j += len) id.add(${T}Vector.fromArray(${V}, x, xOff + p + j)).intoArray(y, yOff + p + j);
                    for (; j < j1; j++) y[yOff + p + j] = (${t}) (0 + x[xOff + p + j]);
                } else {
                    for (; j + len <= j1; j += len) {
                        ${T}Vector.fromArray(${V}, y, yOff + p - inner + j).add(${T}Vector.fromArray(${V}, x, xOff + p + j)).intoArray(y, yOff + p + j);
                    }
                    for (; j < j1; j++) y[yOff + p + j] = (${t}) (y[yOff + p - inner + j] + x[xOff + p + j]);
                }
            }
        }
    }
    //@end

    //@each F64 I32
    /**
     * ${D} {@link Scan#cumprod}: y[o, k, j] = x[o, 0, j] * ... * x[o, k, j]. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(${s}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${s}[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = ${V}.length();
        ${T}Vector id = ${T}Vector.broadcast(${V}, 1);
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int k = 0; k < r; k++) {
                int p = base + k * inner, j = j0;
                if (k == 0) {
                    for (; j + len <= j1; j += len) id.mul(${T}Vector.fromArray(${V}, x, xOff + p + j)).intoArray(y, yOff + p + j);
                    for (; j < j1; j++) y[yOff + p + j] = (${t}) (1 * x[xOff + p + j]);
                } else {
                    for (; j + len <= j1; j += len) {
                        ${T}Vector.fromArray(${V}, y, yOff + p - inner + j).mul(${T}Vector.fromArray(${V}, x, xOff + p + j)).intoArray(y, yOff + p + j);
                    }
                    for (; j < j1; j++) y[yOff + p + j] = (${t}) (y[yOff + p - inner + j] * x[xOff + p + j]);
                }
            }
        }
    }
    //@end

    /**
     * I64 {@link Scan#cumprod}: y[o, k, j] = x[o, 0, j] * ... * x[o, k, j]. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        if (true) {
            ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = LS.length();
        LongVector id = LongVector.broadcast(LS, 1);
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int k = 0; k < r; k++) {
                int p = base + k * inner, j = j0;
                if (k == 0) {
                    for (; j + len <= j1; j += len) id.mul(LongVector.fromArray(LS, x, xOff + p + j)).intoArray(y, yOff + p + j);
                    for (; j < j1; j++) y[yOff + p + j] = (1 * x[xOff + p + j]);
                } else {
                    for (; j + len <= j1; j += len) {
                        LongVector.fromArray(LS, y, yOff + p - inner + j).mul(LongVector.fromArray(LS, x, xOff + p + j)).intoArray(y, yOff + p + j);
                    }
                    for (; j < j1; j++) y[yOff + p + j] = (y[yOff + p - inner + j] * x[xOff + p + j]);
                }
            }
        }
    }
}
