package dev.weft.nn.io;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.weft.nn.io.RawFiles.concat;
import static dev.weft.nn.io.RawFiles.hex;
import static dev.weft.nn.io.RawFiles.le32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bytes the writer produces, against files written out by hand from the format's rules. */
class SafetensorsFormatTest {
    private static void assertBytes(byte[] expected, byte[] actual) {
        assertEquals(hex(expected), hex(actual));
    }

    @Test
    void emptyFileIsABracePairPaddedToEightBytes() throws Exception {
        assertBytes(RawFiles.file("{}      ", new byte[0]), Safetensors.toBytes(Map.of(), Map.of(), Map.of()));
    }

    @Test
    void metadataOnlyComesFirstAndIsPadded() throws Exception {
        String h = "{\"__metadata__\":{\"framework\":\"pt\"}}";
        assertEquals(35, h.length());
        assertBytes(RawFiles.file(h + "     ", new byte[0]), Safetensors.toBytes(Map.of(), Map.of("framework", "pt"), Map.of()));
    }

    @Test
    void oneF32TensorNeedsNoPaddingWhenTheHeaderIsAligned() throws Exception {
        Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 2, 3);
        String h = "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}";
        assertEquals(64, h.length());
        assertBytes(RawFiles.file(h, le32(0, 1, 2, 3, 4, 5)), Safetensors.toBytes(Map.of("attn.0", t), Map.of(), Map.of()));
    }

    @Test
    void headerIsPaddedWithSpacesSoDataStartsAligned() throws Exception {
        Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 1, 2, 3);
        String h = "{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}";
        assertEquals(65, h.length());
        assertBytes(RawFiles.file(h + "       ", le32(0, 1, 2, 3, 4, 5)), Safetensors.toBytes(Map.of("attn0", t), Map.of(), Map.of()));
    }

    @Test
    void tensorsAreSortedByDtypeDescendingThenName() throws Exception {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("b", Tensor.of(true, false));
        m.put("a", Tensor.of(1.5f));
        m.put("c", Tensor.of(-2L));
        m.put("d", Tensor.of(1.0f));
        m.put("e", Tensor.of(7));
        m.put("f", Tensor.scalar(0.25, DType.F64));
        m.put("g", Tensor.of(255, 1));
        m.put("h", Tensor.of(-2.5f));
        byte[] actual = Safetensors.toBytes(m, Map.of(),
                Map.of("d", SafetensorsDType.F16, "g", SafetensorsDType.U8, "h", SafetensorsDType.BF16));
        String h = "{\"c\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"f\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,16]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]},"
                + "\"e\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[20,24]},"
                + "\"h\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[24,26]},"
                + "\"d\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[26,28]},"
                + "\"g\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[28,30]},"
                + "\"b\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[30,32]}}";
        assertEquals(438, h.length());
        ByteBuffer d = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        d.putLong(-2).putDouble(0.25).putFloat(1.5f).putInt(7)
                .putShort((short) 0xC020).putShort((short) 0x3C00).put((byte) 0xFF).put((byte) 1).put((byte) 1).put((byte) 0);
        assertBytes(RawFiles.file(h + "  ", d.array()), actual);
    }

    @Test
    void namesSortByUtf8BytesNotByJavaChars() throws Exception {
        // U+FF21 is EF BC A1 in UTF-8 and U+1F600 is F0 9F 98 80: UTF-8 order puts U+FF21 first, UTF-16 order the emoji.
        Map<String, Tensor> m = Map.of("\uD83D\uDE00", Tensor.of(1f), "\uFF21", Tensor.of(2f), "a", Tensor.of(3f), "B", Tensor.of(4f));
        SafetensorsFile f = Safetensors.read(Safetensors.toBytes(m, Map.of(), Map.of()), "m");
        assertEquals(List.of("B", "a", "\uFF21", "\uD83D\uDE00"), List.copyOf(f.tensors().keySet()));
    }

    @Test
    void stringsAreEscapedAsStrictJson() throws Exception {
        String v = "q\"b\\s\n\t\u0001\u007f/\u00e9\u2603";
        byte[] h = "{\"__metadata__\":{\"a\\u001fk\":\"q\\\"b\\\\s\\n\\t\\u0001\u007f/\u00e9\u2603\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] padded = concat(h, " ".repeat((8 - h.length % 8) % 8).getBytes());
        byte[] actual = Safetensors.toBytes(Map.of(), Map.of("a\u001fk", v), Map.of());
        assertBytes(RawFiles.file(padded.length, padded, new byte[0]), actual);
        assertEquals(Map.of("a\u001fk", v), Safetensors.read(actual, "m").metadata());
    }

    @Test
    void metadataKeysAreWrittenSorted() throws Exception {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("z", "1");
        meta.put("a", "2");
        byte[] b = Safetensors.toBytes(Map.of(), meta, Map.of());
        assertArrayEquals(RawFiles.file("{\"__metadata__\":{\"a\":\"2\",\"z\":\"1\"}}      ", new byte[0]), b);
    }
}
