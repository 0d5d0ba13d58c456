package dev.weft.tensor.cpu;

import dev.weft.tensor.DType;
import dev.weft.tensor.Tensor;

/**
 * Strided copy with dtype conversion between any two CPU tensors of one shape (the body of Clone,
 * CopyInto, Cast and toHost). Same-dtype copies move elements directly; integer/BOOL pairs convert
 * through long (exact), everything else through double. Float to integer truncates toward zero (NaN
 * gives 0, out of range saturates); anything to BOOL is value != 0; BOOL is 0 or 1.
 */
final class CpuConvert {
    private CpuConvert() {}

    private static final int BLOCK = 512;

    /** dst[i] = (dst dtype) src[i] for src already broadcast (expanded) to dst's shape. Modifies dst. */
    static void copy(Tensor src, Tensor dst) {
        copy(CpuStorage.of(src).array(), src.dtype(), src.storageOffset(), src.stride(),
                CpuStorage.of(dst).array(), dst.dtype(), dst.storageOffset(), dst.stride(), dst.shape());
    }

    static void copy(Object sa, DType st, int sOff, int[] sStr, Object da, DType dt, int dOff, int[] dStr, int[] shape) {
        StridedLoop loop = new StridedLoop(shape, new int[] {dOff, sOff}, dStr, sStr);
        int ds = loop.innerStride(0), ss = loop.innerStride(1);
        if (st == dt) {
            loop.run((o, n) -> same(sa, o[1], ss, da, o[0], ds, n));
        } else if (!st.isFloatingPoint() && !dt.isFloatingPoint()) {
            loop.run((o, n) -> {
                long[] tmp = new long[Math.min(n, BLOCK)];
                for (int j = 0; j < n; j += BLOCK) {
                    int m = Math.min(BLOCK, n - j);
                    readLong(sa, o[1] + j * ss, ss, tmp, m);
                    writeLong(da, dt, o[0] + j * ds, ds, tmp, m);
                }
            });
        } else {
            loop.run((o, n) -> {
                double[] tmp = new double[Math.min(n, BLOCK)];
                for (int j = 0; j < n; j += BLOCK) {
                    int m = Math.min(BLOCK, n - j);
                    readDouble(sa, o[1] + j * ss, ss, tmp, m);
                    writeDouble(da, dt, o[0] + j * ds, ds, tmp, m);
                }
            });
        }
    }

    private static void same(Object sa, int so, int ss, Object da, int dOff, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(sa, so, da, dOff, n);
            return;
        }
        switch (da) {
            case float[] d -> {
                float[] s = (float[]) sa;
                for (int i = 0; i < n; i++) d[dOff + i * ds] = s[so + i * ss];
            }
            case double[] d -> {
                double[] s = (double[]) sa;
                for (int i = 0; i < n; i++) d[dOff + i * ds] = s[so + i * ss];
            }
            case int[] d -> {
                int[] s = (int[]) sa;
                for (int i = 0; i < n; i++) d[dOff + i * ds] = s[so + i * ss];
            }
            case long[] d -> {
                long[] s = (long[]) sa;
                for (int i = 0; i < n; i++) d[dOff + i * ds] = s[so + i * ss];
            }
            case byte[] d -> {
                byte[] s = (byte[]) sa;
                for (int i = 0; i < n; i++) d[dOff + i * ds] = s[so + i * ss];
            }
            default -> throw new IllegalStateException("cpu copy: unknown array " + da.getClass());
        }
    }

    private static void readLong(Object a, int off, int st, long[] out, int n) {
        switch (a) {
            case int[] s -> { for (int i = 0; i < n; i++) out[i] = s[off + i * st]; }
            case long[] s -> { for (int i = 0; i < n; i++) out[i] = s[off + i * st]; }
            case byte[] s -> { for (int i = 0; i < n; i++) out[i] = s[off + i * st]; }
            default -> throw new IllegalStateException("cpu convert: not an integer array " + a.getClass());
        }
    }

    private static void writeLong(Object a, DType t, int off, int st, long[] in, int n) {
        switch (a) {
            case int[] d -> { for (int i = 0; i < n; i++) d[off + i * st] = (int) in[i]; }
            case long[] d -> { for (int i = 0; i < n; i++) d[off + i * st] = in[i]; }
            case byte[] d -> { for (int i = 0; i < n; i++) d[off + i * st] = (byte) (in[i] != 0 ? 1 : 0); }
            default -> throw new IllegalStateException("cpu convert: not an integer array " + a.getClass());
        }
    }

    private static void readDouble(Object a, int off, int st, double[] out, int n) {
        switch (a) {
            case float[] s -> { for (int i = 0; i < n; i++) out[i] = s[off + i * st]; }
            case double[] s -> { for (int i = 0; i < n; i++) out[i] = s[off + i * st]; }
            case int[] s -> { for (int i = 0; i < n; i++) out[i] = s[off + i * st]; }
            case long[] s -> { for (int i = 0; i < n; i++) out[i] = s[off + i * st]; }
            case byte[] s -> { for (int i = 0; i < n; i++) out[i] = s[off + i * st]; }
            default -> throw new IllegalStateException("cpu convert: unknown array " + a.getClass());
        }
    }

    private static void writeDouble(Object a, DType t, int off, int st, double[] in, int n) {
        switch (a) {
            case float[] d -> { for (int i = 0; i < n; i++) d[off + i * st] = (float) in[i]; }
            case double[] d -> { for (int i = 0; i < n; i++) d[off + i * st] = in[i]; }
            case int[] d -> { for (int i = 0; i < n; i++) d[off + i * st] = (int) in[i]; }
            case long[] d -> { for (int i = 0; i < n; i++) d[off + i * st] = (long) in[i]; }
            case byte[] d -> { for (int i = 0; i < n; i++) d[off + i * st] = (byte) (in[i] != 0 ? 1 : 0); }
            default -> throw new IllegalStateException("cpu convert: unknown array " + a.getClass());
        }
    }

    /** value converted to dtype's CPU representation, as a one-element copy rule (for fills). */
    static void fill(Object a, double value, int from, int to) {
        switch (a) {
            case float[] d -> java.util.Arrays.fill(d, from, to, (float) value);
            case double[] d -> java.util.Arrays.fill(d, from, to, value);
            case int[] d -> java.util.Arrays.fill(d, from, to, (int) value);
            case long[] d -> java.util.Arrays.fill(d, from, to, (long) value);
            case byte[] d -> java.util.Arrays.fill(d, from, to, (byte) (value != 0 ? 1 : 0));
            default -> throw new IllegalStateException("cpu fill: unknown array " + a.getClass());
        }
    }

    /** a[i] = (dtype) v for one element. */
    static void set(Object a, int i, double v) {
        switch (a) {
            case float[] d -> d[i] = (float) v;
            case double[] d -> d[i] = v;
            case int[] d -> d[i] = (int) v;
            case long[] d -> d[i] = (long) v;
            case byte[] d -> d[i] = (byte) (v != 0 ? 1 : 0);
            default -> throw new IllegalStateException("cpu set: unknown array " + a.getClass());
        }
    }

    /** a[i] = (dtype) v for one integral value (exact for I64). */
    static void setLong(Object a, int i, long v) {
        switch (a) {
            case float[] d -> d[i] = (float) v;
            case double[] d -> d[i] = (double) v;
            case int[] d -> d[i] = (int) v;
            case long[] d -> d[i] = v;
            case byte[] d -> d[i] = (byte) (v != 0 ? 1 : 0);
            default -> throw new IllegalStateException("cpu set: unknown array " + a.getClass());
        }
    }
}
