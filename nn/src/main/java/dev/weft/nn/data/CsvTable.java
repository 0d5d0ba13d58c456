package dev.weft.nn.data;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed CSV file: an optional header and rows of string cells, all rows as wide as the first
 * record. Converting cells to tensors reports the file, line and column of the first cell that is not
 * a number.
 *
 * @param file  the file name (for messages)
 * @param header column names (empty when the file had no header)
 * @param rows  the data rows, each of {@link #columnCount()} cells
 * @param lines the 1-based line each row starts on
 */
public record CsvTable(String file, List<String> header, List<List<String>> rows, long[] lines) {
    /** Copies the header, rows and lines, so the table is immutable. */
    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        lines = lines.clone();
    }

    /** {@return a copy of the 1-based line each row starts on} */
    @Override
    public long[] lines() {
        return lines.clone();
    }

    /** {@return the number of data rows (the header not counted)} */
    public int rowCount() {
        return rows.size();
    }

    /** {@return the width of the header or, without one, of the first row (0 for an empty file)} */
    public int columnCount() {
        return !header.isEmpty() ? header.size() : rows.isEmpty() ? 0 : rows.getFirst().size();
    }

    /**
     * The cell at (row, column), 0-based.
     *
     * @param row the data row (the header not counted)
     * @param column the column
     * @return the cell's text, unquoted
     * @throws IndexOutOfBoundsException if row or column is out of range
     */
    public String get(int row, int column) {
        return rows.get(row).get(column);
    }

    /**
     * The index of a header name.
     *
     * @param name a column name from the header
     * @return its 0-based column index
     * @throws IllegalArgumentException listing the names when absent
     */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("CsvTable " + file + ": no column '" + name + "' in header " + header);
        return i;
    }

    /**
     * Every column as numbers: (rows, columns) of dtype (F32, F64, I32 or I64).
     *
     * @param dtype the output dtype
     * @return a (rowCount, columnCount) tensor
     * @throws IllegalArgumentException for another dtype
     * @throws DataFileException naming the line and column of the first cell that does not parse
     */
    public Tensor toTensor(DType dtype) throws DataFileException {
        int[] all = new int[columnCount()];
        for (int j = 0; j < all.length; j++) all[j] = j;
        return toTensor(dtype, all);
    }

    /**
     * The given columns as numbers: (rows, columns.length). Integer dtypes need integer cells (no
     * fraction, no nan/inf, within the dtype's range).
     *
     * @param dtype the output dtype: F32, F64, I32 or I64
     * @param columns the 0-based columns to take, in output order
     * @return a (rowCount, columns.length) tensor
     * @throws IllegalArgumentException for another dtype or a column out of range
     * @throws DataFileException naming the line and column of the first cell that does not parse
     */
    public Tensor toTensor(DType dtype, int... columns) throws DataFileException {
        int w = columnCount();
        for (int c : columns) {
            if (c < 0 || c >= w) throw new IllegalArgumentException("CsvTable " + file + ": column " + c + " out of range for " + w + " columns");
        }
        int n = rows.size(), k = columns.length;
        boolean[] ok = new boolean[1];
        switch (dtype) {
            case F32, F64 -> {
                double[] v = new double[n * k];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < k; j++) {
                        String cell = rows.get(i).get(columns[j]);
                        v[i * k + j] = Numbers.parseDouble(cell, ok);
                        if (!ok[0]) throw notNumber(i, columns[j], cell, "a number");
                    }
                }
                Tensor t = Tensor.of(v, n, k);
                return dtype == DType.F64 ? t : t.to(DType.F32);
            }
            case I32, I64 -> {
                long[] v = new long[n * k];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < k; j++) {
                        String cell = rows.get(i).get(columns[j]);
                        v[i * k + j] = parseLong(cell, dtype, i, columns[j]);
                    }
                }
                Tensor t = Tensor.of(v).reshape(n, k);
                return dtype == DType.I64 ? t : t.to(DType.I32);
            }
            default -> throw new IllegalArgumentException("CsvTable.toTensor: unsupported dtype " + dtype + " (F32, F64, I32 or I64)");
        }
    }

    private long parseLong(String cell, DType dtype, int row, int column) throws DataFileException {
        if (!Numbers.isInteger(cell)) throw notNumber(row, column, cell, "an integer");
        long v;
        try {
            v = Long.parseLong(cell.strip().replace("+", ""));
        } catch (NumberFormatException e) {
            throw notNumber(row, column, cell, "an integer within the i64 range");
        }
        if (dtype == DType.I32 && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) throw notNumber(row, column, cell, "an integer within the i32 range");
        return v;
    }

    private DataFileException notNumber(int row, int column, String cell, String expected) {
        String col = header.isEmpty() ? "column " + (column + 1) : "column " + (column + 1) + " ('" + header.get(column) + "')";
        return DataFileException.atLine(file, lines[row], col + ": '" + cell + "' is not " + expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvTable t && t.file.equals(file) && t.header.equals(header) && t.rows.equals(rows) && Arrays.equals(t.lines, lines);
    }

    @Override
    public int hashCode() {
        return (file.hashCode() * 31 + header.hashCode()) * 31 + rows.hashCode();
    }

    @Override
    public String toString() {
        return "CsvTable(" + file + ", " + rows.size() + " rows x " + columnCount() + " columns, header=" + header + ")";
    }
}
