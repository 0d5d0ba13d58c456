//@class Unary
package dev.weft.kernels.elementwise;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Facade of the unary kernels: y[yOff + i*yStride] = fn(x[xOff + i*xStride], p0, p1) for {@code i < n}.
 * Checks the arguments, splits runs longer than {@link #GRAIN} over the shared pool (fixed chunks) and runs
 * {@link UnarySimd} or {@link UnaryScalar} by {@link KernelImpl#current()}. Only y is modified; y may be x
 * (same offset and stride) for in-place use, other overlaps are undefined.
 */
public final class Unary {
    private Unary() {}

    /** Elements per parallel chunk. */
    public static final int GRAIN = Parallel.GRAIN;

    private static final String K = "unary";

    private static boolean simd() {
        return KernelImpl.current() == KernelImpl.SIMD;
    }

    //@each F32 F64
    /**
     * ${D} (see {@link UnaryFn} for p0/p1).
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, ${s}[] x, int xOff, int xStride, ${s}[] y, int yOff, int yStride, int n) {
        KernelChecks.range(K, fn, "x", x.length, xOff, xStride, n);
        KernelChecks.range(K, fn, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride(K, fn, yStride, n);
        boolean simd = simd();
        if (Parallel.serial(n, GRAIN)) {
            run(simd, fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) ->
                    run(simd, fn, p0, p1, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, UnaryFn fn, double p0, double p1, ${s}[] x, int xOff, int xStride, ${s}[] y, int yOff, int yStride, int n) {
        if (simd) UnarySimd.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
        else UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
    }
    //@end

    //@each I32 I64
    /**
     * ${D}: integer-safe fns only ({@link UnaryFn#integerSafe}), else IllegalArgumentException.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, ${s}[] x, int xOff, int xStride, ${s}[] y, int yOff, int yStride, int n) {
        requireInteger(fn, "${D}");
        KernelChecks.range(K, fn, "x", x.length, xOff, xStride, n);
        KernelChecks.range(K, fn, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride(K, fn, yStride, n);
        boolean simd = simd();
        if (Parallel.serial(n, GRAIN)) {
            run(simd, fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) ->
                    run(simd, fn, p0, p1, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, UnaryFn fn, double p0, double p1, ${s}[] x, int xOff, int xStride, ${s}[] y, int yOff, int yStride, int n) {
        if (simd) UnarySimd.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
        else UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
    }
    //@end

    /**
     * BOOL: NOT only, else IllegalArgumentException.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, byte[] x, int xOff, int xStride, byte[] y, int yOff, int yStride, int n) {
        if (fn != UnaryFn.NOT) throw new IllegalArgumentException("unary " + fn + ": not defined on BOOL (only NOT is)");
        KernelChecks.range(K, fn, "x", x.length, xOff, xStride, n);
        KernelChecks.range(K, fn, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride(K, fn, yStride, n);
        boolean simd = simd();
        if (Parallel.serial(n, GRAIN)) {
            run(simd, fn, x, xOff, xStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) ->
                    run(simd, fn, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, UnaryFn fn, byte[] x, int xOff, int xStride, byte[] y, int yOff, int yStride, int n) {
        if (simd) UnarySimd.apply(fn, 0, 0, x, xOff, xStride, y, yOff, yStride, n);
        else UnaryScalar.apply(fn, 0, 0, x, xOff, xStride, y, yOff, yStride, n);
    }

    private static void requireInteger(UnaryFn fn, String dtype) {
        if (!fn.integerSafe()) {
            throw new IllegalArgumentException("unary " + fn + ": not defined on " + dtype
                    + " (integer dtypes take NEG, ABS, SQUARE, SIGN, CLAMP, RELU, FLOOR, CEIL, ROUND, NOT; promote to a float dtype first)");
        }
    }
}
