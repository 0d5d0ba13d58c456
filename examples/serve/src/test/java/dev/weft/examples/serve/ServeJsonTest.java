package dev.weft.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.examples.serve.Json.JsonNumber;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict JSON reader: what RFC 8259 allows parses to the right values, everything else is refused. */
class ServeJsonTest {
    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -0.5e+2, 0, 2E-3], \"b\": {\"c\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"},"
                + " \"t\": true, \"f\": false, \"n\": null, \"e\": [], \"o\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("a", "b", "t", "f", "n", "e", "o"), List.copyOf(m.keySet()));
        assertEquals(List.of(new JsonNumber("1"), new JsonNumber("-0.5e+2"), new JsonNumber("0"), new JsonNumber("2E-3")), m.get("a"));
        assertEquals("x\"\\/\b\f\n\r\t\u00e9\ud83d\ude00", ((Map<?, ?>) m.get("b")).get("c"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertSame(Json.NULL, m.get("n"));
        assertEquals(List.of(), m.get("e"));
        assertEquals(Map.of(), m.get("o"));
    }

    @Test
    void numbersRoundToF32OnceFromTheirText() {
        // 1.00000005960464477539062500001 lies just above the midpoint of 1 and the next float: it must round up,
        // which a detour through double (rounding to 1.0000000596046448, the exact midpoint) would lose.
        float f = ((JsonNumber) Json.parse("1.00000005960464477539062500001")).toFloat();
        assertEquals(Math.nextUp(1f), f);
        for (float x : new float[] {0.1f, -3.4028235e38f, 1.4e-45f, 1.17549435e-38f, -0f, 123456.79f}) {
            assertEquals(Float.floatToRawIntBits(x), Float.floatToRawIntBits(((JsonNumber) Json.parse(Float.toString(x))).toFloat()),
                    "Float.toString(" + x + ") read back");
        }
    }

    static Stream<String> malformed() {
        return Stream.of("", " ", "{", "}", "[1,]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1,\"a\":2}",
                "01", "1.", ".5", "1e", "-", "+1", "NaN", "Infinity", "-Infinity", "tru", "nul", "'a'", "\"a", "\"\\x\"",
                "\"\\u12g4\"", "\"\\ud800\"", "\"\\ude00x\"", "\"tab\there\"", "[1] [2]", "// c\n1", "[1]x",
                "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1));
    }

    @ParameterizedTest(name = "refuses[{index}]")
    @MethodSource("malformed")
    void refusesWhatRfc8259Forbids(String text) {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(text), text);
        assertTrue(e.getMessage().startsWith("JSON: "), e.getMessage());
    }

    @Test
    void refusesMalformedUtf8() {
        byte[] bad = {'"', (byte) 0xc3, '"'};
        assertThrows(Json.JsonException.class, () -> Json.parse(bad));
        assertEquals("\u00e9", Json.parse("\"\u00e9\"".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nestingUpToTheLimitParses() {
        int depth = Json.MAX_DEPTH;
        Object v = Json.parse("[".repeat(depth) + "]".repeat(depth));
        for (int i = 1; i < depth; i++) v = ((List<?>) v).get(0);
        assertEquals(List.of(), v);
    }
}
