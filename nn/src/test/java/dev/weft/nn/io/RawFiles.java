package dev.weft.nn.io;

import dev.weft.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers: hand-made safetensors bytes, and exact tensor comparison (NaN-aware, bitwise otherwise). */
final class RawFiles {
    private RawFiles() {}

    /** 8-byte little-endian length of the header as given (no padding added), the header, then data. */
    static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return file(h.length, h, data);
    }

    /** A file whose length field says {@code declared}, whatever the header's real length. */
    static byte[] file(long declared, byte[] header, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declared).put(header).put(data);
        return b.array();
    }

    static byte[] le32(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Reading fails with a SafetensorsException at {@code offset} whose reason contains {@code fragment}. */
    static SafetensorsException rejects(byte[] file, long offset, String fragment) {
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(file, "t.safetensors"));
        assertTrue(e.reason().contains(fragment), () -> "reason '" + e.reason() + "' lacks '" + fragment + "'");
        assertEquals(offset, e.offset(), () -> "offset of: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("safetensors: t.safetensors: byte " + offset + ": "), e.getMessage());
        return e;
    }

    /** Same dtype, shape and elements; floats compared by bits, except that any NaN equals any NaN. */
    static void assertSameTensor(String what, Tensor expected, Tensor actual) {
        assertNotNull(actual, what + ": missing");
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        switch (expected.dtype()) {
            case F32 -> {
                float[] a = expected.toFloatArray(), b = actual.toFloatArray();
                for (int i = 0; i < a.length; i++) {
                    boolean same = Float.isNaN(a[i]) ? Float.isNaN(b[i]) : Float.floatToRawIntBits(a[i]) == Float.floatToRawIntBits(b[i]);
                    int k = i;
                    assertTrue(same, () -> what + "[" + k + "]: expected " + a[k] + ", got " + b[k]);
                }
            }
            case F64 -> {
                double[] a = expected.toDoubleArray(), b = actual.toDoubleArray();
                for (int i = 0; i < a.length; i++) {
                    boolean same = Double.isNaN(a[i]) ? Double.isNaN(b[i]) : Double.doubleToRawLongBits(a[i]) == Double.doubleToRawLongBits(b[i]);
                    int k = i;
                    assertTrue(same, () -> what + "[" + k + "]: expected " + a[k] + ", got " + b[k]);
                }
            }
            case I32, I64 -> assertArrayEquals(expected.toLongArray(), actual.toLongArray(), what);
            case BOOL -> assertArrayEquals(expected.toBooleanArray(), actual.toBooleanArray(), what);
        }
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x));
        return sb.toString();
    }

    static byte[] slice(byte[] b, long from, long to) {
        return Arrays.copyOfRange(b, (int) from, (int) to);
    }
}
