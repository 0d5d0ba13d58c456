package dev.weft.nn.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records: fields separated by one delimiter char, records by LF or CRLF; a field
 * in double quotes may hold delimiters, line breaks and doubled quotes (""). Blank lines are skipped.
 * Each record carries the 1-based line it starts on.
 */
final class CsvParser {
    /** One record: its fields and the line it starts on. */
    record Row(List<String> fields, long line) {}

    private final Reader in;
    private final String file;
    private final char delimiter;
    private long line = 1;
    private int peeked = -2;

    CsvParser(Reader in, String file, char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("Csv: delimiter " + printable(delimiter) + " cannot be a quote or line break");
        }
        this.in = in;
        this.file = file;
        this.delimiter = delimiter;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) peeked = in.read();
        return peeked;
    }

    /** The current 1-based line (after the end: one past the last line break). */
    long lineNumber() {
        return line;
    }

    /** The next non-blank record, or null at the end. */
    Row next() throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) return null;
            if (c == '\n') {
                read();
                line++;
                continue;
            }
            if (c == '\r') {
                read();
                if (peek() == '\n') read();
                line++;
                continue;
            }
            return record();
        }
    }

    private Row record() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '"' && field.isEmpty()) {
                quoted(field, start);
                c = read();
                if (c != delimiter && c != '\n' && c != '\r' && c != -1) {
                    throw DataFileException.atLine(file, line, "field " + (fields.size() + 1) + ": " + printable((char) c)
                            + " after a closing quote (expected the delimiter " + printable(delimiter) + " or a line end)");
                }
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r' && peek() == '\n') read();
                fields.add(field.toString());
                if (c != -1) line++;
                return new Row(List.copyOf(fields), start);
            } else {
                field.append((char) c);
            }
        }
    }

    /** Reads a quoted field's body after the opening quote, through the closing quote. */
    private void quoted(StringBuilder field, long start) throws IOException {
        long opened = line;
        while (true) {
            int c = read();
            if (c == -1) throw DataFileException.atLine(file, opened, "unterminated quoted field (opened on line " + opened + ", record from line " + start + ")");
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                    continue;
                }
                return;
            }
            if (c == '\n') line++;
            if (c == '\r') {
                if (peek() != '\n') line++;
            }
            field.append((char) c);
        }
    }

    static String printable(char c) {
        return switch (c) {
            case '\t' -> "'\\t'";
            case '\n' -> "'\\n'";
            case '\r' -> "'\\r'";
            default -> c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
        };
    }
}
