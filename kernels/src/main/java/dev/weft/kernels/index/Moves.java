package dev.weft.kernels.index;

/**
 * The only per-dtype code of the data-movement kernels: element moves through an offset list, one
 * loop per primitive array type chosen by a pattern switch (the index arithmetic and checks are done
 * once, dtype-free, by the callers). Arrays of different types are a caller bug (ClassCastException).
 * No Vector API twin: a FloatVector index-map gather measured 8-30% slower than the take loop below
 * (AVX2, JDK 25, sources of 4K to 4M floats), and a scatter with repeated targets must keep its
 * order anyway. The scalar loops are checked against naive loops in the gather/scatter tests.
 */
final class Moves {
    private Moves() {}

    /** y[yOff + t] = x[off[t]] for t in [0, n). */
    static void take(Object x, int[] off, int n, Object y, int yOff) {
        switch (x) {
            case float[] a -> { float[] b = (float[]) y; for (int t = 0; t < n; t++) b[yOff + t] = a[off[t]]; }
            case double[] a -> { double[] b = (double[]) y; for (int t = 0; t < n; t++) b[yOff + t] = a[off[t]]; }
            case int[] a -> { int[] b = (int[]) y; for (int t = 0; t < n; t++) b[yOff + t] = a[off[t]]; }
            case long[] a -> { long[] b = (long[]) y; for (int t = 0; t < n; t++) b[yOff + t] = a[off[t]]; }
            case byte[] a -> { byte[] b = (byte[]) y; for (int t = 0; t < n; t++) b[yOff + t] = a[off[t]]; }
            default -> throw new IllegalArgumentException("take: unsupported array type " + x.getClass().getSimpleName());
        }
    }

    /** y[off[t]] = src[sOff + t] for t in [0, n), in increasing t (a repeated target keeps the last write). */
    static void put(Object src, int sOff, int[] off, int n, Object y) {
        switch (src) {
            case float[] a -> { float[] b = (float[]) y; for (int t = 0; t < n; t++) b[off[t]] = a[sOff + t]; }
            case double[] a -> { double[] b = (double[]) y; for (int t = 0; t < n; t++) b[off[t]] = a[sOff + t]; }
            case int[] a -> { int[] b = (int[]) y; for (int t = 0; t < n; t++) b[off[t]] = a[sOff + t]; }
            case long[] a -> { long[] b = (long[]) y; for (int t = 0; t < n; t++) b[off[t]] = a[sOff + t]; }
            case byte[] a -> { byte[] b = (byte[]) y; for (int t = 0; t < n; t++) b[off[t]] = a[sOff + t]; }
            default -> throw new IllegalArgumentException("put: unsupported array type " + src.getClass().getSimpleName());
        }
    }

    /** flags[t] = (x[off + t] != 0) for t in [0, n); -0.0 counts as zero, NaN as nonzero. */
    static void nonzeroFlags(Object x, int off, int n, byte[] flags) {
        switch (x) {
            case float[] a -> { for (int t = 0; t < n; t++) flags[t] = a[off + t] != 0 ? (byte) 1 : 0; }
            case double[] a -> { for (int t = 0; t < n; t++) flags[t] = a[off + t] != 0 ? (byte) 1 : 0; }
            case int[] a -> { for (int t = 0; t < n; t++) flags[t] = a[off + t] != 0 ? (byte) 1 : 0; }
            case long[] a -> { for (int t = 0; t < n; t++) flags[t] = a[off + t] != 0 ? (byte) 1 : 0; }
            case byte[] a -> { for (int t = 0; t < n; t++) flags[t] = a[off + t] != 0 ? (byte) 1 : 0; }
            default -> throw new IllegalArgumentException("nonzero: unsupported array type " + x.getClass().getSimpleName());
        }
    }

    /** Length of any primitive array. */
    static int length(Object a) {
        return java.lang.reflect.Array.getLength(a);
    }
}
