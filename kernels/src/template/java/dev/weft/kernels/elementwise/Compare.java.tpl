//@class Compare
package dev.weft.kernels.elementwise;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Facade of the comparison kernels: y[yOff + i*yStride] = fn(a[aOff + i*aStride], b[bOff + i*bStride]) ? 1 : 0,
 * y BOOL (byte[]). Checks, splits long runs over the shared pool, runs {@link CompareSimd} or {@link CompareScalar}.
 * Only y is modified.
 */
public final class Compare {
    private Compare() {}

    /** Elements per parallel chunk. */
    public static final int GRAIN = Parallel.GRAIN;

    private static final String K = "compare";

    private static void check(CompareFn fn, int aLen, int aOff, int aStride, int bLen, int bOff, int bStride, int yLen, int yOff, int yStride, int n) {
        KernelChecks.range(K, fn, "a", aLen, aOff, aStride, n);
        KernelChecks.range(K, fn, "b", bLen, bOff, bStride, n);
        KernelChecks.range(K, fn, "y", yLen, yOff, yStride, n);
        KernelChecks.outStride(K, fn, yStride, n);
    }

    //@each F32 F64 I32 I64 BOOL
    /**
     * ${D} operands. Writes y.
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
    public static void apply(CompareFn fn, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        check(fn, a.length, aOff, aStride, b.length, bOff, bStride, y.length, yOff, yStride, n);
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        if (Parallel.serial(n, GRAIN)) {
            run(simd, fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(simd, fn, a, aOff + from * aStride, aStride, b, bOff + from * bStride, bStride,
                    y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, CompareFn fn, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (simd) CompareSimd.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        else CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }
    //@end
}
