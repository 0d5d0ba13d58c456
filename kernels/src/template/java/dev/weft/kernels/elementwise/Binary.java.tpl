//@class Binary
package dev.weft.kernels.elementwise;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Facade of the binary kernels: y[yOff + i*yStride] = fn(a[aOff + i*aStride], b[bOff + i*bStride]) for {@code i < n},
 * plus the fused axpy (y += alpha*x) and scale (y = alpha*x). Checks the arguments and the fn/dtype pair,
 * splits long runs over the shared pool (fixed chunks) and runs {@link BinarySimd} or {@link BinaryScalar}.
 * Only y is modified; y may alias a or b exactly (same offset and stride), other overlaps are undefined.
 */
public final class Binary {
    private Binary() {}

    /** Elements per parallel chunk. */
    public static final int GRAIN = Parallel.GRAIN;

    private static final String K = "binary";

    private static boolean simd() {
        return KernelImpl.current() == KernelImpl.SIMD;
    }

    private static void check(BinaryFn fn, String dtype, boolean ok, int aLen, int aOff, int aStride, int bLen, int bOff, int bStride,
                              int yLen, int yOff, int yStride, int n) {
        if (!ok) {
            throw new IllegalArgumentException("binary " + fn + ": not defined on " + dtype + switch (dtype) {
                case "F32", "F64" -> " (bitwise functions take integer or BOOL operands)";
                case "BOOL" -> " (BOOL takes logical, bitwise, MAXIMUM and MINIMUM)";
                default -> " (promote to a float dtype first)";
            });
        }
        KernelChecks.range(K, fn, "a", aLen, aOff, aStride, n);
        KernelChecks.range(K, fn, "b", bLen, bOff, bStride, n);
        KernelChecks.range(K, fn, "y", yLen, yOff, yStride, n);
        KernelChecks.outStride(K, fn, yStride, n);
    }

    //@each F32 F64 I32 I64 BOOL
    /**
     * ${D}: y = fn(a, b) (I32/I64: REMAINDER and FMOD by zero throw ArithmeticException). Writes y.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the second operand
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(BinaryFn fn, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, ${s}[] y, int yOff, int yStride, int n) {
        check(fn, "${D}", fn.on${K}(), a.length, aOff, aStride, b.length, bOff, bStride, y.length, yOff, yStride, n);
        boolean simd = simd();
        if (Parallel.serial(n, GRAIN)) {
            run(simd, fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(simd, fn, a, aOff + from * aStride, aStride, b, bOff + from * bStride, bStride,
                    y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, BinaryFn fn, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, ${s}[] y, int yOff, int yStride, int n) {
        if (simd) BinarySimd.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        else BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }
    //@end

    //@each F32 F64
    /**
     * ${D}: y[i] += alpha * x[i] (fused multiply-add). Modifies y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void axpy(int n, ${t} alpha, ${s}[] x, int xOff, int xStride, ${s}[] y, int yOff, int yStride) {
        KernelChecks.range("axpy", null, "x", x.length, xOff, xStride, n);
        KernelChecks.range("axpy", null, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride("axpy", null, yStride, n);
        boolean simd = simd();
        if (Parallel.serial(n, GRAIN)) {
            axpy(simd, n, alpha, x, xOff, xStride, y, yOff, yStride);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> axpy(simd, to - from, alpha, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride));
        }
    }

    private static void axpy(boolean simd, int n, ${t} alpha, ${s}[] x, int xOff, int xStride, ${s}[] y, int yOff, int yStride) {
        if (simd) BinarySimd.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
        else BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /**
     * ${D}: y[i] = alpha * x[i]. Writes y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void scale(int n, ${t} alpha, ${s}[] x, int xOff, int xStride, ${s}[] y, int yOff, int yStride) {
        KernelChecks.range("scale", null, "x", x.length, xOff, xStride, n);
        KernelChecks.range("scale", null, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride("scale", null, yStride, n);
        boolean simd = simd();
        if (Parallel.serial(n, GRAIN)) {
            scale(simd, n, alpha, x, xOff, xStride, y, yOff, yStride);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> scale(simd, to - from, alpha, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride));
        }
    }

    private static void scale(boolean simd, int n, ${t} alpha, ${s}[] x, int xOff, int xStride, ${s}[] y, int yOff, int yStride) {
        if (simd) BinarySimd.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
        else BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }
    //@end
}
