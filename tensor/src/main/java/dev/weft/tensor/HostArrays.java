package dev.weft.tensor;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Conversions between the host arrays of Backend.toHost (float[], double[], int[], long[], boolean[]) and Java arrays,
 * the element-wise comparison behind {@link Tensor#allclose}, and single-element reads (item, get). Host-side only.
 */
final class HostArrays {
    private HostArrays() {}

    static double[] toDoubleArray(Object a) {
        return switch (a) {
            case double[] d -> d;
            case float[] f -> {
                double[] o = new double[f.length];
                for (int i = 0; i < f.length; i++) o[i] = f[i];
                yield o;
            }
            case int[] v -> {
                double[] o = new double[v.length];
                for (int i = 0; i < v.length; i++) o[i] = v[i];
                yield o;
            }
            case long[] v -> {
                double[] o = new double[v.length];
                for (int i = 0; i < v.length; i++) o[i] = v[i];
                yield o;
            }
            case boolean[] v -> {
                double[] o = new double[v.length];
                for (int i = 0; i < v.length; i++) o[i] = v[i] ? 1 : 0;
                yield o;
            }
            default -> throw new IllegalArgumentException("not a host array: " + a.getClass());
        };
    }

    static float[] toFloatArray(Object a) {
        if (a instanceof float[] f) return f;
        double[] d = toDoubleArray(a);
        float[] o = new float[d.length];
        for (int i = 0; i < d.length; i++) o[i] = (float) d[i];
        return o;
    }

    static long[] toLongArray(Object a) {
        return switch (a) {
            case long[] l -> l;
            case int[] v -> {
                long[] o = new long[v.length];
                for (int i = 0; i < v.length; i++) o[i] = v[i];
                yield o;
            }
            default -> {
                double[] d = toDoubleArray(a);
                long[] o = new long[d.length];
                for (int i = 0; i < d.length; i++) o[i] = (long) d[i];
                yield o;
            }
        };
    }

    static int[] toIntArray(Object a) {
        if (a instanceof int[] v) return v;
        long[] l = toLongArray(a);
        int[] o = new int[l.length];
        for (int i = 0; i < l.length; i++) o[i] = (int) l[i];
        return o;
    }

    static boolean[] toBooleanArray(Object a) {
        if (a instanceof boolean[] b) return b;
        double[] d = toDoubleArray(a);
        boolean[] o = new boolean[d.length];
        for (int i = 0; i < d.length; i++) o[i] = d[i] != 0;
        return o;
    }

    static boolean allclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        int[] shape;
        try {
            shape = Shape.broadcast("allclose", a.shape(), b.shape());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!java.util.Arrays.equals(shape, a.shape())) return false;
        double[] x = a.toDoubleArray();
        double[] y = b.expand(shape).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                if (!(equalNan && Double.isNaN(x[i]) && Double.isNaN(y[i]))) return false;
            } else if (x[i] != y[i] && !(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- single elements (Tensor.item, itemLong, get)

    static double item(Tensor t) {
        if (t.numel() != 1) {
            throw new IllegalArgumentException("item: expected a tensor with one element, got " + Shape.format(t.shape()));
        }
        return toDoubleArray(element(t, t.storageOffset()))[0];
    }

    static long itemLong(Tensor t) {
        if (t.numel() != 1) {
            throw new IllegalArgumentException("itemLong: expected a tensor with one element, got " + Shape.format(t.shape()));
        }
        return toLongArray(element(t, t.storageOffset()))[0];
    }

    static double get(Tensor t, int[] idx) {
        int[] shape = t.shape(), strides = t.stride();
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("get: " + idx.length + " indices for a tensor of shape " + Shape.format(shape));
        }
        int off = t.storageOffset();
        for (int d = 0; d < idx.length; d++) {
            int i = idx[d] < 0 ? idx[d] + shape[d] : idx[d];
            if (i < 0 || i >= shape[d]) {
                throw new IllegalArgumentException("get: index " + idx[d] + " out of range for dim " + d + " of size "
                        + shape[d] + " in " + Shape.format(shape));
            }
            off += i * strides[d];
        }
        return toDoubleArray(element(t, off))[0];
    }

    /** The one element at storage offset off, as a host array of t's dtype. */
    private static Object element(Tensor t, int off) {
        t.storage().checkLive("item/get");
        return Backends.forDevice(t.device()).toHost(Strided.of(t.storage(), Shape.SCALAR, Shape.SCALAR, off));
    }
}
