package dev.weft.tensor.cpu;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.core.Strided;

/**
 * CPU storage: one Java array per dtype: float[] (F32), double[] (F64), int[] (I32), long[] (I64),
 * byte[] holding 0/1 (BOOL). Only the CPU backend reads these arrays.
 */
public final class CpuStorage extends Storage {
    private final Object data;

    private CpuStorage(DType dtype, Object data, int length) {
        super(Device.CPU, dtype, length);
        this.data = data;
    }

    /**
     * {@return a zero-filled storage}
     *
     * @param dtype the element type
     * @param n number of elements
     */
    public static CpuStorage allocate(DType dtype, int n) {
        Object a = switch (dtype) {
            case F32 -> new float[n];
            case F64 -> new double[n];
            case I32 -> new int[n];
            case I64 -> new long[n];
            case BOOL -> new byte[n];
        };
        return new CpuStorage(dtype, a, n);
    }

    /** Wraps an array of the dtype's CPU type (not copied). */
    static CpuStorage wrap(DType dtype, Object array) {
        return new CpuStorage(dtype, array, java.lang.reflect.Array.getLength(array));
    }

    /** {@return the backing array (float[], double[], int[], long[] or byte[])} */
    public Object array() {
        return data;
    }

    /**
     * {@return the storage of a CPU tensor}
     *
     * @param t a CPU view
     */
    public static CpuStorage of(Strided t) {
        if (t.storage() instanceof CpuStorage s) return s;
        throw new IllegalArgumentException("cpu backend: tensor " + dev.weft.tensor.core.Shape.format(t.shape())
                + " lives on " + t.device() + ", not on cpu");
    }

    /**
     * {@return the backing float[] of an F32 CPU view (index with the view's offset and strides)}
     *
     * @param t a CPU view
     */
    public static float[] f32(Strided t) {
        return (float[]) of(t).data;
    }

    /**
     * {@return the backing double[] of an F64 CPU view (index with the view's offset and strides)}
     *
     * @param t a CPU view
     */
    public static double[] f64(Strided t) {
        return (double[]) of(t).data;
    }

    /**
     * {@return the backing int[] of an I32 CPU view (index with the view's offset and strides)}
     *
     * @param t a CPU view
     */
    public static int[] i32(Strided t) {
        return (int[]) of(t).data;
    }

    /**
     * {@return the backing long[] of an I64 CPU view (index with the view's offset and strides)}
     *
     * @param t a CPU view
     */
    public static long[] i64(Strided t) {
        return (long[]) of(t).data;
    }

    /**
     * {@return the backing byte[] of a BOOL CPU view, one byte 0 or 1 per element}
     *
     * @param t a CPU view
     */
    public static byte[] bool(Strided t) {
        return (byte[]) of(t).data;
    }
}
