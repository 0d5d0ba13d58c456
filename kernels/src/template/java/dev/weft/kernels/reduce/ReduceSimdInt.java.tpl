//@class ReduceSimdInt
package dev.weft.kernels.reduce;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API reductions of the integer and BOOL dtypes (the float ones are in {@link ReduceSimd}, whose
 * species, block and tile sizes these share): SUM/MAX/MIN for I32 and I64, PROD for I32, ALL/ANY as the
 * scalar loop. Results are exact and equal the scalar reference. No checks, no threading.
 */
public final class ReduceSimdInt {
    private ReduceSimdInt() {}

    // ================================================================ int

    /**
     * int: as {@link ReduceScalar}. Writes y.
     *
     * @param fn the function to apply
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void reduce(ReduceFn fn, int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param fn the function to apply
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
    public static void reduce(ReduceFn fn, int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        if (!(fn == ReduceFn.SUM || fn == ReduceFn.MAX || fn == ReduceFn.MIN || fn == ReduceFn.PROD) || r == 0) {
            ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) y[yOff + o] = row(fn, x, base, r);
            else cols(fn, x, base, r, inner, j0, j1, y, yOff + o * inner);
        }
    }

    /** fn over x[off .. off + r): blocks of ReduceSimd.BLOCK, each with four vector accumulators, combined in order. */
    static int row(ReduceFn fn, int[] x, int off, int r) {
        int id = fn == ReduceFn.SUM ? 0 : fn == ReduceFn.PROD ? 1 : fn == ReduceFn.MAX ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        long total = id;
        for (int k0 = 0; k0 < r; k0 += ReduceSimd.BLOCK) {
            int part = rowBlock(fn, id, x, off + k0, Math.min(ReduceSimd.BLOCK, r - k0));
            total = ReduceScalar.stepLong(fn, total, part);
        }
        return (int) total;
    }

    // NOTE: one loop per operator: a VectorOperators value that is not a compile-time constant at the call
    // site defeats the intrinsics (the generic lanewise(op, v) path ran 3x slower than the scalar loop).
    private static int rowBlock(ReduceFn fn, int id, int[] x, int off, int m) {
        return switch (fn) {
            case SUM -> rowBlockSum(id, x, off, m);
            case MAX -> rowBlockMax(id, x, off, m);
            case MIN -> rowBlockMin(id, x, off, m);
            case PROD -> rowBlockProd(id, x, off, m);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for int");
        };
    }

    private static int rowBlockProd(int id, int[] x, int off, int m) {
        int len = ReduceSimd.IS.length(), i = 0;
        IntVector a0 = IntVector.broadcast(ReduceSimd.IS, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.mul(IntVector.fromArray(ReduceSimd.IS, x, off + i));
            a1 = a1.mul(IntVector.fromArray(ReduceSimd.IS, x, off + i + len));
            a2 = a2.mul(IntVector.fromArray(ReduceSimd.IS, x, off + i + 2 * len));
            a3 = a3.mul(IntVector.fromArray(ReduceSimd.IS, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.mul(IntVector.fromArray(ReduceSimd.IS, x, off + i));
        if (i < m) {
            VectorMask<Integer> mask = ReduceSimd.IS.indexInRange(i, m);
            a1 = a1.mul(IntVector.broadcast(ReduceSimd.IS, id).blend(IntVector.fromArray(ReduceSimd.IS, x, off + i, mask), mask));
        }
        return a0.mul(a1).mul(a2.mul(a3)).reduceLanes(VectorOperators.MUL);
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop; one loop per operator. */
    private static void cols(ReduceFn fn, int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb) {
        switch (fn) {
            case SUM -> colsSum(x, base, r, inner, j0, j1, y, yb);
            case MAX -> colsMax(x, base, r, inner, j0, j1, y, yb);
            case MIN -> colsMin(x, base, r, inner, j0, j1, y, yb);
            case PROD -> colsProd(x, base, r, inner, j0, j1, y, yb);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for int");
        }
    }

    private static void colsProd(int[] x, int base, int r, int inner, int j0, int j1, int[] y, int yb) {
        int len = ReduceSimd.IS.length();
        for (int t0 = j0; t0 < j1; t0 += ReduceSimd.TILE) {
            int w = Math.min(ReduceSimd.TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, 1);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    IntVector.fromArray(ReduceSimd.IS, y, q + j).mul(IntVector.fromArray(ReduceSimd.IS, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (int) (y[q + j] * x[p + j]);
            }
        }
    }

    // ================================================================ long

    /**
     * long: as {@link ReduceScalar}. Writes y.
     *
     * @param fn the function to apply
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void reduce(ReduceFn fn, long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        reduce(fn, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param fn the function to apply
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
    public static void reduce(ReduceFn fn, long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        if (!(fn == ReduceFn.SUM || fn == ReduceFn.MAX || fn == ReduceFn.MIN) || r == 0) {
            ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (inner == 1) y[yOff + o] = row(fn, x, base, r);
            else cols(fn, x, base, r, inner, j0, j1, y, yOff + o * inner);
        }
    }

    /** fn over x[off .. off + r): blocks of ReduceSimd.BLOCK, each with four vector accumulators, combined in order. */
    static long row(ReduceFn fn, long[] x, int off, int r) {
        long id = fn == ReduceFn.SUM ? 0L : fn == ReduceFn.PROD ? 1L : fn == ReduceFn.MAX ? Long.MIN_VALUE : Long.MAX_VALUE;
        long total = id;
        for (int k0 = 0; k0 < r; k0 += ReduceSimd.BLOCK) {
            long part = rowBlock(fn, id, x, off + k0, Math.min(ReduceSimd.BLOCK, r - k0));
            total = ReduceScalar.stepLong(fn, total, part);
        }
        return (long) total;
    }

    // NOTE: one loop per operator: a VectorOperators value that is not a compile-time constant at the call
    // site defeats the intrinsics (the generic lanewise(op, v) path ran 3x slower than the scalar loop).
    private static long rowBlock(ReduceFn fn, long id, long[] x, int off, int m) {
        return switch (fn) {
            case SUM -> rowBlockSum(id, x, off, m);
            case MAX -> rowBlockMax(id, x, off, m);
            case MIN -> rowBlockMin(id, x, off, m);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for long");
        };
    }

    /** Column reduction: vectors across columns [j0, j1), r the outer loop; one loop per operator. */
    private static void cols(ReduceFn fn, long[] x, int base, int r, int inner, int j0, int j1, long[] y, int yb) {
        switch (fn) {
            case SUM -> colsSum(x, base, r, inner, j0, j1, y, yb);
            case MAX -> colsMax(x, base, r, inner, j0, j1, y, yb);
            case MIN -> colsMin(x, base, r, inner, j0, j1, y, yb);
            default -> throw new IllegalArgumentException("reduce " + fn + ": not vectorized for long");
        }
    }

    //@each I32 I64
    private static ${t} rowBlockSum(${t} id, ${s}[] x, int off, int m) {
        int len = ReduceSimd.${V}.length(), i = 0;
        ${T}Vector a0 = ${T}Vector.broadcast(ReduceSimd.${V}, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.add(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i));
            a1 = a1.add(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + len));
            a2 = a2.add(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + 2 * len));
            a3 = a3.add(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.add(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i));
        if (i < m) {
            VectorMask<${B}> mask = ReduceSimd.${V}.indexInRange(i, m);
            a1 = a1.add(${T}Vector.broadcast(ReduceSimd.${V}, id).blend(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i, mask), mask));
        }
        return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    }

    private static ${t} rowBlockMax(${t} id, ${s}[] x, int off, int m) {
        int len = ReduceSimd.${V}.length(), i = 0;
        ${T}Vector a0 = ${T}Vector.broadcast(ReduceSimd.${V}, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.max(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i));
            a1 = a1.max(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + len));
            a2 = a2.max(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + 2 * len));
            a3 = a3.max(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.max(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i));
        if (i < m) {
            VectorMask<${B}> mask = ReduceSimd.${V}.indexInRange(i, m);
            a1 = a1.max(${T}Vector.broadcast(ReduceSimd.${V}, id).blend(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i, mask), mask));
        }
        return a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
    }

    private static ${t} rowBlockMin(${t} id, ${s}[] x, int off, int m) {
        int len = ReduceSimd.${V}.length(), i = 0;
        ${T}Vector a0 = ${T}Vector.broadcast(ReduceSimd.${V}, id), a1 = a0, a2 = a0, a3 = a0;
        for (; i + 4 * len <= m; i += 4 * len) {
            a0 = a0.min(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i));
            a1 = a1.min(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + len));
            a2 = a2.min(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + 2 * len));
            a3 = a3.min(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i + 3 * len));
        }
        for (; i + len <= m; i += len) a0 = a0.min(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i));
        if (i < m) {
            VectorMask<${B}> mask = ReduceSimd.${V}.indexInRange(i, m);
            a1 = a1.min(${T}Vector.broadcast(ReduceSimd.${V}, id).blend(${T}Vector.fromArray(ReduceSimd.${V}, x, off + i, mask), mask));
        }
        return a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
    }
    //@end

    //@each I32 I64
    private static void colsSum(${s}[] x, int base, int r, int inner, int j0, int j1, ${s}[] y, int yb) {
        int len = ReduceSimd.${V}.length();
        for (int t0 = j0; t0 < j1; t0 += ReduceSimd.TILE) {
            int w = Math.min(ReduceSimd.TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, 0);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    ${T}Vector.fromArray(ReduceSimd.${V}, y, q + j).add(${T}Vector.fromArray(ReduceSimd.${V}, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (${t}) (y[q + j] + x[p + j]);
            }
        }
    }

    private static void colsMax(${s}[] x, int base, int r, int inner, int j0, int j1, ${s}[] y, int yb) {
        int len = ReduceSimd.${V}.length();
        for (int t0 = j0; t0 < j1; t0 += ReduceSimd.TILE) {
            int w = Math.min(ReduceSimd.TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, ${B}.MIN_VALUE);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    ${T}Vector.fromArray(ReduceSimd.${V}, y, q + j).max(${T}Vector.fromArray(ReduceSimd.${V}, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (Math.max(y[q + j], x[p + j]));
            }
        }
    }

    private static void colsMin(${s}[] x, int base, int r, int inner, int j0, int j1, ${s}[] y, int yb) {
        int len = ReduceSimd.${V}.length();
        for (int t0 = j0; t0 < j1; t0 += ReduceSimd.TILE) {
            int w = Math.min(ReduceSimd.TILE, j1 - t0), q = yb + t0;
            java.util.Arrays.fill(y, q, q + w, ${B}.MAX_VALUE);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner + t0, j = 0;
                for (; j + len <= w; j += len) {
                    ${T}Vector.fromArray(ReduceSimd.${V}, y, q + j).min(${T}Vector.fromArray(ReduceSimd.${V}, x, p + j)).intoArray(y, q + j);
                }
                for (; j < w; j++) y[q + j] = (Math.min(y[q + j], x[p + j]));
            }
        }
    }
    //@end

    /**
     * BOOL ALL/ANY: the scalar loop (early exit). Writes y.
     *
     * @param fn the function to apply
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, byte[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, y, yOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param fn the function to apply
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
    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, int j0, int j1, byte[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }
}

