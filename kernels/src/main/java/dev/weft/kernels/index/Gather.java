package dev.weft.kernels.index;

import dev.weft.kernels.Parallel;

/**
 * gather along the middle dim of contiguous (outer, d, inner) operands, on every value dtype.
 *
 * <pre>
 * x: (outer, dX, inner) at xOff;  idx, y: (outer, dY, inner)
 * y[o, j, i] = x[o, idx[o, j, i], i]
 * </pre>
 * Indices are I64; one outside [0, dX) is an IndexOutOfBoundsException naming it, its position in idx
 * and dX. Pure data movement: offsets are computed once per chunk and moved by a per-dtype loop
 * ({@link Moves}, which says why there is no Vector API twin). Work is split over fixed chunks of the
 * output; y is overwritten, x and idx are read only.
 */
public final class Gather {
    private Gather() {}

    static final int CHUNK = 2048;

    /**
     * y[o, j, i] = x[o, idx[o, j, i], i].
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param dY size of y along dim
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void gather(float[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int dY, float[] y, int yOff) {
        run(x, x.length, xOff, outer, dX, inner, idx, idxOff, dY, y, y.length, yOff);
    }

    /**
     * y[o, j, i] = x[o, idx[o, j, i], i].
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param dY size of y along dim
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void gather(double[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int dY, double[] y, int yOff) {
        run(x, x.length, xOff, outer, dX, inner, idx, idxOff, dY, y, y.length, yOff);
    }

    /**
     * y[o, j, i] = x[o, idx[o, j, i], i].
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param dY size of y along dim
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void gather(int[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int dY, int[] y, int yOff) {
        run(x, x.length, xOff, outer, dX, inner, idx, idxOff, dY, y, y.length, yOff);
    }

    /**
     * y[o, j, i] = x[o, idx[o, j, i], i].
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param dY size of y along dim
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void gather(long[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int dY, long[] y, int yOff) {
        run(x, x.length, xOff, outer, dX, inner, idx, idxOff, dY, y, y.length, yOff);
    }

    /**
     * y[o, j, i] = x[o, idx[o, j, i], i].
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param dY size of y along dim
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void gather(byte[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int dY, byte[] y, int yOff) {
        run(x, x.length, xOff, outer, dX, inner, idx, idxOff, dY, y, y.length, yOff);
    }

    private static void run(Object x, int xLen, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int dY,
                            Object y, int yLen, int yOff) {
        String k = "gather";
        int nx = IndexChecks.sizes(k, "(outer, dX, inner)", outer, dX, inner);
        int ny = IndexChecks.sizes(k, "(outer, dY, inner)", outer, dY, inner);
        String fy = "outer*dY*inner = " + outer + "*" + dY + "*" + inner;
        IndexChecks.need(k, "x", xLen, xOff, nx, "outer*dX*inner = " + outer + "*" + dX + "*" + inner);
        IndexChecks.need(k, "idx", idx.length, idxOff, ny, fy);
        IndexChecks.need(k, "y", yLen, yOff, ny, fy);
        try {
            parallelGather(x, xOff, dX, inner, idx, idxOff, dY, y, yOff, ny);
        } catch (RuntimeException e) {
            // a bad index found on a pool thread comes back without its message (the pool re-creates
            // the exception); find the first bad index here so the error is precise and deterministic
            IndexChecks.indices(k, idx, idxOff, ny, dX);
            throw e;
        }
    }

    private static void parallelGather(Object x, int xOff, int dX, int inner, long[] idx, int idxOff, int dY,
                                       Object y, int yOff, int ny) {
        String k = "gather";
        Parallel.forElements(ny, (p0, p1) -> {
            int[] off = new int[Math.min(CHUNK, p1 - p0)];
            for (int c = p0; c < p1; c += CHUNK) {
                int n = Math.min(CHUNK, p1 - c);
                int row = c / inner, i = c - row * inner, o = row / dY;
                int rowEnd = (row + 1) * inner, base = xOff + o * dX * inner;
                for (int t = 0; t < n; t++) {
                    int p = c + t;
                    if (p == rowEnd) {
                        row++;
                        rowEnd += inner;
                        i = 0;
                        if (row % dY == 0) base += dX * inner;
                    }
                    long v = idx[idxOff + p];
                    if (v < 0 || v >= dX) IndexChecks.index(k, v, p, dX);
                    off[t] = base + (int) v * inner + i++;
                }
                Moves.take(x, off, n, y, yOff + c);
            }
        });
    }
}
