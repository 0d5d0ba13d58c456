//@class WhereScalar
package dev.weft.kernels.elementwise;

/** Scalar reference for {@link Where}: y[i] = c[i] != 0 ? a[i] : b[i], one element at a time. No checks, no threading. */
public final class WhereScalar {
    private WhereScalar() {}

    //@each F32 F64 I32 I64 BOOL
    /** ${D} values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, ${s}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ci = cOff, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ci += cStride, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = c[ci] != 0 ? a[ai] : b[bi];
        }
    }
    //@end
}
