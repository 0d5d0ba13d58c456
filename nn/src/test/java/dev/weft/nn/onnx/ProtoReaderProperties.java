package dev.weft.nn.onnx;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Laws of the protobuf reader: varint and fixed-width round trips, truncation always detected, garbage never crashes. */
class ProtoReaderProperties {
    @Property
    void varintRoundTrips(@ForAll long v) {
        byte[] b = ProtoReader.encodeVarint(v);
        ProtoReader r = new ProtoReader(b, "p");
        assertEquals(v, r.readVarint());
        assertEquals(b.length, r.position());
        assertTrue(b.length <= 10);
    }

    @Property
    void varintSequenceRoundTrips(@ForAll @Size(max = 20) long[] values) {
        ProtoWriter w = new ProtoWriter();
        for (long v : values) w.raw(ProtoReader.encodeVarint(v));
        ProtoReader r = new ProtoReader(w.toBytes(), "p");
        for (long v : values) assertEquals(v, r.readVarint());
        assertTrue(!r.hasMore());
    }

    @Property
    void truncatedVarintNamesItsStart(@ForAll long v) {
        byte[] b = ProtoReader.encodeVarint(v);
        if (b.length < 2) return;
        byte[] cut = Arrays.copyOf(b, b.length - 1);
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> new ProtoReader(cut, "p").readVarint());
        assertEquals(0, e.offset());
    }

    @Property
    void fixedRoundTrips(@ForAll int a, @ForAll long b) {
        byte[] bytes = new byte[12];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(a).putLong(b);
        ProtoReader r = new ProtoReader(bytes, "p");
        assertEquals(a, r.readFixed32());
        assertEquals(b, r.readFixed64());
    }

    @Property
    void stringFieldRoundTrips(@ForAll @Size(max = 200) String s) {
        ProtoWriter w = new ProtoWriter().string(3, s).varint(5, 42);
        ProtoReader r = new ProtoReader(w.toBytes(), "p");
        int tag = r.readTag();
        assertEquals(3, ProtoReader.field(tag));
        assertEquals(ProtoReader.LEN, ProtoReader.wireType(tag));
        // lone surrogates in s encode as '?', so compare with what UTF-8 can carry
        assertEquals(new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8), r.readString());
        tag = r.readTag();
        assertEquals(5, ProtoReader.field(tag));
        assertEquals(42, r.readVarint());
    }

    /** Random bytes, and the golden MLP with random bytes overwritten, only ever fail with IllegalArgumentException. */
    @Property(tries = 300)
    void garbageFailsCleanly(@ForAll @Size(max = 300) byte[] garbage, @ForAll int seed) {
        expectCleanFailureOrModel(garbage);
        byte[] f = OnnxFiles.bytes("mlp_op13.onnx");
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = 0; i < 3; i++) f[rnd.nextInt(f.length)] = (byte) rnd.nextInt(256);
        expectCleanFailureOrModel(f);
    }

    private static void expectCleanFailureOrModel(byte[] f) {
        try {
            Onnx.load(f, "g.onnx");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
        }
    }
}
