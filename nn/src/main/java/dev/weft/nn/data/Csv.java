package dev.weft.nn.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * General CSV reader (UTF-8, gzipped or not): quoted fields, a chosen delimiter, an optional header.
 * Every record must be as wide as the first one; a ragged row is an error naming file:line.
 */
public final class Csv {
    private Csv() {}

    /**
     * Comma-separated with a header line.
     *
     * @param file a CSV file, plain or gzipped
     * @return the parsed table
     * @throws DataFileException naming file:line for a ragged row or bad quoting
     * @throws IOException if the file cannot be read
     */
    public static CsvTable read(Path file) throws IOException {
        return read(file, ',', true);
    }

    /**
     * A CSV file with a chosen delimiter.
     *
     * @param file a CSV file, plain or gzipped
     * @param delimiter the field separator, one char (',' '\t' ';' ...)
     * @param header whether the first record holds the column names
     * @return the parsed table
     * @throws DataFileException naming file:line for a ragged row or bad quoting
     * @throws IOException if the file cannot be read
     */
    public static CsvTable read(Path file, char delimiter, boolean header) throws IOException {
        try (Reader r = new InputStreamReader(DataFiles.open(file), StandardCharsets.UTF_8)) {
            return read(r, file.toString(), delimiter, header);
        }
    }

    /**
     * The same from text in memory.
     *
     * @param text the CSV text
     * @param name the name used in error messages
     * @param delimiter the field separator
     * @param header whether the first record holds the column names
     * @return the parsed table
     * @throws DataFileException naming name:line for a ragged row or bad quoting
     */
    public static CsvTable parse(String text, String name, char delimiter, boolean header) throws DataFileException {
        try {
            return read(new StringReader(text), name, delimiter, header);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("Csv.parse: in-memory text failed: " + e, e);
        }
    }

    private static CsvTable read(Reader r, String name, char delimiter, boolean header) throws IOException {
        CsvParser p = new CsvParser(r, name, delimiter);
        List<String> names = List.of();
        List<List<String>> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int width = -1;
        long widthLine = 0;
        for (CsvParser.Row row = p.next(); row != null; row = p.next()) {
            if (width < 0) {
                width = row.fields().size();
                widthLine = row.line();
                if (header) {
                    names = row.fields();
                    continue;
                }
            } else if (row.fields().size() != width) {
                throw DataFileException.atLine(name, row.line(), "row has " + row.fields().size() + " fields, expected " + width
                        + " (as on line " + widthLine + ")");
            }
            rows.add(row.fields());
            lines.add(row.line());
        }
        long[] ls = new long[lines.size()];
        for (int i = 0; i < ls.length; i++) ls[i] = lines.get(i);
        return new CsvTable(name, names, rows, ls);
    }
}
