package dev.weft.tensor.cpu;

import dev.weft.kernels.elementwise.Convert;
import dev.weft.kernels.elementwise.Copy;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Strided copy with dtype conversion between CPU arrays (the body of Clone, CopyInto, Cast, toHost and
 * of the temporaries other executors need), over the kernels' Copy and Convert. Float to integer
 * truncates toward zero (NaN gives 0, out of range saturates); anything to BOOL is value != 0.
 */
final class CpuConvert {
    private CpuConvert() {}

    /** dst[i] = (dst dtype) src[i] for src already broadcast (expanded) to dst's shape. Modifies dst. */
    static void copy(Strided src, Strided dst) {
        copy(CpuStorage.of(src).array(), src.storageOffset(), src.stride(),
                CpuStorage.of(dst).array(), dst.storageOffset(), dst.stride(), dst.shape());
    }

    /**
     * Strided copy of shape from (sa, sOff, sStr) into (da, dOff, dStr), converting when the array types
     * differ: kernels' N-d Copy for one type, Convert per innermost run otherwise. Modifies da.
     */
    static void copy(Object sa, int sOff, int[] sStr, Object da, int dOff, int[] dStr, int[] shape) {
        if (Shape.numel(shape) == 0) return;
        if (sa.getClass() == da.getClass()) {
            Copy.copy(sa, sOff, shape, sStr, da, dOff, dStr);
            return;
        }
        StridedLoop loop = new StridedLoop(shape, new int[] {dOff, sOff}, dStr, sStr);
        int ds = loop.innerStride(0), ss = loop.innerStride(1);
        loop.run((o, n) -> Convert.run(sa, o[1], ss, da, o[0], ds, n));
    }

    /**
     * A new row-major array of dtype {@code as} holding x permuted by perm (output dim i = x dim perm[i]);
     * perm null means the identity. The CPU executors' way to bring operands into (outer, r, inner) form.
     */
    static Object contiguous(Strided x, int[] perm, DType as) {
        int[] shape = x.shape(), st = x.stride();
        if (perm != null) {
            int[] ps = new int[shape.length], pst = new int[shape.length];
            for (int i = 0; i < perm.length; i++) {
                ps[i] = shape[perm[i]];
                pst[i] = st[perm[i]];
            }
            shape = ps;
            st = pst;
        }
        Object out = CpuStorage.allocate(as, Shape.numel(shape)).array();
        copy(CpuStorage.of(x).array(), x.storageOffset(), st, out, 0, Shape.contiguousStrides(shape), shape);
        return out;
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
