package dev.weft.nn.data;

import java.util.regex.Pattern;

/**
 * Strict number parsing for text data: decimal and scientific notation, nan, inf (either case, optional
 * sign); surrounding spaces allowed. Java-only forms (hex floats, a trailing d or f) are rejected.
 */
final class Numbers {
    private Numbers() {}

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** The value, or NaN with ok[0] = false when s is not a number. */
    static double parseDouble(String s, boolean[] ok) {
        String t = s.strip();
        ok[0] = true;
        if (DECIMAL.matcher(t).matches()) return Double.parseDouble(t);
        String l = t.toLowerCase(java.util.Locale.ROOT);
        String body = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
        if (body.equals("nan")) return Double.NaN;
        if (body.equals("inf") || body.equals("infinity")) return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        ok[0] = false;
        return Double.NaN;
    }

    /** True when s (stripped) is an optionally signed run of digits. */
    static boolean isInteger(String s) {
        return INTEGER.matcher(s.strip()).matches();
    }
}
