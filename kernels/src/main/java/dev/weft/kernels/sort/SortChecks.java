package dev.weft.kernels.sort;

/** Argument checks of the sort kernels; messages name the kernel and every size. */
final class SortChecks {
    private SortChecks() {}

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

    static void need(String kernel, String name, int len, int off, int count, String formula) {
        if (off < 0 || (long) off + count > len)
            throw new IllegalArgumentException(kernel + ": " + name + " has " + len + " elements, offset " + off
                    + " needs " + formula + " = " + count + " more");
    }

    static String list(int... v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ", ").append(v[i]);
        return b.append(')').toString();
    }
}
