package dev.weft.nn.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.weft.nn.io.RawFiles.concat;
import static dev.weft.nn.io.RawFiles.le32;
import static dev.weft.nn.io.RawFiles.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each way a file can be malformed gives a SafetensorsException naming the file, the byte offset and the reason. */
class SafetensorsValidationTest {
    private static final String A = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";

    /** A file whose header is h (as is, unpadded) followed by data. */
    private static byte[] f(String h, byte[] data) {
        return RawFiles.file(h, data);
    }

    /** Offset in the file of the first occurrence of what in an ASCII header. */
    private static long at(String h, String what) {
        int i = h.indexOf(what);
        if (i < 0) throw new IllegalArgumentException(what + " not in " + h);
        return 8 + i;
    }

    private static String one(String entry) {
        return "{\"a\":" + entry + "}";
    }

    @Test
    void aValidFileReads() throws Exception {
        assertEquals(1.5f, Safetensors.read(f(A, le32(1.5f)), "t").tensor("a").item(), 0);
    }

    @Test
    void filesShorterThanTheLengthField() {
        for (int n = 0; n < 8; n++) rejects(new byte[n], 0, "holds " + n + " bytes, fewer than the 8-byte header length");
    }

    @Test
    void headerLengthBeyondTheLimitOrTheFile() {
        rejects(RawFiles.file(100_000_001L, new byte[0], new byte[0]), 0, "header length 100000001 exceeds the limit of 100000000");
        rejects(RawFiles.file(-1L, new byte[0], new byte[0]), 0, "header length 18446744073709551615 exceeds the limit");
        rejects(RawFiles.file(50, "{}".getBytes(), new byte[0]), 0, "header length 50 runs past the end of the file (10 bytes, so at most 2)");
    }

    @Test
    void otherFormatsAreNamedWithTheWayOut() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        SafetensorsException e = rejects(zip, 0, "this is a zip archive, not a safetensors file: PyTorch's torch.save");
        assertTrue(e.reason().contains("safetensors.torch.save_file(model.state_dict()"), e.reason());
        byte[] pickle = {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8};
        rejects(pickle, 0, "this is a Python pickle (protocol 2), e.g. a legacy torch.save file");
        rejects(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, 0, "this is a gzip file");
        byte[] npy = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0};
        rejects(npy, 0, "this is a NumPy .npy array");
        // a plausible header length keeps the safetensors reason, whatever the first bytes look like
        rejects(RawFiles.file(100_000_001L, new byte[0], new byte[0]), 0, "exceeds the limit");
    }

    @Test
    void headerSyntax() {
        rejects(f("", new byte[0]), 8, "the header is empty");
        rejects(f(" {}", new byte[0]), 8, "must start with '{', found ' '");
        String trailingComma = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},}";
        rejects(f(trailingComma, le32(1)), 8 + trailingComma.length() - 1, "expected a tensor name (a string), found '}'");
        rejects(f("{\"a", new byte[0]), 9, "unterminated string");
        rejects(f("{\"a\\q\":1}", new byte[0]), 11, "invalid escape \\q");
        rejects(f("{\"\\ud800\":1}", new byte[0]), 10, "unpaired surrogate \\ud800");
        rejects(f("{\"\\udc00\\u0041\":1}", new byte[0]), 10, "unpaired surrogate \\udc00");
        rejects(f("{\"\\u12G4\":1}", new byte[0]), 10, "\\u escape needs 4 hex digits");
        rejects(f("{\"a\nb\":1}", new byte[0]), 11, "control character 0x0A in a string must be escaped");
        rejects(f("{\"a\" 1}", new byte[0]), 13, "expected ':' after the key \"a\", found '1'");
        rejects(f("{\"a\":{}}x", new byte[0]), 9, "tensor \"a\": missing field \"dtype\"");
        rejects(f("{} x", new byte[0]), 11, "unexpected 'x' after the header object");
        rejects(f("{}\u0000", new byte[0]), 10, "unexpected byte 0x00 after the header object");
        rejects(f("{\"a\":[]}", new byte[0]), 13, "tensor \"a\": expected an object, found '['");
        rejects(f("{\"a\":{\"dtype\":\"F32\" \"shape\":[]}}", new byte[0]), 8 + 20, "tensor \"a\": expected ',' or '}', found '\"'");
    }

    @Test
    void invalidUtf8() {
        byte[] h1 = concat("{\"".getBytes(), new byte[] {(byte) 0xC3, 0x28}, "\":1}".getBytes());
        rejects(RawFiles.file(h1.length, h1, new byte[0]), 11, "invalid UTF-8 continuation byte 0x28");
        byte[] overlong = concat("{\"".getBytes(), new byte[] {(byte) 0xC0, (byte) 0x80}, "\":1}".getBytes());
        rejects(RawFiles.file(overlong.length, overlong, new byte[0]), 10, "invalid UTF-8 byte 0xC0");
        byte[] surrogate = concat("{\"".getBytes(), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\":1}".getBytes());
        rejects(RawFiles.file(surrogate.length, surrogate, new byte[0]), 11, "invalid UTF-8 continuation byte 0xA0");
        byte[] cut = concat("{\"".getBytes(), new byte[] {(byte) 0xE2, (byte) 0x98});
        rejects(RawFiles.file(cut.length, cut, new byte[0]), 10, "truncated UTF-8 sequence");
        byte[] outside = concat("{".getBytes(), new byte[] {(byte) 0xE2, (byte) 0x98, (byte) 0x83});
        rejects(RawFiles.file(outside.length, outside, new byte[0]), 9, "expected a tensor name (a string), found byte 0xE2");
    }

    @Test
    void numbers() {
        String[][] cases = {
                {"[01]", "[01]", "a number may not have leading zeros"},
                {"[-1]", "-1", "\"shape\" must hold non-negative integers, got -1"},
                {"[1.0]", "1.0", "must hold non-negative integers, got 1.0"},
                {"[1e3]", "1e3", "must hold non-negative integers, got 1e3"},
                {"[18446744073709551616]", "184", "\"shape\" value 18446744073709551616 is too large"},
                {"[[1]]", "[1]", "\"shape\" must hold integers, found '['"},
                {"[1,]", ",]", "\"shape\" must hold integers, found ']'"},
                {"[true]", "true", "\"shape\" must hold integers, found 't'"},
                {"[1 2]", " 2", "expected ',' or ']' in \"shape\", found '2'"},
                {"\"1\"", "\"1\"", "\"shape\" must be an array, found '\"'"},
        };
        for (String[] c : cases) {
            String h = one("{\"dtype\":\"F32\",\"shape\":" + c[0] + ",\"data_offsets\":[0,4]}");
            long offset = at(h, c[1]) + switch (c[1]) {
                case "[01]" -> 2;
                case ",]", " 2" -> 1;
                default -> 0;
            };
            rejects(f(h, le32(1)), offset, c[2]);
        }
        String rank65 = one("{\"dtype\":\"F32\",\"shape\":[" + "1,".repeat(64) + "1],\"data_offsets\":[0,4]}");
        rejects(f(rank65, le32(1)), at(rank65, "1]"), "\"shape\" holds more than 64 values");
        String three = one("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,4]}");
        rejects(f(three, le32(1)), at(three, "4]"), "\"data_offsets\" holds more than 2 values");
        String oneOffset = one("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}");
        rejects(f(oneOffset, le32(1)), at(oneOffset, "[4]"), "\"data_offsets\" must hold 2 integers [begin, end], got 1");
    }

    @Test
    void fieldsAndKeys() {
        String unknown = one("{\"dtype\":\"F32\",\"dtypes\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}");
        rejects(f(unknown, le32(1)), at(unknown, "\"dtypes\""), "tensor \"a\": unknown field \"dtypes\"");
        String missing = one("{\"dtype\":\"F32\",\"shape\":[1]}");
        rejects(f(missing, le32(1)), 9, "tensor \"a\": missing field \"data_offsets\"");
        String twice = one("{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}");
        rejects(f(twice, le32(1)), at(twice, "\"dtype\":\"F32\",\"shape"), "duplicate field \"dtype\"");
        String dup = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        rejects(f(dup, le32(1, 2)), at(dup, "},\"a\"") + 2, "duplicate tensor name \"a\"");
        String dtypeNumber = one("{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}");
        rejects(f(dtypeNumber, le32(1)), at(dtypeNumber, "32"), "\"dtype\" must be a string, found '3'");
    }

    @Test
    void metadata() {
        String dup = "{\"__metadata__\":{\"k\":\"v\",\"k\":\"w\"}}";
        rejects(f(dup, new byte[0]), at(dup, "\"k\":\"w"), "duplicate \"__metadata__\" key \"k\"");
        String number = "{\"__metadata__\":{\"k\":1}}";
        rejects(f(number, new byte[0]), at(number, "1}"), "\"__metadata__\" value of \"k\" must be a string, found '1'");
        String array = "{\"__metadata__\":[]}";
        rejects(f(array, new byte[0]), at(array, "[]"), "\"__metadata__\" must be an object of strings, found '['");
        String twice = "{\"__metadata__\":{},\"__metadata__\":{}}";
        rejects(f(twice, new byte[0]), at(twice, ",\"__") + 1, "duplicate key \"__metadata__\"");
        String nul = "{\"__metadata__\":nul}";
        rejects(f(nul, new byte[0]), at(nul, "nul"), "expected null");
    }

    @Test
    void dtypes() {
        String bad = one("{\"dtype\":\"F33\",\"shape\":[1],\"data_offsets\":[0,4]}");
        SafetensorsException e = rejects(f(bad, le32(1)), at(bad, "\"F33\""), "tensor \"a\": unknown dtype \"F33\"");
        assertTrue(e.reason().contains("Weft reads [BOOL, U8, I8, I16, U16, F16, BF16, I32, F32, F64, I64]"), e.reason());
        String fp8 = one("{\"dtype\":\"F8_E4M3\",\"shape\":[4],\"data_offsets\":[0,4]}");
        rejects(f(fp8, le32(1)), at(fp8, "\"F8_E4M3\""), "tensor \"a\": dtype F8_E4M3 is not supported by Weft");
    }

    @Test
    void offsetsAndSizes() {
        String backwards = one("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}");
        rejects(f(backwards, le32(1)), at(backwards, "[4,0]"), "data_offsets [4, 0] run backwards");
        String past = one("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}");
        rejects(f(past, le32(1)), at(past, "[0,8]"), "data_offsets [0, 8] run past the data region of 4 bytes");
        String size = one("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}");
        rejects(f(size, le32(1)), at(size, "[2]"), "shape [2] of F32 needs 8 bytes, but data_offsets [0, 4] hold 4");
        String overflow = one("{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,4]}");
        rejects(f(overflow, le32(1)), at(overflow, "[46"), "shape [4611686018427387904, 4] of F32 overflows a 64-bit byte count");
        String wideDim = one("{\"dtype\":\"BOOL\",\"shape\":[3000000000,0],\"data_offsets\":[0,0]}");
        rejects(f(wideDim, new byte[0]), at(wideDim, "[30"), "dim 3000000000 exceeds Weft's limit of 2147483647");
        String many = one("{\"dtype\":\"BOOL\",\"shape\":[65536,65536],\"data_offsets\":[0,4]}");
        rejects(f(many, le32(1)), at(many, "[65536"), "4294967296 elements exceed Weft's limit");
    }

    @Test
    void rangesMustTileTheDataRegion() {
        String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        rejects(f(overlap, le32(1, 2)), at(overlap, "[4,8]"), "tensor \"b\": data_offsets [4, 8] overlap tensor \"a\", which ends at 8");
        String gap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        rejects(f(gap, le32(1, 2, 3)), 8 + gap.length() + 4, "data bytes [4, 8) belong to no tensor (the next one, \"b\", starts at 8)");
        String late = one("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}");
        rejects(f(late, le32(1, 2)), 8 + late.length(), "data bytes [0, 4) belong to no tensor");
        rejects(f(A, le32(1, 2)), 8 + A.length() + 4, "the tensors cover 4 bytes of data, but the file holds 8 after the header");
        rejects(f("{}", le32(1)), 10, "the tensors cover 0 bytes of data, but the file holds 4");
    }

    @Test
    void boolBytesMustBeZeroOrOne() {
        String h = one("{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]}");
        rejects(f(h, new byte[] {1, 0, 2}), 8 + h.length() + 2, "tensor \"a\": BOOL element 2 is 2, expected 0 or 1");
    }

    @Test
    void theMessageNamesTheFileOnDisk(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("model.safetensors");
        Files.write(p, new byte[] {1, 2, 3});
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(p));
        assertEquals("safetensors: " + p + ": byte 0: the file holds 3 bytes, fewer than the 8-byte header length", e.getMessage());
        Files.write(p, RawFiles.file("{\"a\":1}", new byte[0]));
        e = assertThrows(SafetensorsException.class, () -> Safetensors.readHeader(p));
        assertEquals("safetensors: " + p + ": byte 13: header: tensor \"a\": expected an object, found '1'", e.getMessage());
        assertEquals(p.toString(), e.source());
    }

    @Test
    void namesInMessagesAreEscapedAndCut() {
        String longName = "n\u0007" + "x".repeat(200);
        String h = "{\"" + longName.replace("\u0007", "\\u0007") + "\":{\"dtype\":\"F33\",\"shape\":[],\"data_offsets\":[0,4]}}";
        SafetensorsException e = rejects(f(h, le32(1)), at(h, "\"F33\""), "unknown dtype");
        assertTrue(e.reason().startsWith("tensor \"n\\u0007" + "x".repeat(78) + "...\""), e.reason());
        assertEquals(h.getBytes(StandardCharsets.UTF_8).length, h.length());
    }
}
