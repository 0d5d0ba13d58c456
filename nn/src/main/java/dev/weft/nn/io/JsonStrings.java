package dev.weft.nn.io;

import java.util.Locale;

/**
 * A JSON string literal with the escapes a strict reader expects (RFC 8259): quote, backslash, the short
 * forms of backspace, form feed, newline, carriage return and tab, and a backslash-u escape (four hex digits) for the other control
 * characters; everything else as is. The one writer of JSON strings for safetensors headers, bench result
 * lines and reproduction result files.
 */
public final class JsonStrings {
    private JsonStrings() {}

    /**
     * Appends a string as a quoted JSON string literal.
     *
     * @param sb the builder to append to
     * @param s the string to quote
     * @return sb
     */
    public static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"');
    }
}
