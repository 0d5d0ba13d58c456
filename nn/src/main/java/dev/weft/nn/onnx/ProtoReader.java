package dev.weft.nn.onnx;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * A strict reader of the protobuf wire format over one byte range of a file: varints (at most 10 bytes),
 * fixed 32/64-bit values and length-delimited fields, each checked against the range's end. Every error is an
 * {@link OnnxFormatException} naming the absolute byte offset. Groups (wire types 3, 4) and wire types 6, 7
 * are rejected; field number 0 is rejected.
 */
final class ProtoReader {
    static final int VARINT = 0, FIXED64 = 1, LEN = 2, FIXED32 = 5;

    private final byte[] buf;
    private final String source;
    private final int end;
    private int pos;
    private int tagStart;

    ProtoReader(byte[] buf, String source) {
        this(buf, source, 0, buf.length);
    }

    private ProtoReader(byte[] buf, String source, int start, int end) {
        this.buf = buf;
        this.source = source;
        this.pos = start;
        this.end = end;
    }

    boolean hasMore() {
        return pos < end;
    }

    int position() {
        return pos;
    }

    /** Offset of the last tag read, for errors about the field it opened. */
    int tagOffset() {
        return tagStart;
    }

    OnnxFormatException error(String what, long offset) {
        return new OnnxFormatException(source + ": " + what + " at byte offset " + offset, offset);
    }

    /** Reads a field key; returns it as (field << 3) | wireType after checking both. */
    int readTag() {
        tagStart = pos;
        long key = readVarint();
        int wire = (int) (key & 7);
        long field = key >>> 3;
        if (field == 0 || field > 0x1FFFFFFFL) throw error("invalid field number " + field, tagStart);
        if (wire != VARINT && wire != FIXED64 && wire != LEN && wire != FIXED32) {
            throw error("unsupported wire type " + wire + " (field " + field + ")", tagStart);
        }
        return (int) key;
    }

    static int field(int tag) {
        return tag >>> 3;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    /** Fails unless the tag's wire type is {@code expected} (a known field with the wrong encoding). */
    void expect(int tag, int expected, String message) {
        if (wireType(tag) != expected) {
            throw error(message + " field " + field(tag) + ": wire type " + wireType(tag) + ", expected " + expected, tagStart);
        }
    }

    long readVarint() {
        int start = pos;
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= end) throw error("truncated varint", start);
            int b = buf[pos++] & 0xFF;
            if (shift == 63 && b > 1) throw error("varint overflows 64 bits", start);
            result |= (long) (b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw error("varint longer than 10 bytes", start);
    }

    /** A varint that must fit an int32 field (protobuf sign-extends negative int32 to 10 bytes). */
    int readInt32() {
        int start = pos;
        long v = readVarint();
        if (v != (int) v) throw error("int32 value " + v + " out of range", start);
        return (int) v;
    }

    int readFixed32() {
        if (end - pos < 4) throw error("truncated fixed32", pos);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    long readFixed64() {
        if (end - pos < 8) throw error("truncated fixed64", pos);
        long lo = readFixed32() & 0xFFFFFFFFL;
        long hi = readFixed32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** Reads a length prefix and returns a reader over exactly those bytes; this reader moves past them. */
    ProtoReader readMessage() {
        int start = pos;
        long len = readVarint();
        if (len < 0 || len > end - pos) {
            throw error("length " + len + " runs past the end (" + (end - pos) + " bytes left)", start);
        }
        ProtoReader sub = new ProtoReader(buf, source, pos, pos + (int) len);
        pos += (int) len;
        return sub;
    }

    /** The remaining bytes of this reader (used on a sub-reader from {@link #readMessage}). */
    byte[] remainingBytes() {
        byte[] out = java.util.Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }

    String readString() {
        ProtoReader sub = readMessage();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, sub.pos, sub.end - sub.pos)).toString();
        } catch (CharacterCodingException e) {
            throw error("string is not valid UTF-8", sub.pos);
        }
    }

    byte[] readBytes() {
        return readMessage().remainingBytes();
    }

    /** Skips one field's value of the given wire type (unknown fields are skipped, as protobuf does). */
    void skip(int tag) {
        switch (wireType(tag)) {
            case VARINT -> readVarint();
            case FIXED64 -> readFixed64();
            case FIXED32 -> readFixed32();
            case LEN -> readMessage();
            default -> throw error("unsupported wire type " + wireType(tag), tagStart);
        }
    }

    /** Appends a repeated int64 field's values, packed (LEN) or one per tag (VARINT). */
    void readInt64s(int tag, LongList out) {
        if (wireType(tag) == LEN) {
            ProtoReader p = readMessage();
            while (p.hasMore()) out.add(p.readVarint());
        } else {
            expect(tag, VARINT, "int64");
            out.add(readVarint());
        }
    }

    /** Appends a repeated float field's values, packed (LEN) or one per tag (FIXED32). */
    void readFloats(int tag, FloatList out) {
        if (wireType(tag) == LEN) {
            ProtoReader p = readMessage();
            if ((p.end - p.pos) % 4 != 0) throw error("packed floats: length " + (p.end - p.pos) + " is not a multiple of 4", p.pos);
            while (p.hasMore()) out.add(Float.intBitsToFloat(p.readFixed32()));
        } else {
            expect(tag, FIXED32, "float");
            out.add(Float.intBitsToFloat(readFixed32()));
        }
    }

    /** Appends a repeated double field's values, packed (LEN) or one per tag (FIXED64). */
    void readDoubles(int tag, java.util.List<Double> out) {
        if (wireType(tag) == LEN) {
            ProtoReader p = readMessage();
            if ((p.end - p.pos) % 8 != 0) throw error("packed doubles: length " + (p.end - p.pos) + " is not a multiple of 8", p.pos);
            while (p.hasMore()) out.add(Double.longBitsToDouble(p.readFixed64()));
        } else {
            expect(tag, FIXED64, "double");
            out.add(Double.longBitsToDouble(readFixed64()));
        }
    }

    /** A growable long array. */
    static final class LongList {
        private long[] a = new long[8];
        private int n;

        void add(long v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }

        int size() {
            return n;
        }
    }

    /** A growable float array. */
    static final class FloatList {
        private float[] a = new float[8];
        private int n;

        void add(float v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }

        int size() {
            return n;
        }
    }

    /** Encodes a varint (tests and writers of small fixtures use it). */
    static byte[] encodeVarint(long v) {
        byte[] out = new byte[10];
        int n = 0;
        while ((v & ~0x7FL) != 0) {
            out[n++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[n++] = (byte) v;
        return java.util.Arrays.copyOf(out, n);
    }
}
