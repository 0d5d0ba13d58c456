package dev.weft.kernels.sort;

/**
 * Turns one strided line of values into signed long keys whose order is the sort order, so one
 * dtype-free core sorts every dtype. Floats: NaN is the largest key (all NaNs equal) and -0.0 equals
 * 0.0, as comparisons order them. Descending order uses ~key (order-reversing, no overflow).
 * 32-bit dtypes are packed as (key << 32 | position) (bytes sort as signed values): all keys distinct and ties broken by position,
 * so an unstable primitive sort of the packed longs is a stable sort of the values.
 */
final class SortKeys {
    private SortKeys() {}

    /** True for dtypes whose keys need 64 bits (double, long): those sort (key, position) pairs. */
    static boolean wide(Object x) {
        return x instanceof double[] || x instanceof long[];
    }

    static int floatKey(float v) {
        int b = v != v ? 0x7fc00000 : Float.floatToRawIntBits(v == 0 ? 0f : v);
        return b ^ ((b >> 31) & 0x7fffffff);
    }

    static long doubleKey(double v) {
        long b = v != v ? 0x7ff8000000000000L : Double.doubleToRawLongBits(v == 0 ? 0d : v);
        return b ^ ((b >> 63) & 0x7fffffffffffffffL);
    }

    /**
     * keys[j] for j in [0, r) from x[base + j*stride]: packed (key32 << 32 | j) for float/int,
     * the 64-bit key for double/long; reversed (~key) when descending.
     */
    static void keys(Object x, int base, int stride, int r, boolean descending, long[] keys) {
        long flip = descending ? -1L : 0L;
        switch (x) {
            case float[] a -> { for (int j = 0; j < r; j++) keys[j] = pack(floatKey(a[base + j * stride]) ^ (int) flip, j); }
            case int[] a -> { for (int j = 0; j < r; j++) keys[j] = pack(a[base + j * stride] ^ (int) flip, j); }
            case byte[] a -> { for (int j = 0; j < r; j++) keys[j] = pack(a[base + j * stride] ^ (int) flip, j); }
            case double[] a -> { for (int j = 0; j < r; j++) keys[j] = doubleKey(a[base + j * stride]) ^ flip; }
            case long[] a -> { for (int j = 0; j < r; j++) keys[j] = a[base + j * stride] ^ flip; }
            default -> throw new IllegalArgumentException("sort: unsupported array type " + x.getClass().getSimpleName());
        }
    }

    private static long pack(int key, int j) {
        return ((long) key << 32) | j;
    }

    /** y[yBase + t*stride] = x[xBase + perm[t]*stride] for t in [0, k). */
    static void take(Object x, int xBase, int stride, int[] perm, int k, Object y, int yBase) {
        switch (x) {
            case float[] a -> { float[] b = (float[]) y; for (int t = 0; t < k; t++) b[yBase + t * stride] = a[xBase + perm[t] * stride]; }
            case int[] a -> { int[] b = (int[]) y; for (int t = 0; t < k; t++) b[yBase + t * stride] = a[xBase + perm[t] * stride]; }
            case byte[] a -> { byte[] b = (byte[]) y; for (int t = 0; t < k; t++) b[yBase + t * stride] = a[xBase + perm[t] * stride]; }
            case double[] a -> { double[] b = (double[]) y; for (int t = 0; t < k; t++) b[yBase + t * stride] = a[xBase + perm[t] * stride]; }
            case long[] a -> { long[] b = (long[]) y; for (int t = 0; t < k; t++) b[yBase + t * stride] = a[xBase + perm[t] * stride]; }
            default -> throw new IllegalArgumentException("sort: unsupported array type " + x.getClass().getSimpleName());
        }
    }
}
