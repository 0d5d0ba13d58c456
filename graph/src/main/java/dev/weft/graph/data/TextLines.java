package dev.weft.graph.data;

import dev.weft.nn.data.DataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The data lines of a small text file with their 1-based line numbers (blank lines and, when asked,
 * '#' comment lines skipped), and strict field parsing whose errors name file:line and the reason.
 */
final class TextLines {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    final String file;
    final List<String> lines = new ArrayList<>();
    final List<Integer> numbers = new ArrayList<>();

    private TextLines(String file) {
        this.file = file;
    }

    static TextLines read(Path path, boolean comments) throws IOException {
        if (!Files.isRegularFile(path)) throw new java.io.FileNotFoundException(path + ": no such file");
        TextLines t = new TextLines(path.getFileName().toString());
        int n = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || (comments && s.startsWith("#"))) continue;
            t.lines.add(s);
            t.numbers.add(n);
        }
        return t;
    }

    int size() {
        return lines.size();
    }

    /** Line i split on whitespace (or on commas with optional spaces when comma), with exactly count fields (-1: any). */
    String[] fields(int i, int count, boolean comma) throws DataFileException {
        String[] f = comma ? lines.get(i).split("\\s*,\\s*") : SPACES.split(lines.get(i));
        if (count >= 0 && f.length != count) {
            throw error(i, "expected " + count + " field" + (count == 1 ? "" : "s") + ", got " + f.length + ": \"" + lines.get(i) + "\"");
        }
        return f;
    }

    long integer(int i, String field, String what) throws DataFileException {
        if (!INTEGER.matcher(field).matches()) throw error(i, what + " \"" + field + "\" is not an integer");
        try {
            return Long.parseLong(field.startsWith("+") ? field.substring(1) : field);
        } catch (NumberFormatException e) {
            throw error(i, what + " \"" + field + "\" is out of range");
        }
    }

    /** An integer in [lo, hi). */
    long integer(int i, String field, String what, long lo, long hi) throws DataFileException {
        long v = integer(i, field, what);
        if (v < lo || v >= hi) throw error(i, what + " " + v + " is outside [" + lo + ", " + hi + ")");
        return v;
    }

    double number(int i, String field, String what) throws DataFileException {
        if (!DECIMAL.matcher(field).matches()) throw error(i, what + " \"" + field + "\" is not a number");
        return Double.parseDouble(field);
    }

    DataFileException error(int i, String reason) {
        return DataFileException.atLine(file, numbers.get(i), reason);
    }

    /** An error about the whole file (a count that does not match), pinned to its last data line or line 1. */
    DataFileException fileError(String reason) {
        return DataFileException.atLine(file, numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1), reason);
    }
}
