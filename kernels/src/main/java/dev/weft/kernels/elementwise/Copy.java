package dev.weft.kernels.elementwise;

import dev.weft.kernels.Parallel;

import java.util.Arrays;

/**
 * N-d strided copy (the heart of contiguous()) and strided fill. The copy first drops size-1 dims and merges
 * dims that are contiguous in both source and destination, then walks the outer dims with counters and copies
 * each innermost run with System.arraycopy (both strides 1) or a strided loop; big copies split their outer
 * iterations (or the single run) over the shared pool. Source and destination must not overlap.
 */
public final class Copy {
    private Copy() {}

    /** Elements per parallel chunk. */
    public static final int GRAIN = 64 * 1024;

    /**
     * dst[dOff + sum_d i_d*dStrides[d]] = src[sOff + sum_d i_d*sStrides[d]] for every index i of shape.
     * src and dst are arrays of the same type (float[], double[], int[], long[] or byte[]). Writes dst.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param shape the shape (sizes of each dim)
     * @param sStrides src's strides in elements, one per dim
     * @param dst the destination array (written)
     * @param dOff index of dst's first element
     * @param dStrides dst's strides in elements, one per dim
     */
    public static void copy(Object src, int sOff, int[] shape, int[] sStrides, Object dst, int dOff, int[] dStrides) {
        int sLen = KernelChecks.lengthOf("copy", src), dLen = KernelChecks.lengthOf("copy", dst);
        if (src.getClass() != dst.getClass()) {
            throw new IllegalArgumentException("copy: source " + KernelChecks.dtypeOf(src) + " and destination "
                    + KernelChecks.dtypeOf(dst) + " differ (use Convert for casts)");
        }
        int nd = shape.length;
        if (sStrides.length != nd || dStrides.length != nd) {
            throw new IllegalArgumentException("copy: shape " + Arrays.toString(shape) + ", source strides " + Arrays.toString(sStrides)
                    + " and destination strides " + Arrays.toString(dStrides) + " must have the same rank");
        }
        long total = 1;
        for (int d = 0; d < nd; d++) {
            if (shape[d] < 0) throw new IllegalArgumentException("copy: negative size in shape " + Arrays.toString(shape));
            total *= shape[d];
        }
        if (total == 0) return;
        checkExtent("source", src, sLen, sOff, shape, sStrides);
        checkExtent("destination", dst, dLen, dOff, shape, dStrides);

        // Coalesce: drop size-1 dims, merge (d, d+1) when d steps over exactly one run of d+1 on both sides.
        int[] sh = new int[Math.max(1, nd)], ss = new int[sh.length], ds = new int[sh.length];
        int m = 0;
        for (int d = 0; d < nd; d++) {
            if (shape[d] == 1) continue;
            if (m > 0 && ss[m - 1] == (long) shape[d] * sStrides[d] && ds[m - 1] == (long) shape[d] * dStrides[d]) {
                sh[m - 1] *= shape[d];
                ss[m - 1] = sStrides[d];
                ds[m - 1] = dStrides[d];
            } else {
                sh[m] = shape[d];
                ss[m] = sStrides[d];
                ds[m] = dStrides[d];
                m++;
            }
        }
        if (m == 0) { sh[0] = 1; ss[0] = 1; ds[0] = 1; m = 1; }
        int run = sh[m - 1], rs = ss[m - 1], rd = ds[m - 1];
        if (m == 1) {
            if (Parallel.serial(run, GRAIN)) copyRun(src, sOff, rs, dst, dOff, rd, run);
            else Parallel.forRange(run, GRAIN, (from, to) -> copyRun(src, sOff + from * rs, rs, dst, dOff + from * rd, rd, to - from));
            return;
        }
        int outerDims = m - 1;
        int[] osh = Arrays.copyOf(sh, outerDims), oss = Arrays.copyOf(ss, outerDims), ods = Arrays.copyOf(ds, outerDims);
        int outer = (int) (total / run);
        if (Parallel.serial(total, GRAIN)) {
            outerRange(src, sOff, dst, dOff, osh, oss, ods, run, rs, rd, 0, outer);
        } else {
            Parallel.forRows(outer, run, GRAIN, (from, to) -> outerRange(src, sOff, dst, dOff, osh, oss, ods, run, rs, rd, from, to));
        }
    }

    /** Copies the runs of outer linear indices [from, to): decomposes from into counters, then steps them. */
    private static void outerRange(Object src, int sOff, Object dst, int dOff, int[] sh, int[] ss, int[] ds,
                                   int run, int rs, int rd, int from, int to) {
        int k = sh.length;
        int[] idx = new int[k];
        int s = sOff, d = dOff, rem = from;
        for (int j = k - 1; j >= 0; j--) {
            idx[j] = rem % sh[j];
            rem /= sh[j];
            s += idx[j] * ss[j];
            d += idx[j] * ds[j];
        }
        for (int o = from; o < to; o++) {
            copyRun(src, s, rs, dst, d, rd, run);
            for (int j = k - 1; j >= 0; j--) {
                if (++idx[j] < sh[j]) {
                    s += ss[j];
                    d += ds[j];
                    break;
                }
                idx[j] = 0;
                s -= (sh[j] - 1) * ss[j];
                d -= (sh[j] - 1) * ds[j];
            }
        }
    }

    private static void copyRun(Object src, int s, int ss, Object dst, int d, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(src, s, dst, d, n);
            return;
        }
        switch (src) {
            case float[] a -> { float[] b = (float[]) dst; for (int i = 0; i < n; i++, s += ss, d += ds) b[d] = a[s]; }
            case double[] a -> { double[] b = (double[]) dst; for (int i = 0; i < n; i++, s += ss, d += ds) b[d] = a[s]; }
            case int[] a -> { int[] b = (int[]) dst; for (int i = 0; i < n; i++, s += ss, d += ds) b[d] = a[s]; }
            case long[] a -> { long[] b = (long[]) dst; for (int i = 0; i < n; i++, s += ss, d += ds) b[d] = a[s]; }
            case byte[] a -> { byte[] b = (byte[]) dst; for (int i = 0; i < n; i++, s += ss, d += ds) b[d] = a[s]; }
            default -> throw new IllegalArgumentException("copy: unsupported array type " + KernelChecks.dtypeOf(src));
        }
    }

    private static void checkExtent(String operand, Object array, int length, int off, int[] shape, int[] strides) {
        long lo = off, hi = off;
        for (int d = 0; d < shape.length; d++) {
            long span = (long) (shape[d] - 1) * strides[d];
            if (span > 0) hi += span; else lo += span;
        }
        if (lo < 0 || hi >= length) {
            throw new IndexOutOfBoundsException("copy: " + operand + " (" + KernelChecks.dtypeOf(array) + ", length " + length
                    + ") with offset " + off + ", shape " + Arrays.toString(shape) + ", strides " + Arrays.toString(strides)
                    + " addresses indices " + lo + " .. " + hi);
        }
    }

    /**
     * dst[dOff + i*dStride] = value for {@code i < n}, cast to dst's type (BOOL: value != 0). Writes dst.
     *
     * @param dst the destination array (written)
     * @param dOff index of dst's first element
     * @param dStride step between consecutive elements of dst
     * @param n number of elements
     * @param value the scalar value
     */
    public static void fill(Object dst, int dOff, int dStride, int n, double value) {
        int len = KernelChecks.lengthOf("fill", dst);
        KernelChecks.range("fill", KernelChecks.dtypeOf(dst), "dst", len, dOff, dStride, n);
        switch (dst) {
            case float[] a -> { float v = (float) value; Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, v)); }
            case double[] a -> Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, value));
            case int[] a -> { int v = (int) value; Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, v)); }
            case long[] a -> { long v = (long) value; Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, v)); }
            case byte[] a -> { byte v = (byte) (value != 0 ? 1 : 0); Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, v)); }
            default -> throw new IllegalStateException("fill: unreachable");
        }
    }

    /**
     * As {@link #fill(Object, int, int, int, double)} with an exact integer value (I64 keeps all 64 bits). Writes dst.
     *
     * @param dst the destination array (written)
     * @param dOff index of dst's first element
     * @param dStride step between consecutive elements of dst
     * @param n number of elements
     * @param value the scalar value
     */
    public static void fill(Object dst, int dOff, int dStride, int n, long value) {
        int len = KernelChecks.lengthOf("fill", dst);
        KernelChecks.range("fill", KernelChecks.dtypeOf(dst), "dst", len, dOff, dStride, n);
        switch (dst) {
            case float[] a -> { float v = (float) value; Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, v)); }
            case double[] a -> { double v = (double) value; Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, v)); }
            case int[] a -> { int v = (int) value; Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, v)); }
            case long[] a -> Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, value));
            case byte[] a -> { byte v = (byte) (value != 0 ? 1 : 0); Parallel.forRange(n, GRAIN, (f, t) -> fill(a, dOff + f * dStride, dStride, t - f, v)); }
            default -> throw new IllegalStateException("fill: unreachable");
        }
    }

    private static void fill(float[] a, int off, int stride, int n, float v) {
        if (stride == 1) Arrays.fill(a, off, off + n, v);
        else for (int i = 0; i < n; i++, off += stride) a[off] = v;
    }

    private static void fill(double[] a, int off, int stride, int n, double v) {
        if (stride == 1) Arrays.fill(a, off, off + n, v);
        else for (int i = 0; i < n; i++, off += stride) a[off] = v;
    }

    private static void fill(int[] a, int off, int stride, int n, int v) {
        if (stride == 1) Arrays.fill(a, off, off + n, v);
        else for (int i = 0; i < n; i++, off += stride) a[off] = v;
    }

    private static void fill(long[] a, int off, int stride, int n, long v) {
        if (stride == 1) Arrays.fill(a, off, off + n, v);
        else for (int i = 0; i < n; i++, off += stride) a[off] = v;
    }

    private static void fill(byte[] a, int off, int stride, int n, byte v) {
        if (stride == 1) Arrays.fill(a, off, off + n, v);
        else for (int i = 0; i < n; i++, off += stride) a[off] = v;
    }
}
