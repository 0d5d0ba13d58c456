package dev.weft.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdxTest {
    @TempDir
    Path dir;

    /** Values that probe each type's range, signs and (for floats) special values. */
    static double[] probe(IdxType t) {
        return switch (t) {
            case U8 -> new double[] {0, 1, 127, 128, 200, 255};
            case I8 -> new double[] {-128, -1, 0, 1, 100, 127};
            case I16 -> new double[] {-32768, -255, -1, 0, 256, 32767};
            case I32 -> new double[] {Integer.MIN_VALUE, -65536, -1, 0, 16777217, Integer.MAX_VALUE};
            case F32 -> new double[] {-0.0, 1.5, -3.25e-40f, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, 0.1f};
            case F64 -> new double[] {-0.0, 0.1, 4.9e-324, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Math.PI};
        };
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void roundTripEachTypePlainAndGzipped(IdxType type) throws IOException {
        double[] v = probe(type);
        byte[] plain = IdxBytes.encode(type, new int[] {2, 3}, v);
        for (Path p : new Path[] {write("a.idx", plain), write("a.idx.gz", IdxBytes.gzip(plain)), write("gz-without-suffix", IdxBytes.gzip(plain))}) {
            Tensor t = Idx.read(p);
            assertArrayEquals(new int[] {2, 3}, t.shape(), p.toString());
            assertEquals(Idx.defaultDType(type), t.dtype(), p.toString());
            double[] got = t.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                // bit-exact, so -0.0 and subnormals are checked too
                double want = type == IdxType.F32 ? (double) (float) v[i] : v[i];
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got[i]), p + " element " + i + ": " + want + " vs " + got[i]);
            }
            assertEquals(new IdxHeader(type, new int[] {2, 3}), Idx.header(p));
        }
        assertEquals(Arrays.toString(Idx.read(plain, "mem", null).toDoubleArray()), Arrays.toString(Idx.read(IdxBytes.gzip(plain), "mem.gz", null).toDoubleArray()));
    }

    @Test
    void defaultDTypes() {
        assertEquals(DType.F32, Idx.defaultDType(IdxType.U8));
        assertEquals(DType.I32, Idx.defaultDType(IdxType.I8));
        assertEquals(DType.I32, Idx.defaultDType(IdxType.I16));
        assertEquals(DType.I32, Idx.defaultDType(IdxType.I32));
        assertEquals(DType.F32, Idx.defaultDType(IdxType.F32));
        assertEquals(DType.F64, Idx.defaultDType(IdxType.F64));
    }

    @Test
    void integerElementsConvertToEveryNumericDType() throws IOException {
        byte[] b = IdxBytes.encode(IdxType.U8, new int[] {4}, new double[] {0, 9, 128, 255});
        assertArrayEquals(new long[] {0, 9, 128, 255}, Idx.read(b, "labels", DType.I64).toLongArray());
        assertArrayEquals(new int[] {0, 9, 128, 255}, Idx.read(b, "labels", DType.I32).toIntArray());
        assertArrayEquals(new double[] {0, 9, 128, 255}, Idx.read(b, "labels", DType.F64).toDoubleArray());
        byte[] big = IdxBytes.encode(IdxType.I32, new int[] {2}, new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE});
        assertArrayEquals(new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, Idx.read(big, "i32", DType.I64).toLongArray());
    }

    @Test
    void floatElementsRefuseIntegerDTypesAndBoolIsRefused() throws IOException {
        byte[] f = IdxBytes.encode(IdxType.F32, new int[] {1}, new double[] {1.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.read(f, "f.idx", DType.I64));
        assertTrue(e.getMessage().contains("f.idx") && e.getMessage().contains("f32") && e.getMessage().contains("truncate"), e.getMessage());
        byte[] u = IdxBytes.encode(IdxType.U8, new int[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> Idx.read(u, "u.idx", DType.BOOL));
        assertArrayEquals(new double[] {1.5}, Idx.read(f, "f.idx", DType.F64).toDoubleArray());
    }

    @Test
    void higherRankAndEmptyShapes() throws IOException {
        double[] v = new double[24];
        for (int i = 0; i < v.length; i++) v[i] = i;
        Tensor t = Idx.read(IdxBytes.encode(IdxType.I16, new int[] {2, 1, 3, 4}, v), "r4", null);
        assertArrayEquals(new int[] {2, 1, 3, 4}, t.shape());
        assertEquals(17, t.get(1, 0, 1, 1));
        Tensor empty = Idx.read(IdxBytes.encode(IdxType.F64, new int[] {0, 5}, new double[0]), "empty", null);
        assertArrayEquals(new int[] {0, 5}, empty.shape());
        // a leading zero dim: 0 elements whatever follows
        Tensor zero = Idx.read(IdxBytes.encode(IdxType.U8, new int[] {0, Integer.MAX_VALUE - 8, 65536}, new double[0]), "zero", null);
        assertArrayEquals(new int[] {0, Integer.MAX_VALUE - 8, 65536}, zero.shape());
    }

    @Test
    void largerThanOneChunk() throws IOException {
        // 3 MiB of u8 crosses the reader's 1 MiB chunks; also checks the gzip path on a real-size stream
        int n = 3 * (1 << 20) + 7;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (i * 31 + i / 977) & 0xff;
        byte[] plain = IdxBytes.encode(IdxType.U8, new int[] {n}, v);
        for (byte[] b : new byte[][] {plain, IdxBytes.gzip(plain)}) {
            float[] got = Idx.read(b, "big", null).toFloatArray();
            for (int i = 0; i < n; i += 1) {
                if (got[i] != (float) v[i]) throw new AssertionError("element " + i + ": " + got[i] + " != " + v[i]);
            }
        }
    }

    // ------------------------------------------------------------ validation: one test per check

    private static DataFileException fails(byte[] bytes, String name) {
        return assertThrows(DataFileException.class, () -> Idx.read(bytes, name, null));
    }

    private static void assertError(DataFileException e, String name, long offset, String reason) {
        assertEquals(name, e.file(), e.getMessage());
        assertEquals(offset, e.byteOffset(), e.getMessage());
        assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("byte " + offset + ": "), e.getMessage());
        assertTrue(e.reason().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
    }

    @Test
    void headerTooShort() {
        for (int n = 0; n < 4; n++) assertError(fails(Arrays.copyOf(new byte[] {0, 0, 8, 1}, n), "h"), "h", n, "header too short");
        byte[] threeDims = {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0};
        assertError(fails(threeDims, "h3"), "h3", 11, "3 dims need a 16-byte header");
    }

    @Test
    void badMagic() {
        assertError(fails(new byte[] {1, 0, 8, 1, 0, 0, 0, 0}, "m"), "m", 0, "bad magic 01 00 08 01");
        assertError(fails(new byte[] {0, 7, 8, 1, 0, 0, 0, 0}, "m"), "m", 1, "two zero bytes");
    }

    @Test
    void unknownTypeCode() {
        for (int code : new int[] {0x00, 0x07, 0x0A, 0x0F, 0xFF}) {
            assertError(fails(new byte[] {0, 0, (byte) code, 1, 0, 0, 0, 0}, "t"), "t", 2, String.format("unknown element type code 0x%02X", code));
        }
    }

    @Test
    void dimsCount() {
        assertError(fails(new byte[] {0, 0, 8, 0}, "d"), "d", 3, "dims count 0");
        byte[] seventeen = new byte[4 + 4 * 17];
        seventeen[2] = 8;
        seventeen[3] = 17;
        assertError(fails(seventeen, "d"), "d", 3, "dims count 17");
    }

    @Test
    void dimOverTheTensorLimitAndProductOverflow() {
        byte[] huge = IdxBytes.encode(IdxType.U8, new int[] {3, -1}, new double[0]);
        assertError(fails(huge, "big"), "big", 8, "dim 1 is 4294967295");
        // each dim fits, the product does not (and overflows a long if multiplied naively)
        byte[] product = IdxBytes.encode(IdxType.U8, new int[] {1 << 20, 1 << 20, 1 << 30, 1 << 30}, new double[0]);
        assertError(fails(product, "prod"), "prod", 4, "dims (1048576, 1048576, 1073741824, 1073741824) hold more than " + Idx.MAX_ELEMENTS + " elements");
        // a running product over the limit is refused even when a later dim is 0 (tensor shapes follow the same rule)
        byte[] zeroLast = IdxBytes.encode(IdxType.U8, new int[] {Integer.MAX_VALUE - 8, 65536, 0}, new double[0]);
        assertError(fails(zeroLast, "z"), "z", 4, "(after dim 1)");
    }

    @Test
    void truncatedAndTrailingPayload() {
        byte[] ok = IdxBytes.encode(IdxType.I16, new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(24, ok.length);
        assertError(fails(Arrays.copyOf(ok, 23), "cut"), "cut", 23, "truncated");
        assertError(fails(Arrays.copyOf(ok, 12), "cut"), "cut", 12, "needs 24 bytes, the file has 12");
        assertError(fails(Arrays.copyOf(ok, 27), "long"), "long", 24, "3 trailing bytes");
    }

    @Test
    void lyingHeaderFailsBeforeAllocating() {
        // declares 2^31 - 9 f64 elements (16 GiB) with 8 bytes behind it: must fail on the length, not allocate
        byte[] lie = IdxBytes.encode(IdxType.F64, new int[] {Idx.MAX_ELEMENTS}, new double[] {1});
        assertError(fails(lie, "lie"), "lie", lie.length, "truncated");
        DataFileException gz = fails(IdxBytes.gzip(lie), "lie.gz");
        assertEquals(lie.length, gz.byteOffset(), gz.getMessage());
        assertTrue(gz.getMessage().contains("uncompressed byte " + lie.length + ": truncated"), gz.getMessage());
    }

    @Test
    void gzipErrorsNameUncompressedOffsets() {
        byte[] ok = IdxBytes.encode(IdxType.U8, new int[] {100}, new double[100]);
        byte[] shortPayload = IdxBytes.gzip(Arrays.copyOf(ok, 50));
        DataFileException e = fails(shortPayload, "s.gz");
        assertEquals(50, e.byteOffset());
        assertTrue(e.getMessage().startsWith("s.gz: uncompressed byte 50: truncated"), e.getMessage());
        DataFileException trailing = fails(IdxBytes.gzip(Arrays.copyOf(ok, 109)), "t.gz");
        assertEquals(108, trailing.byteOffset(), trailing.getMessage());
        assertTrue(trailing.reason().contains("trailing"), trailing.getMessage());
    }

    @Test
    void corruptGzipStreams() {
        byte[] ok = IdxBytes.encode(IdxType.U8, new int[] {1000}, new double[1000]);
        byte[] gz = IdxBytes.gzip(ok);
        // cut inside the compressed data: the inflater runs dry
        DataFileException cut = fails(Arrays.copyOf(gz, gz.length - 12), "cut.gz");
        assertTrue(cut.getMessage().startsWith("cut.gz: uncompressed byte "), cut.getMessage());
        // only the magic: the gzip header itself is short
        DataFileException header = fails(new byte[] {0x1f, (byte) 0x8b}, "hdr.gz");
        assertError(header, "hdr.gz", 0, "corrupt gzip header");
        // a damaged CRC in the trailer is caught at the end of the data
        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 8] ^= 1;
        DataFileException crc = fails(badCrc, "crc.gz");
        assertTrue(crc.reason().contains("corrupt gzip data"), crc.getMessage());
    }

    @Test
    void fileErrorsNameThePath() throws IOException {
        Path p = write("train-labels", new byte[] {0, 0, 8});
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().startsWith(p + ": byte 3: header too short"), e.getMessage());
        Path big = write("big", IdxBytes.encode(IdxType.U8, new int[] {1 << 30}, new double[3]));
        DataFileException b = assertThrows(DataFileException.class, () -> Idx.read(big));
        assertTrue(b.getMessage().startsWith(big + ": byte 11: truncated"), b.getMessage());
    }
}
