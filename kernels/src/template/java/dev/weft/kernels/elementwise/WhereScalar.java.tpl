//@class WhereScalar
package dev.weft.kernels.elementwise;

/** Scalar reference for {@link Where}: y[i] = c[i] != 0 ? a[i] : b[i], one element at a time. No checks, no threading. */
public final class WhereScalar {
    private WhereScalar() {}

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
        for (int i = 0, ci = cOff, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ci += cStride, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = c[ci] != 0 ? a[ai] : b[bi];
        }
    }
    //@end
}
