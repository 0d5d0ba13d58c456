package dev.weft.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one flat JSON object (string, number, boolean and null values; the escapes {@link JsonLine}
 * writes) into an ordered map, failing on anything else: what {@code bench report --from} reads, and how
 * tests see a malformed line.
 */
public final class FlatJson {
    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    /** The fields in order; numbers as Double, strings as String, booleans as Boolean, null as null. */
    public static Map<String, Object> parse(String line) {
        FlatJson p = new FlatJson(line.strip());
        Map<String, Object> out = new LinkedHashMap<>();
        p.expect('{');
        p.ws();
        if (p.peek() == '}') {
            p.i++;
        } else {
            while (true) {
                p.ws();
                String key = p.string();
                p.ws();
                p.expect(':');
                p.ws();
                if (out.containsKey(key)) throw p.error("duplicate key " + key);
                out.put(key, p.value());
                p.ws();
                char c = p.next();
                if (c == '}') break;
                if (c != ',') throw p.error("expected , or }");
            }
        }
        if (p.i != p.s.length()) throw p.error("trailing text");
        return out;
    }

    private Object value() {
        char c = peek();
        if (c == '"') return string();
        int start = i;
        while (i < s.length() && ",}".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) i++;
        String tok = s.substring(start, i);
        switch (tok) {
            case "null" -> { return null; }
            case "true" -> { return Boolean.TRUE; }
            case "false" -> { return Boolean.FALSE; }
            default -> {
                if (!tok.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) throw error("bad value '" + tok + "'");
                return Double.parseDouble(tok);
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') return sb.toString();
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length() || !s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) throw error("bad \\u escape");
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            } else {
                if (c < 0x20) throw error("control character in string");
                sb.append(c);
            }
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private char peek() {
        if (i >= s.length()) throw error("unexpected end");
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) throw error("expected " + c);
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at " + i + " in: " + s);
    }
}
