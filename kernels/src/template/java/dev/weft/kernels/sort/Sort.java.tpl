//@class Sort
package dev.weft.kernels.sort;

import dev.weft.kernels.Parallel;

/**
 * sort and topk along the middle dim of contiguous (outer, r, inner) operands, on F32, F64, I32, I64 and bytes (signed).
 *
 * <pre>
 * x: (outer, r, inner) at xOff;  sort: y, idx: (outer, r, inner);  topk: y, idx: (outer, k, inner)
 * y[o, t, i] = x[o, idx[o, t, i], i]
 * </pre>
 * Order: NaN sorts as the largest value (all NaNs equal), -0.0 equals 0.0. Both kernels are stable:
 * equal keys keep their original order, in descending order too, so the stable flag costs nothing and
 * topk returns exactly the first k of the stable sort, indices included. Each line is ordered through
 * dtype-free long keys (SortKeys) by the JDK's primitive sort or a merge sort; there is no Vector API
 * twin (branchy merging does not vectorize in the Vector API, and the JDK's primitive sort already
 * uses its own vectorized intrinsic where the CPU has one). Lines are split over the shared pool;
 * y and idx are overwritten and must not overlap x.
 */
public final class Sort {
    private Sort() {}

    /**
     * Sorts each line along r; idx gets the source positions. NaN is largest; always stable.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the sorted one)
     * @param r length of the sorted dim
     * @param inner number of inner columns (product of the dims after the sorted one)
     * @param descending sort largest first
     * @param stable keep equal elements in their input order
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the I64 positions along dim of the values (written)
     * @param idxOff index of idx's first element
     */
    public static void sort(float[] x, int xOff, int outer, int r, int inner, boolean descending, boolean stable,
                            float[] y, int yOff, long[] idx, int idxOff) {
        run("sort", x, x.length, xOff, outer, r, inner, r, descending, true, y, y.length, yOff, idx, idxOff);
    }

    //@each F64 I32 I64
    /**
     * Sorts each line along r (see the float overload).
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the sorted one)
     * @param r length of the sorted dim
     * @param inner number of inner columns (product of the dims after the sorted one)
     * @param descending sort largest first
     * @param stable keep equal elements in their input order
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the I64 positions along dim of the values (written)
     * @param idxOff index of idx's first element
     */
    public static void sort(${s}[] x, int xOff, int outer, int r, int inner, boolean descending, boolean stable,
                            ${s}[] y, int yOff, long[] idx, int idxOff) {
        run("sort", x, x.length, xOff, outer, r, inner, r, descending, true, y, y.length, yOff, idx, idxOff);
    }
    //@end

    /**
     * Sorts each line along r (see the float overload); bytes compare as signed values.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the sorted one)
     * @param r length of the sorted dim
     * @param inner number of inner columns (product of the dims after the sorted one)
     * @param descending sort largest first
     * @param stable keep equal elements in their input order
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the I64 positions along dim of the values (written)
     * @param idxOff index of idx's first element
     */
    public static void sort(byte[] x, int xOff, int outer, int r, int inner, boolean descending, boolean stable,
                            byte[] y, int yOff, long[] idx, int idxOff) {
        run("sort", x, x.length, xOff, outer, r, inner, r, descending, true, y, y.length, yOff, idx, idxOff);
    }

    /**
     * The k largest (or smallest) of each line: y, idx: (outer, k, inner). Sorted: in sort order
     * (descending for largest), ties by position; not sorted: the same elements in increasing position.
     * Partial selection (a bounded heap) when k is small against r, a full sort otherwise.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the sorted one)
     * @param r length of the sorted dim
     * @param inner number of inner columns (product of the dims after the sorted one)
     * @param k number of elements to keep
     * @param largest take the k largest (else the k smallest)
     * @param sorted return the k elements in sorted order
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the I64 positions along dim of the values (written)
     * @param idxOff index of idx's first element
     */
    public static void topk(float[] x, int xOff, int outer, int r, int inner, int k, boolean largest, boolean sorted,
                            float[] y, int yOff, long[] idx, int idxOff) {
        run("topk", x, x.length, xOff, outer, r, inner, k, largest, sorted, y, y.length, yOff, idx, idxOff);
    }

    //@each F64 I32 I64
    /**
     * topk on ${D} (see the float overload).
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the sorted one)
     * @param r length of the sorted dim
     * @param inner number of inner columns (product of the dims after the sorted one)
     * @param k number of elements to keep
     * @param largest take the k largest (else the k smallest)
     * @param sorted return the k elements in sorted order
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the I64 positions along dim of the values (written)
     * @param idxOff index of idx's first element
     */
    public static void topk(${s}[] x, int xOff, int outer, int r, int inner, int k, boolean largest, boolean sorted,
                            ${s}[] y, int yOff, long[] idx, int idxOff) {
        run("topk", x, x.length, xOff, outer, r, inner, k, largest, sorted, y, y.length, yOff, idx, idxOff);
    }
    //@end

    /**
     * topk on bytes, compared as signed values (see the float overload).
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the sorted one)
     * @param r length of the sorted dim
     * @param inner number of inner columns (product of the dims after the sorted one)
     * @param k number of elements to keep
     * @param largest take the k largest (else the k smallest)
     * @param sorted return the k elements in sorted order
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the I64 positions along dim of the values (written)
     * @param idxOff index of idx's first element
     */
    public static void topk(byte[] x, int xOff, int outer, int r, int inner, int k, boolean largest, boolean sorted,
                            byte[] y, int yOff, long[] idx, int idxOff) {
        run("topk", x, x.length, xOff, outer, r, inner, k, largest, sorted, y, y.length, yOff, idx, idxOff);
    }

    private static void run(String kernel, Object x, int xLen, int xOff, int outer, int r, int inner, int k,
                            boolean descending, boolean sorted, Object y, int yLen, int yOff, long[] idx, int idxOff) {
        int nx = SortChecks.sizes(kernel, "(outer, r, inner)", outer, r, inner);
        if (k < 0 || k > r)
            throw new IllegalArgumentException(kernel + ": k = " + k + " must be in [0, r] with r = " + r);
        int ny = SortChecks.sizes(kernel, "(outer, k, inner)", outer, k, inner);
        String fy = kernel.equals("sort") ? "outer*r*inner = " + outer + "*" + r + "*" + inner
                : "outer*k*inner = " + outer + "*" + k + "*" + inner;
        SortChecks.need(kernel, "x", xLen, xOff, nx, "outer*r*inner = " + outer + "*" + r + "*" + inner);
        SortChecks.need(kernel, "y", yLen, yOff, ny, fy);
        SortChecks.need(kernel, "idx", idx.length, idxOff, ny, fy);
        if (ny == 0) return;
        boolean packed = !SortKeys.wide(x);
        boolean full = k == r && sorted;
        int lines = outer * inner;
        Parallel.forRows(lines, r, 8192, (l0, l1) -> {
            LineSort ls = new LineSort(r);
            for (int l = l0; l < l1; l++) {
                int o = l / inner, i = l - o * inner;
                int xb = xOff + o * r * inner + i, yb = o * k * inner + i;
                SortKeys.keys(x, xb, inner, r, descending, ls.keys());
                int[] perm = full ? ls.sort(r, packed) : ls.select(r, k, packed, sorted);
                SortKeys.take(x, xb, inner, perm, k, y, yOff + yb);
                for (int t = 0; t < k; t++) idx[idxOff + yb + t * inner] = perm[t];
            }
        });
    }
}
