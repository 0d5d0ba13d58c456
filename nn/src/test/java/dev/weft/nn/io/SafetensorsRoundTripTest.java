package dev.weft.nn.io;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.weft.nn.io.RawFiles.assertSameTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Write then read, through files and bytes: every dtype and conversion, scalars, empty tensors, metadata. */
class SafetensorsRoundTripTest {
    private static final float[] SPECIAL_F32 = {1.0f, -2.5f, 65504f, 0x1p-24f, 0x1p-25f, 3 * 0x1p-25f, 1 + 0x1p-11f,
            1 + 3 * 0x1p-11f, 1e-40f, Float.MIN_VALUE, Float.MAX_VALUE, -0.0f, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN, 0.1f};

    @Test
    void everyDtypeThroughAFile(@TempDir Path dir) throws Exception {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("f32", Tensor.of(SPECIAL_F32, 4, 4));
        m.put("f64", Tensor.of(new double[] {1.0, -2.5, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, Double.NaN,
                Double.NEGATIVE_INFINITY, 0.1}, 2, 2, 2));
        m.put("i32", Tensor.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE));
        m.put("i64", Tensor.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE).reshape(2, 2));
        m.put("bool", Tensor.of(true, false, false, true, true, true).reshape(3, 2));
        m.put("scalar", Tensor.scalar(-7.25, DType.F64));
        m.put("iscalar", Tensor.scalar(42, DType.I64));
        m.put("empty", Tensor.zeros(0, 3));
        m.put("empty_mid", Tensor.zeros(DType.I64, 2, 0, 3));
        Map<String, String> meta = Map.of("format", "pt", "epoch", "3", "", "empty key", "unicode \u00e9\uD83D\uDE00", "\n\"\\");
        Path p = dir.resolve("all.safetensors");
        Safetensors.write(p, m, meta);
        SafetensorsFile f = Safetensors.read(p);
        assertEquals(m.keySet(), f.tensors().keySet());
        for (var e : m.entrySet()) assertSameTensor(e.getKey(), e.getValue(), f.tensor(e.getKey()));
        assertEquals(meta, f.metadata());
        assertEquals(SafetensorsDType.I64, f.infos().get("iscalar").dtype());
        assertArrayEquals(new int[0], f.tensor("scalar").shape());
        assertEquals(f.infos().values().stream().toList(), Safetensors.readHeader(p).tensors());
    }

    @Test
    void halfAndBFloatTargetsRoundToNearestEvenAndReadBackAsF32() throws Exception {
        Tensor src = Tensor.of(SPECIAL_F32);
        for (Tensor s : new Tensor[] {src, src.to(DType.F64)}) {
            byte[] b = Safetensors.toBytes(Map.of("h", s, "b", s), Map.of(), Map.of("h", SafetensorsDType.F16, "b", SafetensorsDType.BF16));
            SafetensorsFile f = Safetensors.read(b, "m");
            assertEquals(SafetensorsDType.F16, f.infos().get("h").dtype());
            assertEquals(SafetensorsDType.BF16, f.infos().get("b").dtype());
            assertEquals(DType.F32, f.tensor("h").dtype());
            float[] h = f.tensor("h").toFloatArray(), bf = f.tensor("b").toFloatArray();
            float[] wantH = {1.0f, -2.5f, 65504f, 0x1p-24f, 0f, 0x1p-23f, 1f, 1 + 0x1p-9f, 0f, 0f,
                    Float.POSITIVE_INFINITY, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0.0999755859375f};
            float[] wantB = {1.0f, -2.5f, 65536f, 0x1p-24f, 0x1p-25f, 3 * 0x1p-25f, 1f, 1f, 0x1p-133f, 0f,
                    Float.POSITIVE_INFINITY, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0.10009765625f};
            assertSameTensor("f16 of " + s.dtype(), Tensor.of(wantH), f.tensor("h"));
            assertSameTensor("bf16 of " + s.dtype(), Tensor.of(wantB), f.tensor("b"));
            assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(h[11]));
            assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(bf[11]));
            // the original dtypes come back: re-writing with them reproduces the file byte for byte
            assertArrayEquals(b, Safetensors.toBytes(f.tensors(), f.metadata(), f.dtypes()));
        }
    }

    @Test
    void integerTargetsNarrowWithRangeChecks() throws Exception {
        Tensor v = Tensor.of(-128L, 0L, 127L);
        Map<String, SafetensorsDType> to = Map.of("i8", SafetensorsDType.I8, "i16", SafetensorsDType.I16, "i32", SafetensorsDType.I32);
        SafetensorsFile f = Safetensors.read(Safetensors.toBytes(Map.of("i8", v, "i16", v, "i32", v), Map.of(), to), "m");
        for (String k : to.keySet()) {
            assertEquals(to.get(k), f.infos().get(k).dtype());
            assertSameTensor(k, Tensor.of(-128, 0, 127), f.tensor(k));
        }
        Tensor u = Tensor.of(0, 255, 65535);
        f = Safetensors.read(Safetensors.toBytes(Map.of("u16", u, "u8", u.slice(0, 0, 2)), Map.of(),
                Map.of("u16", SafetensorsDType.U16, "u8", SafetensorsDType.U8)), "m");
        assertSameTensor("u16", Tensor.of(0, 255, 65535), f.tensor("u16"));
        assertSameTensor("u8", Tensor.of(0, 255), f.tensor("u8"));
        assertSameTensor("i32 -> i64", Tensor.of(5L, -6L), Safetensors.read(Safetensors.toBytes(Map.of("x", Tensor.of(5, -6)),
                Map.of(), Map.of("x", SafetensorsDType.I64)), "m").tensor("x"));
        var e = assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(Map.of("x", Tensor.of(1, 2, 300)),
                Map.of(), Map.of("x", SafetensorsDType.U8)));
        assertEquals("safetensors write: tensor \"x\" element 2 = 300 does not fit U8 [0, 255]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(Map.of("x", Tensor.of(1L << 40)),
                Map.of(), Map.of("x", SafetensorsDType.I32)));
        assertTrue(e.getMessage().contains("element 0 = 1099511627776 does not fit I32"), e.getMessage());
    }

    @Test
    void narrowIntegersAndHalvesFromForeignFilesReadAsWeftTypes() throws Exception {
        String h = "{\"a\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,2]},\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[2,4]},"
                + "\"c\":{\"dtype\":\"I16\",\"shape\":[1],\"data_offsets\":[4,6]},\"d\":{\"dtype\":\"U16\",\"shape\":[1],\"data_offsets\":[6,8]},"
                + "\"e\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[8,10]},\"f\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[10,12]}}";
        ByteBuffer d = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        d.put((byte) -128).put((byte) 127).put((byte) 0xFF).put((byte) 7).putShort((short) -2).putShort((short) 0xFFFF)
                .putShort((short) 0x3555).putShort((short) 0xBE80);
        SafetensorsFile f = Safetensors.read(RawFiles.file(h, d.array()), "m");
        assertSameTensor("i8", Tensor.of(-128, 127), f.tensor("a"));
        assertSameTensor("u8", Tensor.of(255, 7), f.tensor("b"));
        assertSameTensor("i16", Tensor.of(-2), f.tensor("c"));
        assertSameTensor("u16", Tensor.of(65535), f.tensor("d"));
        assertSameTensor("f16", Tensor.of(0.333251953125f), f.tensor("e"));
        assertSameTensor("bf16", Tensor.of(-0.25f), f.tensor("f"));
        assertEquals(java.util.List.of("a", "b", "c", "d", "e", "f"), java.util.List.copyOf(f.tensors().keySet()));
    }

    @Test
    void viewsAreWrittenInRowMajorOrder() throws Exception {
        Tensor base = Tensor.arange(0, 12, 1, DType.F64).reshape(3, 4);
        Tensor view = base.t().slice(0, 1, 4);                // (3, 3), non-contiguous
        Tensor back = Safetensors.read(Safetensors.toBytes(Map.of("v", view), Map.of(), Map.of()), "m").tensor("v");
        assertSameTensor("view", view.contiguous(), back);
        assertTrue(back.isContiguous());
    }

    @Test
    void badArgumentsFailBeforeWriting() {
        Map<String, Tensor> one = Map.of("x", Tensor.of(1f));
        assertEquals("safetensors write: tensor \"x\" f32 (1,) cannot be stored as I32; cast it first with to(...)",
                assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(one, Map.of(), Map.of("x", SafetensorsDType.I32))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(Map.of("x", Tensor.of(1)), Map.of(), Map.of("x", SafetensorsDType.F16)));
        assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(Map.of("x", Tensor.of(true)), Map.of(), Map.of("x", SafetensorsDType.U8)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(one, Map.of(), Map.of("y", SafetensorsDType.F16)))
                .getMessage().contains("a target dtype is given for \"y\", which is not among the tensors [x]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(Map.of("__metadata__", Tensor.of(1f)), Map.of(), Map.of()))
                .getMessage().contains("reserved"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(Map.of("a\uD800", Tensor.of(1f)), Map.of(), Map.of()))
                .getMessage().contains("unpaired surrogate at index 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(Map.of(), Map.of("k", "\uDC00"), Map.of()))
                .getMessage().contains("metadata value"));
    }

    @Test
    void aTensorNamedNowhereIsAClearError() throws Exception {
        SafetensorsFile f = Safetensors.read(Safetensors.toBytes(Map.of("a", Tensor.of(1f)), Map.of(), Map.of()), "m");
        assertEquals("safetensors: no tensor \"b\"; the file holds [a]",
                assertThrows(IllegalArgumentException.class, () -> f.tensor("b")).getMessage());
    }
}
