package dev.weft.kernels.index;

import dev.weft.kernels.Parallel;

/**
 * scatter and scatter_reduce along the middle dim of contiguous (outer, d, inner) operands.
 *
 * <pre>
 * y: (outer, dY, inner) at yOff;  idx, src: (outer, dS, inner)
 * scatter:        y[o, idx[o, j, i], i] = src[o, j, i]
 * scatterReduce:  y[o, idx[o, j, i], i] = fn(y[o, idx[o, j, i], i], src[o, j, i])
 * </pre>
 * Every index is checked before y is touched (an IndexOutOfBoundsException names the index, its
 * position in idx and dY; y is then unchanged). Sources are applied in increasing (j, i) order within
 * each o, so a repeated target keeps the last write (scatter) or reduces in that order; different o
 * never share a target, so the split over o is deterministic. y is modified in place, the rest read.
 */
public final class Scatter {
    private Scatter() {}

    static final int CHUNK = 2048;

    /**
     * y[o, idx[o,j,i], i] = src[o,j,i]; the last write to a target wins.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatter(float[] src, int sOff, long[] idx, int idxOff, int outer, int dS, int inner, float[] y, int yOff, int dY) {
        run(src, src.length, sOff, idx, idxOff, outer, dS, inner, y, y.length, yOff, dY);
    }

    /**
     * y[o, idx[o,j,i], i] = src[o,j,i]; the last write to a target wins.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatter(double[] src, int sOff, long[] idx, int idxOff, int outer, int dS, int inner, double[] y, int yOff, int dY) {
        run(src, src.length, sOff, idx, idxOff, outer, dS, inner, y, y.length, yOff, dY);
    }

    /**
     * y[o, idx[o,j,i], i] = src[o,j,i]; the last write to a target wins.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatter(int[] src, int sOff, long[] idx, int idxOff, int outer, int dS, int inner, int[] y, int yOff, int dY) {
        run(src, src.length, sOff, idx, idxOff, outer, dS, inner, y, y.length, yOff, dY);
    }

    /**
     * y[o, idx[o,j,i], i] = src[o,j,i]; the last write to a target wins.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatter(long[] src, int sOff, long[] idx, int idxOff, int outer, int dS, int inner, long[] y, int yOff, int dY) {
        run(src, src.length, sOff, idx, idxOff, outer, dS, inner, y, y.length, yOff, dY);
    }

    /**
     * y[o, idx[o,j,i], i] = src[o,j,i]; the last write to a target wins.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatter(byte[] src, int sOff, long[] idx, int idxOff, int outer, int dS, int inner, byte[] y, int yOff, int dY) {
        run(src, src.length, sOff, idx, idxOff, outer, dS, inner, y, y.length, yOff, dY);
    }

    /**
     * torch.scatter_reduce on y in place (y holds the "self" values): with includeSelf every target
     * reduces its own value with the sources sent to it; without, a target that receives sources is
     * replaced by the reduction of those sources alone, and one that receives none keeps its value.
     * MEAN divides by the number of values reduced (sources, plus one with includeSelf).
     *
     * @param fn the function to apply
     * @param includeSelf whether self's own values take part in the reduction
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatterReduce(ScatterReduceFn fn, boolean includeSelf, float[] src, int sOff, long[] idx, int idxOff,
                                     int outer, int dS, int inner, float[] y, int yOff, int dY) {
        check("scatterReduce", src.length, sOff, idx, idxOff, outer, dS, inner, y.length, yOff, dY);
        ScatterReduceF32.reduce(fn, includeSelf, src, sOff, idx, idxOff, outer, dS, inner, y, yOff, dY);
    }

    /**
     * torch.scatter_reduce on y in place (see the float overload).
     *
     * @param fn the function to apply
     * @param includeSelf whether self's own values take part in the reduction
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatterReduce(ScatterReduceFn fn, boolean includeSelf, double[] src, int sOff, long[] idx, int idxOff,
                                     int outer, int dS, int inner, double[] y, int yOff, int dY) {
        check("scatterReduce", src.length, sOff, idx, idxOff, outer, dS, inner, y.length, yOff, dY);
        ScatterReduceF64.reduce(fn, includeSelf, src, sOff, idx, idxOff, outer, dS, inner, y, yOff, dY);
    }

    /**
     * y[o, idx[o,j,i], i] += src[o,j,i] (scatterReduce(SUM, true)).
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatterAdd(float[] src, int sOff, long[] idx, int idxOff, int outer, int dS, int inner, float[] y, int yOff, int dY) {
        scatterReduce(ScatterReduceFn.SUM, true, src, sOff, idx, idxOff, outer, dS, inner, y, yOff, dY);
    }

    /**
     * y[o, idx[o,j,i], i] += src[o,j,i] (scatterReduce(SUM, true)).
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     * @param outer number of outer slices (product of the dims before dim)
     * @param dS size of src along dim
     * @param inner number of inner columns (product of the dims after dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param dY size of y along dim
     */
    public static void scatterAdd(double[] src, int sOff, long[] idx, int idxOff, int outer, int dS, int inner, double[] y, int yOff, int dY) {
        scatterReduce(ScatterReduceFn.SUM, true, src, sOff, idx, idxOff, outer, dS, inner, y, yOff, dY);
    }

    static void check(String k, int srcLen, int sOff, long[] idx, int idxOff, int outer, int dS, int inner,
                      int yLen, int yOff, int dY) {
        int ns = IndexChecks.sizes(k, "(outer, dS, inner)", outer, dS, inner);
        int ny = IndexChecks.sizes(k, "(outer, dY, inner)", outer, dY, inner);
        String fs = "outer*dS*inner = " + outer + "*" + dS + "*" + inner;
        IndexChecks.need(k, "src", srcLen, sOff, ns, fs);
        IndexChecks.need(k, "idx", idx.length, idxOff, ns, fs);
        IndexChecks.need(k, "y", yLen, yOff, ny, "outer*dY*inner = " + outer + "*" + dY + "*" + inner);
        IndexChecks.indices(k, idx, idxOff, ns, dY);
    }

    private static void run(Object src, int srcLen, int sOff, long[] idx, int idxOff, int outer, int dS, int inner,
                            Object y, int yLen, int yOff, int dY) {
        check("scatter", srcLen, sOff, idx, idxOff, outer, dS, inner, yLen, yOff, dY);
        int per = dS * inner;
        if (per == 0) return;
        Parallel.forRows(outer, per, (o0, o1) -> {
            int[] off = new int[Math.min(CHUNK, per)];
            for (int o = o0; o < o1; o++) {
                int yBase = yOff + o * dY * inner;
                for (int c = 0; c < per; c += CHUNK) {
                    int n = Math.min(CHUNK, per - c);
                    for (int t = 0; t < n; t++) {
                        int q = c + t, p = o * per + q;
                        off[t] = yBase + (int) idx[idxOff + p] * inner + q % inner;
                    }
                    Moves.put(src, sOff + o * per + c, off, n, y);
                }
            }
        });
    }
}
