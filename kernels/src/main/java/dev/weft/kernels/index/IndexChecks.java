package dev.weft.kernels.index;

/**
 * Argument checks shared by the index kernels: sizes, array extents and index ranges. Messages name
 * the kernel and every size, e.g. "gather: index 7 at position 3 is out of range for dim of size 5".
 */
final class IndexChecks {
    private IndexChecks() {}

    /** Checks that each size is >= 0 and their product fits an int; returns the product. */
    static int sizes(String kernel, String names, int... sizes) {
        long p = 1;
        for (int s : sizes) {
            if (s < 0) throw new IllegalArgumentException(kernel + ": sizes " + names + " = " + list(sizes) + " must be >= 0");
            p *= s;
            if (p > Integer.MAX_VALUE)
                throw new IllegalArgumentException(kernel + ": sizes " + names + " = " + list(sizes) + " have more than 2^31-1 elements");
        }
        return (int) p;
    }

    /** Checks that an array of length len holds count elements from off. */
    static void need(String kernel, String name, int len, int off, int count, String formula) {
        if (off < 0 || (long) off + count > len)
            throw new IllegalArgumentException(kernel + ": " + name + " has " + len + " elements, offset " + off
                    + " needs " + formula + " = " + count + " more");
    }

    /** Checks that index v, found at position pos of the index array, is in [0, dim). */
    static int index(String kernel, long v, long pos, int dim) {
        if (v < 0 || v >= dim)
            throw new IndexOutOfBoundsException(kernel + ": index " + v + " at position " + pos
                    + " is out of range for dim of size " + dim);
        return (int) v;
    }

    /** Checks idx[off + p] for p in [0, n) against [0, dim). */
    static void indices(String kernel, long[] idx, int off, int n, int dim) {
        for (int p = 0; p < n; p++) {
            long v = idx[off + p];
            if (v < 0 || v >= dim) index(kernel, v, p, dim);
        }
    }

    static String list(int... v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ", ").append(v[i]);
        return b.append(')').toString();
    }
}
