//@class Convert
package dev.weft.kernels.elementwise;

import dev.weft.kernels.Parallel;

/**
 * Strided dtype conversion between float[], double[], int[], long[] and byte[] (BOOL) runs:
 * dst[dOff + i*dStride] = cast(src[sOff + i*sStride]). Casts follow Java: float -> int/long truncates toward zero
 * (NaN -> 0, out-of-range saturates), long -> int wraps, anything -> BOOL is x != 0 (NaN -> 1), BOOL reads as
 * unsigned 0..255. One class, plain loops (C2 vectorizes the unit-stride ones); no separate SIMD twin.
 */
public final class Convert {
    private Convert() {}

    /** Elements per parallel chunk. */
    public static final int GRAIN = 64 * 1024;

    /**
     * Converts n elements from src to dst; src/dst are float[]|double[]|int[]|long[]|byte[]. Writes dst.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param sStride step between consecutive elements of src
     * @param dst the destination array (written)
     * @param dOff index of dst's first element
     * @param dStride step between consecutive elements of dst
     * @param n number of elements
     */
    public static void convert(Object src, int sOff, int sStride, Object dst, int dOff, int dStride, int n) {
        int sLen = KernelChecks.lengthOf("convert", src), dLen = KernelChecks.lengthOf("convert", dst);
        String what = KernelChecks.dtypeOf(src) + " -> " + KernelChecks.dtypeOf(dst);
        KernelChecks.range("convert", what, "src", sLen, sOff, sStride, n);
        KernelChecks.range("convert", what, "dst", dLen, dOff, dStride, n);
        KernelChecks.outStride("convert", what, dStride, n);
        if (Parallel.serial(n, GRAIN)) {
            run(src, sOff, sStride, dst, dOff, dStride, n);
        } else {
            Parallel.forRange(n, GRAIN, (from, to) -> run(src, sOff + from * sStride, sStride, dst, dOff + from * dStride, dStride, to - from));
        }
    }

    /**
     * The conversion loop without checks or threading.
     *
     * @param src the source array
     * @param sOff index of src's first element
     * @param sStride step between consecutive elements of src
     * @param dst the destination array (written)
     * @param dOff index of dst's first element
     * @param dStride step between consecutive elements of dst
     * @param n number of elements
     */
    public static void run(Object src, int sOff, int sStride, Object dst, int dOff, int dStride, int n) {
        switch (src) {
            //@each F32 F64 I32 I64
            case ${s}[] s when dst instanceof float[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (float) s[si];
            }
            case ${s}[] s when dst instanceof double[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (double) s[si];
            }
            case ${s}[] s when dst instanceof int[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (int) s[si];
            }
            case ${s}[] s when dst instanceof long[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (long) s[si];
            }
            case ${s}[] s when dst instanceof byte[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (byte) (s[si] != 0 ? 1 : 0);
            }
            //@end
            case byte[] s when dst instanceof float[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (float) (s[si] & 0xFF);
            }
            case byte[] s when dst instanceof double[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (double) (s[si] & 0xFF);
            }
            case byte[] s when dst instanceof int[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (int) (s[si] & 0xFF);
            }
            case byte[] s when dst instanceof long[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (long) (s[si] & 0xFF);
            }
            case byte[] s when dst instanceof byte[] d -> {
                for (int i = 0, si = sOff, di = dOff; i < n; i++, si += sStride, di += dStride) d[di] = (byte) ((s[si] & 0xFF) != 0 ? 1 : 0);
            }
            default -> throw new IllegalArgumentException("convert: unsupported types " + KernelChecks.dtypeOf(src) + " -> "
                    + KernelChecks.dtypeOf(dst) + " (expected float[], double[], int[], long[] or byte[])");
        }
    }
}
