package dev.weft.nn.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict parser for the safetensors JSON header, working on the raw UTF-8 bytes so that every
 * error carries its exact file offset. It accepts only the header's shape: one object whose keys
 * are tensor names (each an object with exactly "dtype", "shape", "data_offsets") plus an optional
 * "__metadata__" object of strings. RFC 8259 syntax: no trailing commas, no comments, no leading
 * zeros, escaped control characters, paired surrogates, well-formed UTF-8; duplicate keys are an
 * error. Nesting is fixed at depth 3, so no recursion and no stack to exhaust; memory is bounded by
 * a small multiple of the header length.
 */
final class HeaderParser {
    /** Largest rank accepted; more dims than this is taken as a corrupt file. */
    static final int MAX_RANK = 64;

    /** One tensor entry as written in the header, before validation. Offsets are file offsets. */
    record Entry(String name, long at, String dtype, long dtypeAt, long[] shape, long shapeAt,
                 long begin, long end, long offsetsAt) {}

    /** The parsed header: entries in header order, metadata (null when absent). */
    record Parsed(List<Entry> entries, Map<String, String> metadata) {}

    private final byte[] b;
    private final String source;
    private final long base;
    private int pos;

    private HeaderParser(byte[] header, String source, long base) {
        this.b = header;
        this.source = source;
        this.base = base;
    }

    /** Parses header bytes that start at file offset {@code base}. */
    static Parsed parse(byte[] header, String source, long base) throws SafetensorsException {
        return new HeaderParser(header, source, base).root();
    }

    private Parsed root() throws SafetensorsException {
        if (b.length == 0) throw fail("the header is empty (expected a JSON object)");
        if (b[0] != '{') throw fail("the header must start with '{', found " + describe(0));
        pos = 1;
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> metadata = null;
        boolean sawMetadata = false;
        skipWs();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                long keyAt = here();
                String key = string("a tensor name");
                colon(key);
                if (key.equals("__metadata__")) {
                    if (sawMetadata) throw failAt(keyAt, "duplicate key \"__metadata__\"");
                    sawMetadata = true;
                    metadata = metadata();
                } else {
                    if (!names.add(key)) throw failAt(keyAt, "duplicate tensor name " + quote(key));
                    entries.add(entry(key, keyAt));
                }
                skipWs();
                int c = peek();
                if (c == ',') {
                    pos++;
                    skipWs();
                } else if (c == '}') {
                    pos++;
                    break;
                } else {
                    throw fail("expected ',' or '}' after the value of " + quote(key) + ", found " + describe(pos));
                }
            }
        }
        skipWs();
        if (pos != b.length) throw fail("unexpected " + describe(pos) + " after the header object (only whitespace may pad it)");
        return new Parsed(entries, metadata);
    }

    private Map<String, String> metadata() throws SafetensorsException {
        skipWs();
        if (peek() == 'n') {
            literal("null");
            return null;
        }
        if (peek() != '{') throw fail("\"__metadata__\" must be an object of strings, found " + describe(pos));
        pos++;
        Map<String, String> out = new LinkedHashMap<>();
        skipWs();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            long keyAt = here();
            String key = string("a metadata key");
            colon(key);
            skipWs();
            if (peek() != '"') throw fail("\"__metadata__\" value of " + quote(key) + " must be a string, found " + describe(pos));
            String value = string("a metadata value");
            if (out.putIfAbsent(key, value) != null) throw failAt(keyAt, "duplicate \"__metadata__\" key " + quote(key));
            skipWs();
            int c = peek();
            if (c == ',') {
                pos++;
                skipWs();
            } else if (c == '}') {
                pos++;
                return out;
            } else {
                throw fail("expected ',' or '}' in \"__metadata__\", found " + describe(pos));
            }
        }
    }

    private Entry entry(String name, long at) throws SafetensorsException {
        skipWs();
        if (peek() != '{') throw fail("tensor " + quote(name) + ": expected an object, found " + describe(pos));
        pos++;
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        long dtypeAt = -1, shapeAt = -1, offsetsAt = -1;
        skipWs();
        if (peek() != '}') {
            while (true) {
                long keyAt = here();
                String key = string("a field name");
                colon(key);
                skipWs();
                long valueAt = here();
                switch (key) {
                    case "dtype" -> {
                        if (dtype != null) throw failAt(keyAt, "tensor " + quote(name) + ": duplicate field \"dtype\"");
                        if (peek() != '"') throw fail("tensor " + quote(name) + ": \"dtype\" must be a string, found " + describe(pos));
                        dtype = string("a dtype");
                        dtypeAt = valueAt;
                    }
                    case "shape" -> {
                        if (shape != null) throw failAt(keyAt, "tensor " + quote(name) + ": duplicate field \"shape\"");
                        shape = integers(name, "shape", MAX_RANK);
                        shapeAt = valueAt;
                    }
                    case "data_offsets" -> {
                        if (offsets != null) throw failAt(keyAt, "tensor " + quote(name) + ": duplicate field \"data_offsets\"");
                        offsets = integers(name, "data_offsets", 2);
                        if (offsets.length != 2) {
                            throw failAt(valueAt, "tensor " + quote(name) + ": \"data_offsets\" must hold 2 integers [begin, end], got " + offsets.length);
                        }
                        offsetsAt = valueAt;
                    }
                    default -> throw failAt(keyAt, "tensor " + quote(name) + ": unknown field " + quote(key)
                            + " (expected \"dtype\", \"shape\", \"data_offsets\")");
                }
                skipWs();
                int c = peek();
                if (c == ',') {
                    pos++;
                    skipWs();
                } else if (c == '}') {
                    break;
                } else {
                    throw fail("tensor " + quote(name) + ": expected ',' or '}', found " + describe(pos));
                }
            }
        }
        pos++;
        String missing = dtype == null ? "dtype" : shape == null ? "shape" : offsets == null ? "data_offsets" : null;
        if (missing != null) throw failAt(at, "tensor " + quote(name) + ": missing field \"" + missing + "\"");
        return new Entry(name, at, dtype, dtypeAt, shape, shapeAt, offsets[0], offsets[1], offsetsAt);
    }

    /** A JSON array of non-negative integers of at most max elements. */
    private long[] integers(String name, String field, int max) throws SafetensorsException {
        if (peek() != '[') throw fail("tensor " + quote(name) + ": \"" + field + "\" must be an array, found " + describe(pos));
        pos++;
        long[] out = new long[Math.min(max, 8)];
        int n = 0;
        skipWs();
        if (peek() == ']') {
            pos++;
            return new long[0];
        }
        while (true) {
            if (n == max) throw fail("tensor " + quote(name) + ": \"" + field + "\" holds more than " + max + " values");
            if (n == out.length) out = java.util.Arrays.copyOf(out, Math.min(max, 2 * n));
            out[n++] = unsignedInteger(name, field);
            skipWs();
            int c = peek();
            if (c == ',') {
                pos++;
                skipWs();
            } else if (c == ']') {
                pos++;
                return java.util.Arrays.copyOf(out, n);
            } else {
                throw fail("tensor " + quote(name) + ": expected ',' or ']' in \"" + field + "\", found " + describe(pos));
            }
        }
    }

    /** A JSON number that must be a non-negative integer fitting a signed 64-bit value. */
    private long unsignedInteger(String name, String field) throws SafetensorsException {
        int start = pos;
        boolean negative = false;
        if (peek() == '-') {
            negative = true;
            pos++;
        }
        int c = peek();
        if (c < '0' || c > '9') {
            pos = start;
            throw fail("tensor " + quote(name) + ": \"" + field + "\" must hold integers, found " + describe(start));
        }
        long v = 0;
        boolean overflow = false;
        if (c == '0') {
            pos++;
            int d = peek();
            if (d >= '0' && d <= '9') throw fail("tensor " + quote(name) + ": \"" + field + "\": a number may not have leading zeros");
        } else {
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                int d = b[pos] - '0';
                if (v > (Long.MAX_VALUE - d) / 10) overflow = true;
                else v = v * 10 + d;
                pos++;
            }
        }
        boolean fraction = false;
        if (peek() == '.') {
            pos++;
            if (!digits()) throw fail("tensor " + quote(name) + ": \"" + field + "\": expected digits after '.'");
            fraction = true;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!digits()) throw fail("tensor " + quote(name) + ": \"" + field + "\": expected digits in the exponent");
            fraction = true;
        }
        String text = new String(b, start, Math.min(pos - start, 40), java.nio.charset.StandardCharsets.US_ASCII);
        if (negative || fraction) {
            throw failAt(base + start, "tensor " + quote(name) + ": \"" + field + "\" must hold non-negative integers, got " + text);
        }
        if (overflow) throw failAt(base + start, "tensor " + quote(name) + ": \"" + field + "\" value " + text + " is too large");
        return v;
    }

    private boolean digits() {
        int start = pos;
        while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') pos++;
        return pos > start;
    }

    private void literal(String word) throws SafetensorsException {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= b.length || b[pos + i] != word.charAt(i)) throw fail("expected " + word + ", found " + describe(pos));
        }
        pos += word.length();
    }

    private void colon(String key) throws SafetensorsException {
        skipWs();
        if (peek() != ':') throw fail("expected ':' after the key " + quote(key) + ", found " + describe(pos));
        pos++;
    }

    /** A JSON string; what names the role in the error message. */
    private String string(String what) throws SafetensorsException {
        if (peek() != '"') throw fail("expected " + what + " (a string), found " + describe(pos));
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= b.length) throw failAt(base + start, "unterminated string");
            int c = b[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return sb.toString();
            } else if (c == '\\') {
                escape(sb);
            } else if (c < 0x20) {
                throw fail("control character " + hex(c) + " in a string must be escaped");
            } else if (c < 0x80) {
                sb.append((char) c);
                pos++;
            } else {
                sb.appendCodePoint(utf8());
            }
        }
    }

    private void escape(StringBuilder sb) throws SafetensorsException {
        int at = pos;
        pos++;
        if (pos >= b.length) throw failAt(base + at, "unterminated escape");
        int c = b[pos++] & 0xFF;
        switch (c) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                int u = hex4(at);
                if (Character.isHighSurrogate((char) u)) {
                    if (pos + 1 < b.length && b[pos] == '\\' && b[pos + 1] == 'u') {
                        int lowAt = pos;
                        pos += 2;
                        int low = hex4(lowAt);
                        if (!Character.isLowSurrogate((char) low)) throw failAt(base + at, "unpaired surrogate \\u" + Integer.toHexString(u));
                        sb.append((char) u).append((char) low);
                    } else {
                        throw failAt(base + at, "unpaired surrogate \\u" + Integer.toHexString(u));
                    }
                } else if (Character.isLowSurrogate((char) u)) {
                    throw failAt(base + at, "unpaired surrogate \\u" + Integer.toHexString(u));
                } else {
                    sb.append((char) u);
                }
            }
            default -> throw failAt(base + at, "invalid escape \\" + printable(c));
        }
    }

    /** Reads the 4 hex digits after "\\u" (pos is just past the 'u'). */
    private int hex4(int escapeAt) throws SafetensorsException {
        if (pos + 4 > b.length) throw failAt(base + escapeAt, "truncated \\u escape");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(b[pos + i] & 0xFF, 16);
            if (d < 0 || (b[pos + i] & 0x80) != 0) throw failAt(base + escapeAt, "\\u escape needs 4 hex digits");
            v = v * 16 + d;
        }
        pos += 4;
        return v;
    }

    /** Decodes one multi-byte UTF-8 sequence at pos, rejecting overlong forms, surrogates and > U+10FFFF. */
    private int utf8() throws SafetensorsException {
        int c = b[pos] & 0xFF;
        int n;
        int cp;
        int lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            throw fail("invalid UTF-8 byte " + hex(c));
        }
        for (int i = 1; i <= n; i++) {
            if (pos + i >= b.length) throw fail("truncated UTF-8 sequence");
            int d = b[pos + i] & 0xFF;
            if (d < lo || d > hi) throw failAt(base + pos + i, "invalid UTF-8 continuation byte " + hex(d));
            lo = 0x80;
            hi = 0xBF;
            cp = (cp << 6) | (d & 0x3F);
        }
        pos += n + 1;
        return cp;
    }

    private void skipWs() {
        while (pos < b.length && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) pos++;
    }

    private int peek() {
        return pos < b.length ? b[pos] & 0xFF : -1;
    }

    private long here() {
        return base + pos;
    }

    private String describe(int at) {
        if (at >= b.length) return "the end of the header";
        int c = b[at] & 0xFF;
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : "byte " + hex(c);
    }

    private static String printable(int c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : hex(c);
    }

    private static String hex(int c) {
        return String.format("0x%02X", c);
    }

    /** A name for messages: quoted, control characters escaped, cut at 80 characters. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length() && i < 80; i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == 0x7F) sb.append(String.format("\\u%04x", (int) ch));
            else sb.append(ch);
        }
        if (s.length() > 80) sb.append("...");
        return sb.append('"').toString();
    }

    private SafetensorsException fail(String reason) {
        return failAt(base + pos, reason);
    }

    private SafetensorsException failAt(long at, String reason) {
        return new SafetensorsException(source, at, "header: " + reason);
    }
}
