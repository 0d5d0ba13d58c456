package dev.weft.examples.serve;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader for request bodies: well-formed UTF-8, no trailing commas, comments, leading
 * zeros, bare NaN/Infinity or duplicate keys; nesting at most {@link #MAX_DEPTH}. Objects become
 * {@code Map<String, Object>} (in order), arrays {@code List<Object>}, strings {@code String}, numbers
 * {@link JsonNumber} (the literal text, so F32 inputs are parsed once, correctly rounded), true/false
 * {@code Boolean}, null {@link #NULL}. Memory is a small multiple of the input, which the caller bounds.
 */
final class Json {
    private Json() {}

    /** Deepest nesting accepted (the parser recurses once per level). */
    static final int MAX_DEPTH = 64;

    /** JSON's null (a Map or List cannot hold Java null unambiguously). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A number as written; {@link #toFloat()} rounds the decimal to F32 directly (no detour through double). */
    record JsonNumber(String text) {
        float toFloat() {
            return Float.parseFloat(text);
        }
    }

    /** Malformed JSON: the message names what was expected and the offset (in characters) where it was not found. */
    static final class JsonException extends IllegalArgumentException {
        JsonException(String message) {
            super(message);
        }
    }

    /** Decodes {@code utf8} strictly (malformed bytes are an error) and parses one JSON value. */
    static Object parse(byte[] utf8) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonException("JSON: the body is not well-formed UTF-8");
        }
        return parse(s);
    }

    /** Parses one JSON value filling all of {@code s} (surrounding whitespace allowed). */
    static Object parse(String s) {
        Json.Reader r = new Json.Reader(s);
        r.skipWhitespace();
        Object v = r.value(0);
        r.skipWhitespace();
        if (r.pos != s.length()) throw r.error("end of input");
        return v;
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        JsonException error(String expected) {
            String found = pos >= s.length() ? "end of input" : "'" + s.charAt(pos) + "'";
            return new JsonException("JSON: expected " + expected + " at offset " + pos + ", found " + found);
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                pos++;
            }
        }

        Object value(int depth) {
            if (depth >= MAX_DEPTH) throw new JsonException("JSON: nesting deeper than " + MAX_DEPTH + " at offset " + pos);
            if (pos >= s.length()) throw error("a value");
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", NULL);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) yield number();
                    throw error("a value");
                }
            };
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, pos)) throw error("'" + word + "'");
            pos += word.length();
            return v;
        }

        private Map<String, Object> object(int depth) {
            pos++;                                                  // '{'
            Map<String, Object> m = new LinkedHashMap<>();
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWhitespace();
                if (pos >= s.length() || s.charAt(pos) != '"') throw error("a string key");
                int keyAt = pos;
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                if (m.containsKey(key)) throw new JsonException("JSON: duplicate key \"" + key + "\" at offset " + keyAt);
                m.put(key, value(depth + 1));
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        private List<Object> array(int depth) {
            pos++;                                                  // '['
            List<Object> a = new ArrayList<>();
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return Collections.unmodifiableList(a);
            }
            while (true) {
                skipWhitespace();
                a.add(value(depth + 1));
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return Collections.unmodifiableList(a);
            }
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) throw error("'" + c + "'");
            pos++;
        }

        private String string() {
            int start = pos++;                                      // '"'
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) throw error("'\"' closing the string");
                char c = s.charAt(pos++);
                if (c == '"') return checkSurrogates(sb, start);
                if (c < 0x20) {
                    pos--;
                    throw error("an escaped control character");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= s.length()) throw error("an escape");
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(hex4());
                    default -> {
                        pos--;
                        throw error("an escape (one of \" \\ / b f n r t u)");
                    }
                }
            }
        }

        // Raw text arrives decoded and well-formed; only a backslash-u escape can leave a surrogate unpaired.
        private static String checkSurrogates(StringBuilder sb, int start) {
            for (int i = 0; i < sb.length(); i++) {
                char c = sb.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < sb.length() && Character.isLowSurrogate(sb.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new JsonException("JSON: unpaired surrogate \\u" + Integer.toHexString(c) + " in the string at offset " + start);
                }
            }
            return sb.toString();
        }

        private char hex4() {
            if (pos + 4 > s.length()) throw error("four hex digits");
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(s.charAt(pos), 16);
                if (d < 0) throw error("a hex digit");
                v = v * 16 + d;
                pos++;
            }
            return (char) v;
        }

        // RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        private JsonNumber number() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            if (pos < s.length() && s.charAt(pos) == '0') {
                pos++;
            } else if (digits() == 0) {
                throw error("a digit");
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                if (digits() == 0) throw error("a digit after '.'");
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                if (digits() == 0) throw error("a digit in the exponent");
            }
            return new JsonNumber(s.substring(start, pos));
        }

        private int digits() {
            int n = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
                n++;
            }
            return n;
        }
    }
}
