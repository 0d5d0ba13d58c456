package dev.weft.nn.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Test-side IDX encoder, written from the format description (independent of the reader). */
final class IdxBytes {
    private IdxBytes() {}

    /** Header + values; values are written as the type's big-endian element (integers truncated to its width). */
    static byte[] encode(IdxType type, int[] dims, double[] values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(0);
            out.writeByte(0);
            out.writeByte(type.code());
            out.writeByte(dims.length);
            for (int d : dims) out.writeInt(d);
            for (double v : values) {
                switch (type) {
                    case U8, I8 -> out.writeByte((int) v);
                    case I16 -> out.writeShort((int) v);
                    case I32 -> out.writeInt((int) v);
                    case F32 -> out.writeFloat((float) v);
                    case F64 -> out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
