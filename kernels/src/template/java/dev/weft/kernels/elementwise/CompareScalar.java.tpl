//@class CompareScalar
package dev.weft.kernels.elementwise;

/** Scalar reference for {@link Compare}: y[i] = fn(a[i], b[i]) ? 1 : 0, one element at a time. No checks, no threading. */
public final class CompareScalar {
    private CompareScalar() {}

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
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) (fn.test(a[ai], b[bi]) ? 1 : 0);
        }
    }
    //@end
}
