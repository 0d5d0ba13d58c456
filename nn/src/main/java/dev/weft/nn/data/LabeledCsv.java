package dev.weft.nn.data;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Numeric classification tables: each row is C features then an integer class label. With a header,
 * line 1 is {@code n_samples,n_features,class names...} and the rows must match it (count, width, and
 * labels in 0..classes-1 when names are given). The UCI sets under the shared data dir use this layout
 * (digits has no header line).
 *
 * @param features   (N, C) F32 or F64
 * @param labels     (N) I64
 * @param classNames from the header (empty without one)
 */
public record LabeledCsv(Tensor features, Tensor labels, List<String> classNames) {
    /** Copies the class names. */
    public LabeledCsv {
        classNames = List.copyOf(classNames);
    }

    /**
     * With the header line; features F32.
     *
     * @param file the CSV file, plain or gzipped
     * @return the features and labels
     * @throws DataFileException naming file:line for a bad header, row or label
     * @throws IOException if the file cannot be read
     */
    public static LabeledCsv read(Path file) throws IOException {
        return read(file, DType.F32);
    }

    /**
     * With the header line; features of dtype (F32 or F64).
     *
     * @param file the CSV file, plain or gzipped
     * @param featureDType F32 or F64
     * @return the features and labels
     * @throws IllegalArgumentException if featureDType is not F32 or F64
     * @throws DataFileException naming file:line for a bad header, row or label
     * @throws IOException if the file cannot be read
     */
    public static LabeledCsv read(Path file, DType featureDType) throws IOException {
        return read(file, featureDType, true);
    }

    /**
     * Without a header line: the width of the first row fixes C; labels must be non-negative.
     *
     * @param file the CSV file, plain or gzipped
     * @param featureDType F32 or F64
     * @return the features and labels
     * @throws IllegalArgumentException if featureDType is not F32 or F64
     * @throws DataFileException naming file:line for a bad header, row or label
     * @throws IOException if the file cannot be read
     */
    public static LabeledCsv readHeaderless(Path file, DType featureDType) throws IOException {
        return read(file, featureDType, false);
    }

    private static LabeledCsv read(Path file, DType featureDType, boolean header) throws IOException {
        if (!featureDType.isFloatingPoint()) {
            throw new IllegalArgumentException("LabeledCsv.read: feature dtype must be F32 or F64, got " + featureDType);
        }
        String name = file.toString();
        try (Reader r = new InputStreamReader(DataFiles.open(file), StandardCharsets.UTF_8)) {
            CsvParser p = new CsvParser(r, name, ',');
            CsvParser.Row first = p.next();
            if (first == null) throw DataFileException.atLine(name, 1, "empty file");
            long declared = -1;
            int c;
            List<String> classes = List.of();
            CsvParser.Row row;
            if (header) {
                List<String> h = first.fields();
                if (h.size() < 2 || !Numbers.isInteger(h.get(0)) || !Numbers.isInteger(h.get(1))) {
                    throw DataFileException.atLine(name, first.line(), "expected a header n_samples,n_features,class names...; got "
                            + h.size() + " fields starting " + h.subList(0, Math.min(3, h.size())));
                }
                declared = parseCount(h.get(0), name, first.line(), "n_samples", 0);
                c = (int) parseCount(h.get(1), name, first.line(), "n_features", 1);
                classes = h.subList(2, h.size());
                row = p.next();
            } else {
                c = first.fields().size() - 1;
                if (c < 1) throw DataFileException.atLine(name, first.line(), "a row needs at least one feature and a label, got " + first.fields().size() + " field(s)");
                row = first;
            }
            int width = c + 1;
            // grown as rows arrive (never sized from the header alone: it may lie)
            double[] x = new double[0];
            long[] y = new long[0];
            int n = 0;
            boolean[] ok = new boolean[1];
            for (; row != null; row = p.next()) {
                List<String> f = row.fields();
                if (declared >= 0 && n == declared) {
                    throw DataFileException.atLine(name, row.line(), "more rows than the " + declared + " that line " + first.line() + " declares");
                }
                if (f.size() != width) {
                    throw DataFileException.atLine(name, row.line(), "row has " + f.size() + " fields, expected " + width + " (" + c + " features and a label)");
                }
                if (n == y.length) {
                    int grown = Math.max(16, 2 * n);
                    if ((long) grown * c > Idx.MAX_ELEMENTS) grown = (int) (Idx.MAX_ELEMENTS / c);
                    if (grown <= n) throw DataFileException.atLine(name, row.line(), "more than " + n + " rows of " + c + " features do not fit a tensor");
                    y = java.util.Arrays.copyOf(y, grown);
                    x = java.util.Arrays.copyOf(x, grown * c);
                }
                for (int j = 0; j < c; j++) {
                    x[n * c + j] = Numbers.parseDouble(f.get(j), ok);
                    if (!ok[0]) throw DataFileException.atLine(name, row.line(), "feature " + (j + 1) + ": '" + f.get(j) + "' is not a number");
                }
                String label = f.get(c);
                if (!Numbers.isInteger(label)) {
                    throw DataFileException.atLine(name, row.line(), "label (column " + width + "): '" + label + "' is not an integer");
                }
                long v = parseCount(label, name, row.line(), "label (column " + width + ")", 0);
                if (!classes.isEmpty() && v >= classes.size()) {
                    throw DataFileException.atLine(name, row.line(), "label " + v + " is not a class index 0.." + (classes.size() - 1)
                            + " (line " + first.line() + " names " + classes.size() + " classes)");
                }
                y[n++] = v;
            }
            if (declared >= 0 && n != declared) {
                throw DataFileException.atLine(name, p.lineNumber(), "has " + n + " rows, line " + first.line() + " declares " + declared);
            }
            Tensor features = Tensor.of(java.util.Arrays.copyOf(x, n * c), n, c);
            Tensor labels = Tensor.of(java.util.Arrays.copyOf(y, n));
            return new LabeledCsv(featureDType == DType.F64 ? features : features.to(DType.F32), labels, classes);
        }
    }

    private static long parseCount(String s, String file, long line, String what, long min) throws DataFileException {
        long v;
        try {
            v = Long.parseLong(s.strip().replace("+", ""));
        } catch (NumberFormatException e) {
            throw DataFileException.atLine(file, line, what + " '" + s + "' is not an integer in the i64 range");
        }
        if (v < min || v > Integer.MAX_VALUE - 8) {
            throw DataFileException.atLine(file, line, what + " is " + v + ", must be in " + min + ".." + (Integer.MAX_VALUE - 8));
        }
        return v;
    }

    /** {@return number of samples N} */
    public int size() {
        return labels.size(0);
    }

    /** {@return number of features C} */
    public int numFeatures() {
        return features.size(1);
    }

    /** {@return (features, label) samples} */
    public TensorDataset dataset() {
        return new TensorDataset(features, labels);
    }

    @Override
    public String toString() {
        return "LabeledCsv(N=" + size() + ", C=" + numFeatures() + ", classes=" + classNames + ")";
    }
}
