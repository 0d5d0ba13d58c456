package dev.weft.kernels.index;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * index_select and index_add along the middle dim of contiguous (outer, d, inner) operands.
 *
 * <pre>
 * indexSelect: x: (outer, dX, inner), idx: (nIdx) -> y: (outer, nIdx, inner);  y[o, j, :] = x[o, idx[j], :]
 * indexAdd:    src: (outer, nIdx, inner), idx: (nIdx), y: (outer, dY, inner);  y[o, idx[j], :] += alpha * src[o, j, :]
 * </pre>
 * indexSelect is pure data movement on every value dtype: each row of inner elements is one
 * System.arraycopy (the JVM's vectorized copy), so it has no Vector API twin; inner == 1 goes
 * through an offset list. indexAdd is an axpy per row, with a scalar and a Vector API kernel picked
 * by {@link KernelImpl#current()}. Indices outside [0, dX) / [0, dY) are an IndexOutOfBoundsException
 * naming the index, its position and the dim size (indexAdd checks all of them before touching y).
 */
public final class IndexSelect {
    private IndexSelect() {}

    /**
     * y[o, j, :] = x[o, idx[j], :]; y is overwritten.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param nIdx number of indices
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void indexSelect(float[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int nIdx, float[] y, int yOff) {
        select(x, x.length, xOff, outer, dX, inner, idx, idxOff, nIdx, y, y.length, yOff);
    }

    /**
     * y[o, j, :] = x[o, idx[j], :]; y is overwritten.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param nIdx number of indices
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void indexSelect(double[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int nIdx, double[] y, int yOff) {
        select(x, x.length, xOff, outer, dX, inner, idx, idxOff, nIdx, y, y.length, yOff);
    }

    /**
     * y[o, j, :] = x[o, idx[j], :]; y is overwritten.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param nIdx number of indices
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void indexSelect(int[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int nIdx, int[] y, int yOff) {
        select(x, x.length, xOff, outer, dX, inner, idx, idxOff, nIdx, y, y.length, yOff);
    }

    /**
     * y[o, j, :] = x[o, idx[j], :]; y is overwritten.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param nIdx number of indices
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void indexSelect(long[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int nIdx, long[] y, int yOff) {
        select(x, x.length, xOff, outer, dX, inner, idx, idxOff, nIdx, y, y.length, yOff);
    }

    /**
     * y[o, j, :] = x[o, idx[j], :]; y is overwritten.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dX size of x along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param nIdx number of indices
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void indexSelect(byte[] x, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int nIdx, byte[] y, int yOff) {
        select(x, x.length, xOff, outer, dX, inner, idx, idxOff, nIdx, y, y.length, yOff);
    }

    /**
     * y[o, idx[j], :] += alpha * src[o, j, :], in increasing j (repeated indices accumulate); y is modified.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param nIdx number of indices
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param alpha scale applied to the product
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void indexAdd(float[] src, int sOff, int outer, int nIdx, int inner, long[] idx, int idxOff, float alpha,
                                float[] y, int yOff, int dY) {
        checkAdd(src.length, sOff, outer, nIdx, inner, idx, idxOff, y.length, yOff, dY);
        if (KernelImpl.current() == KernelImpl.SIMD) IndexAddSimdF32.indexAdd(src, sOff, outer, nIdx, inner, idx, idxOff, alpha, y, yOff, dY);
        else IndexAddF32.indexAdd(src, sOff, outer, nIdx, inner, idx, idxOff, alpha, y, yOff, dY);
    }

    /**
     * y[o, idx[j], :] += alpha * src[o, j, :], in increasing j (repeated indices accumulate); y is modified.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param nIdx number of indices
     * @param inner number of inner columns (product of the dims after dim)
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param alpha scale applied to the product
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void indexAdd(double[] src, int sOff, int outer, int nIdx, int inner, long[] idx, int idxOff, double alpha,
                                double[] y, int yOff, int dY) {
        checkAdd(src.length, sOff, outer, nIdx, inner, idx, idxOff, y.length, yOff, dY);
        if (KernelImpl.current() == KernelImpl.SIMD) IndexAddSimdF64.indexAdd(src, sOff, outer, nIdx, inner, idx, idxOff, alpha, y, yOff, dY);
        else IndexAddF64.indexAdd(src, sOff, outer, nIdx, inner, idx, idxOff, alpha, y, yOff, dY);
    }

    private static void checkAdd(int srcLen, int sOff, int outer, int nIdx, int inner, long[] idx, int idxOff,
                                 int yLen, int yOff, int dY) {
        String k = "indexAdd";
        int ns = IndexChecks.sizes(k, "(outer, nIdx, inner)", outer, nIdx, inner);
        int ny = IndexChecks.sizes(k, "(outer, dY, inner)", outer, dY, inner);
        IndexChecks.need(k, "src", srcLen, sOff, ns, "outer*nIdx*inner = " + outer + "*" + nIdx + "*" + inner);
        IndexChecks.need(k, "idx", idx.length, idxOff, nIdx, "nIdx");
        IndexChecks.need(k, "y", yLen, yOff, ny, "outer*dY*inner = " + outer + "*" + dY + "*" + inner);
        IndexChecks.indices(k, idx, idxOff, nIdx, dY);
    }

    private static void select(Object x, int xLen, int xOff, int outer, int dX, int inner, long[] idx, int idxOff, int nIdx,
                               Object y, int yLen, int yOff) {
        String k = "indexSelect";
        int nx = IndexChecks.sizes(k, "(outer, dX, inner)", outer, dX, inner);
        int ny = IndexChecks.sizes(k, "(outer, nIdx, inner)", outer, nIdx, inner);
        IndexChecks.need(k, "x", xLen, xOff, nx, "outer*dX*inner = " + outer + "*" + dX + "*" + inner);
        IndexChecks.need(k, "idx", idx.length, idxOff, nIdx, "nIdx");
        IndexChecks.need(k, "y", yLen, yOff, ny, "outer*nIdx*inner = " + outer + "*" + nIdx + "*" + inner);
        IndexChecks.indices(k, idx, idxOff, nIdx, dX);
        if (ny == 0) return;
        int rows = outer * nIdx;
        if (inner == 1) {
            Parallel.forElements(rows, (r0, r1) -> {
                int[] off = new int[Math.min(Gather.CHUNK, r1 - r0)];
                for (int c = r0; c < r1; c += Gather.CHUNK) {
                    int n = Math.min(Gather.CHUNK, r1 - c);
                    for (int t = 0; t < n; t++) {
                        int r = c + t, o = r / nIdx;
                        off[t] = xOff + o * dX + (int) idx[idxOff + r - o * nIdx];
                    }
                    Moves.take(x, off, n, y, yOff + c);
                }
            });
            return;
        }
        Parallel.forRows(rows, inner, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int o = r / nIdx, j = r - o * nIdx;
                System.arraycopy(x, xOff + (o * dX + (int) idx[idxOff + j]) * inner, y, yOff + r * inner, inner);
            }
        });
    }
}
