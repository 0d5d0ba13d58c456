package dev.weft.bench.report;

import java.util.Map;

/**
 * One {@code --json} result line with where it came from (a file or a suite run, and its 1-based line
 * number), so that every complaint about its content can name both; {@code text} is the line as read.
 */
record ResultLine(String source, int lineNo, String text, Map<String, Object> fields) {

    /** A string field, or an error naming the source, the line and the key. */
    String str(String key) {
        Object v = fields.get(key);
        if (!(v instanceof String s)) throw error("needs a string '" + key + "'" + (v == null ? "" : ", got " + v));
        return s;
    }

    /** A string field, or {@code dflt} when absent. */
    String str(String key, String dflt) {
        return fields.containsKey(key) ? str(key) : dflt;
    }

    /** A finite number field, or an error naming the source, the line and the key. */
    double num(String key) {
        Object v = fields.get(key);
        if (!(v instanceof Double d) || !Double.isFinite(d)) throw error("needs a number '" + key + "'" + (v == null ? "" : ", got " + v));
        return d;
    }

    /** A positive number field, or NaN when absent or null (a limit that was not measured). */
    double positiveOrNaN(String key) {
        if (fields.get(key) == null) return Double.NaN;
        double d = num(key);
        if (d <= 0) throw error("'" + key + "' must be > 0, got " + d);
        return d;
    }

    /** A positive whole-number field (a size or a thread count). */
    int count(String key) {
        double d = num(key);
        if (d < 1 || d != Math.rint(d) || d > Integer.MAX_VALUE) throw error("'" + key + "' must be a whole number >= 1, got " + d);
        return (int) d;
    }

    /** The suite, case, impl, threads and device fields every line has (checked by {@link ResultLines}). */
    String suite() { return str("suite"); }
    String caseName() { return str("case"); }
    String impl() { return str("impl"); }
    String device() { return str("device"); }
    int threads() { return count("threads"); }

    IllegalArgumentException error(String what) {
        return new IllegalArgumentException("bench report: " + source + " line " + lineNo + ": " + what);
    }
}
