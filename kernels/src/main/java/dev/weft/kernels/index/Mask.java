package dev.weft.kernels.index;

import dev.weft.kernels.KernelImpl;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Mask compaction: count, masked_select and nonzero over flat (n) operands. A mask is a byte[] whose
 * nonzero bytes are true (BOOL/U8 storage); the value overloads of nonzero/countNonzero treat
 * {@code v != 0} as true (so -0.0 is zero and NaN nonzero). countNonzero has a Vector API twin
 * (byte compare + trueCount); the compactions are data movement through offset lists (see Moves).
 */
public final class Mask {
    private Mask() {}

    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    private static final int CHUNK = 2048;

    /**
     * {@return number of nonzero bytes in mask[off, off + n)}
     *
     * @param mask the mask (non-zero bytes select)
     * @param off index of the first element
     * @param n number of elements
     */
    public static int countNonzero(byte[] mask, int off, int n) {
        IndexChecks.need("countNonzero", "mask", mask.length, off, checkN("countNonzero", n), "n");
        return KernelImpl.current() == KernelImpl.SIMD ? countSimd(mask, off, n) : countScalar(mask, off, n);
    }

    /**
     * {@return number of x[off + t] != 0, t in [0, n)}
     *
     * @param x the input array
     * @param off index of the first element
     * @param n number of elements
     */
    public static int countNonzero(float[] x, int off, int n) { return countValues(x, x.length, off, n); }

    /**
     * {@return number of x[off + t] != 0, t in [0, n)}
     *
     * @param x the input array
     * @param off index of the first element
     * @param n number of elements
     */
    public static int countNonzero(double[] x, int off, int n) { return countValues(x, x.length, off, n); }

    /**
     * {@return number of x[off + t] != 0, t in [0, n)}
     *
     * @param x the input array
     * @param off index of the first element
     * @param n number of elements
     */
    public static int countNonzero(int[] x, int off, int n) { return countValues(x, x.length, off, n); }

    /**
     * {@return number of x[off + t] != 0, t in [0, n)}
     *
     * @param x the input array
     * @param off index of the first element
     * @param n number of elements
     */
    public static int countNonzero(long[] x, int off, int n) { return countValues(x, x.length, off, n); }

    static int countScalar(byte[] mask, int off, int n) {
        int c = 0;
        for (int t = 0; t < n; t++) if (mask[off + t] != 0) c++;
        return c;
    }

    static int countSimd(byte[] mask, int off, int n) {
        int c = 0, t = 0, bound = BYTES.loopBound(n);
        for (; t < bound; t += BYTES.length())
            c += ByteVector.fromArray(BYTES, mask, off + t).compare(VectorOperators.NE, (byte) 0).trueCount();
        for (; t < n; t++) if (mask[off + t] != 0) c++;
        return c;
    }

    /**
     * y[yOff ..] = x[xOff + t] for each t in [0, n) with mask[mOff + t] != 0, in order; returns the
     * number written. y must hold that many from yOff (an error otherwise, before anything is written).
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param mask the mask (non-zero bytes select)
     * @param mOff index of mask's first element
     * @param n number of elements
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @return the number of elements written to y
     */
    public static int maskedSelect(float[] x, int xOff, byte[] mask, int mOff, int n, float[] y, int yOff) {
        return select(x, x.length, xOff, mask, mOff, n, y, y.length, yOff);
    }

    /**
     * masked_select on F64 (see the float overload); returns the number written.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param mask the mask (non-zero bytes select)
     * @param mOff index of mask's first element
     * @param n number of elements
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @return the number of elements written to y
     */
    public static int maskedSelect(double[] x, int xOff, byte[] mask, int mOff, int n, double[] y, int yOff) {
        return select(x, x.length, xOff, mask, mOff, n, y, y.length, yOff);
    }

    /**
     * masked_select on I32 (see the float overload); returns the number written.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param mask the mask (non-zero bytes select)
     * @param mOff index of mask's first element
     * @param n number of elements
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @return the number of elements written to y
     */
    public static int maskedSelect(int[] x, int xOff, byte[] mask, int mOff, int n, int[] y, int yOff) {
        return select(x, x.length, xOff, mask, mOff, n, y, y.length, yOff);
    }

    /**
     * masked_select on I64 (see the float overload); returns the number written.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param mask the mask (non-zero bytes select)
     * @param mOff index of mask's first element
     * @param n number of elements
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @return the number of elements written to y
     */
    public static int maskedSelect(long[] x, int xOff, byte[] mask, int mOff, int n, long[] y, int yOff) {
        return select(x, x.length, xOff, mask, mOff, n, y, y.length, yOff);
    }

    /**
     * masked_select on bytes (see the float overload); returns the number written.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param mask the mask (non-zero bytes select)
     * @param mOff index of mask's first element
     * @param n number of elements
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @return the number of elements written to y
     */
    public static int maskedSelect(byte[] x, int xOff, byte[] mask, int mOff, int n, byte[] y, int yOff) {
        return select(x, x.length, xOff, mask, mOff, n, y, y.length, yOff);
    }

    /**
     * Coordinates of the true elements of mask (shape {@code shape}, row-major, n = prod(shape)) as
     * rows of out: (count, ndim) at outOff, in row-major order of the elements; returns count. out must
     * hold count*ndim longs from outOff (use {@link #countNonzero} to size it). A 0-d shape has one
     * element and writes no coordinates.
     *
     * @param mask the mask (non-zero bytes select)
     * @param mOff index of mask's first element
     * @param shape the shape (sizes of each dim)
     * @param out the output array (written)
     * @param outOff index of out's first element
     * @return count, the number of true elements (rows written to out)
     */
    public static int nonzero(byte[] mask, int mOff, int[] shape, long[] out, int outOff) {
        int n = numel(shape);
        IndexChecks.need("nonzero", "mask", mask.length, mOff, n, "prod" + IndexChecks.list(shape));
        return coordinates(mask, mOff, shape, n, out, outOff);
    }

    /**
     * nonzero over values (x != 0); see the mask overload.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param shape the shape (sizes of each dim)
     * @param out the output array (written)
     * @param outOff index of out's first element
     * @return the number of nonzero elements (rows written to out)
     */
    public static int nonzero(float[] x, int xOff, int[] shape, long[] out, int outOff) { return nonzeroValues(x, x.length, xOff, shape, out, outOff); }

    /**
     * nonzero over values (x != 0); see the mask overload.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param shape the shape (sizes of each dim)
     * @param out the output array (written)
     * @param outOff index of out's first element
     * @return the number of nonzero elements (rows written to out)
     */
    public static int nonzero(double[] x, int xOff, int[] shape, long[] out, int outOff) { return nonzeroValues(x, x.length, xOff, shape, out, outOff); }

    /**
     * nonzero over values (x != 0); see the mask overload.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param shape the shape (sizes of each dim)
     * @param out the output array (written)
     * @param outOff index of out's first element
     * @return the number of nonzero elements (rows written to out)
     */
    public static int nonzero(int[] x, int xOff, int[] shape, long[] out, int outOff) { return nonzeroValues(x, x.length, xOff, shape, out, outOff); }

    /**
     * nonzero over values (x != 0); see the mask overload.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param shape the shape (sizes of each dim)
     * @param out the output array (written)
     * @param outOff index of out's first element
     * @return the number of nonzero elements (rows written to out)
     */
    public static int nonzero(long[] x, int xOff, int[] shape, long[] out, int outOff) { return nonzeroValues(x, x.length, xOff, shape, out, outOff); }

    private static int checkN(String k, int n) {
        if (n < 0) throw new IllegalArgumentException(k + ": n = " + n + " must be >= 0");
        return n;
    }

    private static int numel(int[] shape) {
        return IndexChecks.sizes("nonzero", "shape", shape);
    }

    private static int countValues(Object x, int len, int off, int n) {
        IndexChecks.need("countNonzero", "x", len, off, checkN("countNonzero", n), "n");
        byte[] flags = new byte[Math.min(CHUNK, n)];
        int c = 0;
        for (int s = 0; s < n; s += CHUNK) {
            int m = Math.min(CHUNK, n - s);
            Moves.nonzeroFlags(x, off + s, m, flags);
            c += countNonzero(flags, 0, m);
        }
        return c;
    }

    private static int select(Object x, int xLen, int xOff, byte[] mask, int mOff, int n, Object y, int yLen, int yOff) {
        String k = "maskedSelect";
        checkN(k, n);
        IndexChecks.need(k, "x", xLen, xOff, n, "n");
        IndexChecks.need(k, "mask", mask.length, mOff, n, "n");
        int count = countNonzero(mask, mOff, n);
        IndexChecks.need(k, "y", yLen, yOff, count, "the number of true mask elements");
        int[] off = new int[Math.min(CHUNK, count)];
        int w = 0, d = yOff;
        for (int t = 0; t < n; t++) {
            if (mask[mOff + t] == 0) continue;
            off[w++] = xOff + t;
            if (w == off.length) {
                Moves.take(x, off, w, y, d);
                d += w;
                w = 0;
            }
        }
        Moves.take(x, off, w, y, d);
        return count;
    }

    private static int nonzeroValues(Object x, int len, int off, int[] shape, long[] out, int outOff) {
        int n = numel(shape);
        IndexChecks.need("nonzero", "x", len, off, n, "prod" + IndexChecks.list(shape));
        byte[] flags = new byte[n];
        Moves.nonzeroFlags(x, off, n, flags);
        return coordinates(flags, 0, shape, n, out, outOff);
    }

    private static int coordinates(byte[] mask, int mOff, int[] shape, int n, long[] out, int outOff) {
        int nd = shape.length;
        int count = countNonzero(mask, mOff, n);
        IndexChecks.need("nonzero", "out", out.length, outOff, IndexChecks.sizes("nonzero", "(count, ndim)", count, nd),
                "count*ndim = " + count + "*" + nd);
        int[] coord = new int[nd];
        int w = outOff;
        for (int t = 0; t < n; t++) {
            if (mask[mOff + t] != 0) {
                for (int d = 0; d < nd; d++) out[w++] = coord[d];
            }
            for (int d = nd - 1; d >= 0; d--) {
                if (++coord[d] < shape[d]) break;
                coord[d] = 0;
            }
        }
        return count;
    }
}
