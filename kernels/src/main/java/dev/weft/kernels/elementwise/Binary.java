package dev.weft.kernels.elementwise;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Facade of the binary kernels: y[yOff + i*yStride] = fn(a[aOff + i*aStride], b[bOff + i*bStride]) for i < n,
 * plus the fused axpy (y += alpha*x) and scale (y = alpha*x). Checks the arguments and the fn/dtype pair,
 * splits long runs over the shared pool (fixed chunks) and runs {@link BinarySimd} or {@link BinaryScalar}.
 * Only y is modified; y may alias a or b exactly (same offset and stride), other overlaps are undefined.
 */
public final class Binary {
    private Binary() {}

    /** Elements per parallel chunk. */
    public static final int GRAIN = 32 * 1024;

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

    /** F32: y = fn(a, b). Writes y. */
    public static void apply(BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        check(fn, "F32", fn.onFloat(), a.length, aOff, aStride, b.length, bOff, bStride, y.length, yOff, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            run(simd, fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(simd, fn, a, aOff + from * aStride, aStride, b, bOff + from * bStride, bStride,
                    y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        if (simd) BinarySimd.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        else BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /** F64: y = fn(a, b). Writes y. */
    public static void apply(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        check(fn, "F64", fn.onFloat(), a.length, aOff, aStride, b.length, bOff, bStride, y.length, yOff, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            run(simd, fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(simd, fn, a, aOff + from * aStride, aStride, b, bOff + from * bStride, bStride,
                    y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        if (simd) BinarySimd.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        else BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /** I32: y = fn(a, b); integer REMAINDER/FMOD by zero throw ArithmeticException. Writes y. */
    public static void apply(BinaryFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        check(fn, "I32", fn.onInteger(), a.length, aOff, aStride, b.length, bOff, bStride, y.length, yOff, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            run(simd, fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(simd, fn, a, aOff + from * aStride, aStride, b, bOff + from * bStride, bStride,
                    y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, BinaryFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        if (simd) BinarySimd.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        else BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /** I64: y = fn(a, b); integer REMAINDER/FMOD by zero throw ArithmeticException. Writes y. */
    public static void apply(BinaryFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        check(fn, "I64", fn.onInteger(), a.length, aOff, aStride, b.length, bOff, bStride, y.length, yOff, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            run(simd, fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(simd, fn, a, aOff + from * aStride, aStride, b, bOff + from * bStride, bStride,
                    y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, BinaryFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        if (simd) BinarySimd.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        else BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /** BOOL: y = fn(a, b). Writes y. */
    public static void apply(BinaryFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        check(fn, "BOOL", fn.onBool(), a.length, aOff, aStride, b.length, bOff, bStride, y.length, yOff, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            run(simd, fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(simd, fn, a, aOff + from * aStride, aStride, b, bOff + from * bStride, bStride,
                    y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, BinaryFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (simd) BinarySimd.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        else BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /** F32: y[i] += alpha * x[i] (fused multiply-add). Modifies y. */
    public static void axpy(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        KernelChecks.range("axpy", null, "x", x.length, xOff, xStride, n);
        KernelChecks.range("axpy", null, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride("axpy", null, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            axpy(simd, n, alpha, x, xOff, xStride, y, yOff, yStride);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> axpy(simd, to - from, alpha, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride));
        }
    }

    private static void axpy(boolean simd, int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        if (simd) BinarySimd.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
        else BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /** F32: y[i] = alpha * x[i]. Writes y. */
    public static void scale(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        KernelChecks.range("scale", null, "x", x.length, xOff, xStride, n);
        KernelChecks.range("scale", null, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride("scale", null, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            scale(simd, n, alpha, x, xOff, xStride, y, yOff, yStride);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> scale(simd, to - from, alpha, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride));
        }
    }

    private static void scale(boolean simd, int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        if (simd) BinarySimd.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
        else BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /** F64: y[i] += alpha * x[i] (fused multiply-add). Modifies y. */
    public static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        KernelChecks.range("axpy", null, "x", x.length, xOff, xStride, n);
        KernelChecks.range("axpy", null, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride("axpy", null, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            axpy(simd, n, alpha, x, xOff, xStride, y, yOff, yStride);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> axpy(simd, to - from, alpha, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride));
        }
    }

    private static void axpy(boolean simd, int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        if (simd) BinarySimd.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
        else BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /** F64: y[i] = alpha * x[i]. Writes y. */
    public static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        KernelChecks.range("scale", null, "x", x.length, xOff, xStride, n);
        KernelChecks.range("scale", null, "y", y.length, yOff, yStride, n);
        KernelChecks.outStride("scale", null, yStride, n);
        boolean simd = simd();
        if (n <= GRAIN) {
            scale(simd, n, alpha, x, xOff, xStride, y, yOff, yStride);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> scale(simd, to - from, alpha, x, xOff + from * xStride, xStride, y, yOff + from * yStride, yStride));
        }
    }

    private static void scale(boolean simd, int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        if (simd) BinarySimd.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
        else BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }
}
