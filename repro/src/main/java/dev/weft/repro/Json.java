package dev.weft.repro;

import dev.weft.nn.io.JsonStrings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small JSON the result files need: {@link #write} turns maps, lists, strings, numbers, booleans and
 * null into text (NaN and infinities as null, doubles in shortest round-trip form); {@link #parse} reads
 * it back into LinkedHashMap, ArrayList, String, Double, Boolean and null. Not a general JSON library:
 * no streaming, and \\u escapes only for what {@link #write} emits.
 */
public final class Json {
    private Json() {}

    public static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, "", false);
        return sb.toString();
    }

    /** The same value on one line (the {@code --json} stdout contract). */
    public static String writeLine(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, "", true);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, String indent, boolean oneLine) {
        String nl = oneLine ? "" : "\n", in = oneLine ? "" : indent + "  ", sep = oneLine ? ", " : ",";
        switch (v) {
            case null -> sb.append("null");
            case String s -> JsonStrings.quote(sb, s);
            case Boolean b -> sb.append(b);
            case Double d -> sb.append(d.isNaN() || d.isInfinite() ? "null" : Double.toString(d));
            case Float f -> write(sb, f.doubleValue(), indent, oneLine);
            case Number n -> sb.append(n.longValue());
            case Map<?, ?> m -> {
                sb.append('{');
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(i++ == 0 ? "" : sep).append(nl).append(in);
                    JsonStrings.quote(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), in, oneLine);
                }
                sb.append(m.isEmpty() ? "" : nl + (oneLine ? "" : indent)).append('}');
            }
            case List<?> l -> {
                boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i == 0 ? "" : flat ? ", " : sep);
                    if (!flat) sb.append(nl).append(in);
                    write(sb, l.get(i), in, oneLine);
                }
                sb.append(!flat && !l.isEmpty() ? nl + (oneLine ? "" : indent) : "").append(']');
            }
            default -> throw new IllegalArgumentException("Json.write: cannot write a " + v.getClass().getName());
        }
    }

    /** Parses one JSON value; a syntax error names the offset. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.skip();
        if (p.i != text.length()) throw p.error("trailing characters");
        return v;
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Json.parse: " + what + " at offset " + i);
        }

        void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        Object value() {
            skip();
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            if (start == i) throw error("unexpected '" + c + "'");
            return Double.parseDouble(s.substring(start, i));
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skip();
            if (s.charAt(i) == '}') { i++; return m; }
            while (true) {
                skip();
                String k = string();
                skip();
                if (s.charAt(i++) != ':') throw error("expected ':'");
                m.put(k, value());
                skip();
                char c = s.charAt(i++);
                if (c == '}') return m;
                if (c != ',') throw error("expected ',' or '}'");
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            skip();
            if (s.charAt(i) == ']') { i++; return l; }
            while (true) {
                l.add(value());
                skip();
                char c = s.charAt(i++);
                if (c == ']') return l;
                if (c != ',') throw error("expected ',' or ']'");
            }
        }

        String string() {
            if (s.charAt(i) != '"') throw error("expected a string");
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') { sb.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> { sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> sb.append(e);
                }
            }
        }
    }
}
