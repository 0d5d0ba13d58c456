//@class Where
package dev.weft.kernels.elementwise;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Facade of the select kernels: y[i] = c[i] != 0 ? a[i] : b[i] over (array, offset, stride) operands, c BOOL.
 * Checks, splits long runs over the shared pool, runs {@link WhereSimd} or {@link WhereScalar}. Only y is modified.
 */
public final class Where {
    private Where() {}

    /** Elements per parallel chunk. */
    public static final int GRAIN = Parallel.GRAIN;

    private static final String K = "where";

    private static void check(int cLen, int cOff, int cStride, int aLen, int aOff, int aStride, int bLen, int bOff, int bStride,
                              int yLen, int yOff, int yStride, int n) {
        KernelChecks.range(K, null, "c", cLen, cOff, cStride, n);
        KernelChecks.range(K, null, "a", aLen, aOff, aStride, n);
        KernelChecks.range(K, null, "b", bLen, bOff, bStride, n);
        KernelChecks.range(K, null, "y", yLen, yOff, yStride, n);
        KernelChecks.outStride(K, null, yStride, n);
    }

    //@each F32 F64 I32 I64 BOOL
    /**
     * ${D} values. Writes y.
     *
     * @param c the condition, BOOL bytes (non-zero picks a)
     * @param cOff index of c's first element
     * @param cStride step between consecutive elements of c
     * @param a the values taken where c is non-zero
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the values taken where c is zero
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(byte[] c, int cOff, int cStride, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, ${s}[] y, int yOff, int yStride, int n) {
        check(c.length, cOff, cStride, a.length, aOff, aStride, b.length, bOff, bStride, y.length, yOff, yStride, n);
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        if (Parallel.serial(n, GRAIN)) {
            run(simd, c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(simd, c, cOff + from * cStride, cStride, a, aOff + from * aStride, aStride,
                    b, bOff + from * bStride, bStride, y, yOff + from * yStride, yStride, to - from));
        }
    }

    private static void run(boolean simd, byte[] c, int cOff, int cStride, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, ${s}[] y, int yOff, int yStride, int n) {
        if (simd) WhereSimd.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        else WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }
    //@end
}
