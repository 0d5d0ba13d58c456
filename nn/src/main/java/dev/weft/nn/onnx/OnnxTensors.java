package dev.weft.nn.onnx;

import dev.weft.nn.onnx.OnnxProto.TensorData;
import dev.weft.tensor.Create;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * TensorProto -> Tensor. ONNX data types map onto Weft's: FLOAT -> F32, DOUBLE -> F64, INT32 -> I32, INT64 -> I64,
 * BOOL -> BOOL; the narrow integers (INT8, UINT8, INT16, UINT16) widen to I32 and FLOAT16 / BFLOAT16 to F32.
 * The data size must match the dims exactly; strings, external data and other types are errors naming the tensor.
 */
final class OnnxTensors {
    private OnnxTensors() {}

    static final int FLOAT = 1, UINT8 = 2, INT8 = 3, UINT16 = 4, INT16 = 5, INT32 = 6, INT64 = 7, STRING = 8, BOOL = 9,
            FLOAT16 = 10, DOUBLE = 11, UINT32 = 12, UINT64 = 13, BFLOAT16 = 16;

    /** The Weft dtype an ONNX element type loads as, or null when the importer does not support it. */
    static DType dtypeOf(int onnxType) {
        return switch (onnxType) {
            case FLOAT, FLOAT16, BFLOAT16 -> DType.F32;
            case DOUBLE -> DType.F64;
            case UINT8, INT8, UINT16, INT16, INT32 -> DType.I32;
            case INT64 -> DType.I64;
            case BOOL -> DType.BOOL;
            default -> null;
        };
    }

    static String typeName(int onnxType) {
        return switch (onnxType) {
            case FLOAT -> "FLOAT"; case UINT8 -> "UINT8"; case INT8 -> "INT8"; case UINT16 -> "UINT16"; case INT16 -> "INT16";
            case INT32 -> "INT32"; case INT64 -> "INT64"; case STRING -> "STRING"; case BOOL -> "BOOL"; case FLOAT16 -> "FLOAT16";
            case DOUBLE -> "DOUBLE"; case UINT32 -> "UINT32"; case UINT64 -> "UINT64"; case BFLOAT16 -> "BFLOAT16";
            default -> "data type " + onnxType;
        };
    }

    /** Converts one TensorProto; {@code what} names it in errors (e.g. "initializer 'fc.weight'"). */
    static Tensor toTensor(TensorData t, String what) {
        String who = what + " (TensorProto at byte offset " + t.offset() + ")";
        if (t.external()) throw new OnnxFormatException(who + ": external data is not supported");
        DType dtype = dtypeOf(t.dataType());
        if (dtype == null) throw new OnnxFormatException(who + ": unsupported data type " + typeName(t.dataType()));
        int[] shape = new int[t.dims().length];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            long d = t.dims()[i];
            if (d < 0 || d > Integer.MAX_VALUE) throw new OnnxFormatException(who + ": dim " + i + " = " + d + " is out of range");
            shape[i] = (int) d;
            numel *= d;
            if (numel > Integer.MAX_VALUE) throw new OnnxFormatException(who + ": more than 2^31 elements");
        }
        int n = (int) numel;
        Object data = t.raw() != null ? fromRaw(t, n, who) : fromTyped(t, n, who);
        return Create.fromHost(data, shape, Device.CPU);
    }

    private static int elementBytes(int type) {
        return switch (type) {
            case FLOAT, INT32 -> 4;
            case DOUBLE, INT64 -> 8;
            case UINT8, INT8, BOOL -> 1;
            case UINT16, INT16, FLOAT16, BFLOAT16 -> 2;
            default -> throw new IllegalStateException();
        };
    }

    private static Object fromRaw(TensorData t, int n, String who) {
        int type = t.dataType();
        long want = (long) n * elementBytes(type);
        if (t.raw().length != want) {
            throw new OnnxFormatException(who + ": raw_data holds " + t.raw().length + " bytes, " + typeName(type) + " "
                    + java.util.Arrays.toString(t.dims()) + " needs " + want);
        }
        ByteBuffer b = ByteBuffer.wrap(t.raw()).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case FLOAT -> { float[] a = new float[n]; b.asFloatBuffer().get(a); return a; }
            case DOUBLE -> { double[] a = new double[n]; b.asDoubleBuffer().get(a); return a; }
            case INT32 -> { int[] a = new int[n]; b.asIntBuffer().get(a); return a; }
            case INT64 -> { long[] a = new long[n]; b.asLongBuffer().get(a); return a; }
            case BOOL -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = b.get(i) != 0; return a; }
            case UINT8 -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = b.get(i) & 0xFF; return a; }
            case INT8 -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = b.get(i); return a; }
            case INT16 -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = b.getShort(2 * i); return a; }
            case UINT16 -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = b.getShort(2 * i) & 0xFFFF; return a; }
            case FLOAT16 -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = Float.float16ToFloat(b.getShort(2 * i)); return a; }
            case BFLOAT16 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) a[i] = Float.intBitsToFloat((b.getShort(2 * i) & 0xFFFF) << 16);
                return a;
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Object fromTyped(TensorData t, int n, String who) {
        int type = t.dataType();
        int have = switch (type) {
            case FLOAT -> t.floats().length;
            case DOUBLE -> t.doubles().length;
            case INT64 -> t.int64s().length;
            default -> t.int32s().length;
        };
        if (have != n) {
            throw new OnnxFormatException(who + ": holds " + have + " values, " + typeName(type) + " "
                    + java.util.Arrays.toString(t.dims()) + " needs " + n);
        }
        long[] i32 = t.int32s();
        switch (type) {
            case FLOAT -> { return t.floats(); }
            case DOUBLE -> { return t.doubles(); }
            case INT64 -> { return t.int64s(); }
            case BOOL -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = i32[i] != 0; return a; }
            case FLOAT16 -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = Float.float16ToFloat((short) i32[i]); return a; }
            case BFLOAT16 -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = Float.intBitsToFloat(((int) i32[i] & 0xFFFF) << 16); return a; }
            default -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = (int) i32[i]; return a; }
        }
    }
}
