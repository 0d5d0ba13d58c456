package dev.weft.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void quotesDelimitersAndLineEndings() throws DataFileException {
        String text = "name;value;note\r\n\"a;b\";1.5;\"say \"\"hi\"\"\"\n\nc;-2e3;\"two\nlines\"\nd;nan;\n";
        CsvTable t = Csv.parse(text, "q.csv", ';', true);
        assertEquals(List.of("name", "value", "note"), t.header());
        assertEquals(3, t.rowCount());
        assertEquals("a;b", t.get(0, 0));
        assertEquals("say \"hi\"", t.get(0, 2));
        assertEquals("two\nlines", t.get(1, 2));
        assertEquals("", t.get(2, 2));
        // a record's line is where it starts; the blank line 3 is skipped
        assertArrayEquals(new long[] {2, 4, 6}, t.lines());
        Tensor v = t.toTensor(DType.F64, t.column("value"));
        assertArrayEquals(new int[] {3, 1}, v.shape());
        assertEquals(1.5, v.get(0, 0));
        assertEquals(-2000, v.get(1, 0));
        assertEquals(Double.NaN, v.get(2, 0));
    }

    @Test
    void headerlessAndIntegerColumns() throws DataFileException {
        CsvTable t = Csv.parse("1\t2\n3\t-4\n", "t.tsv", '\t', false);
        assertEquals(List.of(), t.header());
        assertArrayEquals(new long[] {1, 2, 3, -4}, t.toTensor(DType.I64).toLongArray());
        assertArrayEquals(new float[] {1, 2, 3, -4}, t.toTensor(DType.F32).toFloatArray());
        assertEquals(DType.I32, t.toTensor(DType.I32).dtype());
    }

    @Test
    void errorsNameFileLineAndColumn() {
        DataFileException ragged = assertThrows(DataFileException.class, () -> Csv.parse("a,b\n1,2\n3\n", "r.csv", ',', true));
        assertEquals("r.csv:3: row has 1 fields, expected 2 (as on line 1)", ragged.getMessage());
        assertEquals(3, ragged.line());
        DataFileException quote = assertThrows(DataFileException.class, () -> Csv.parse("a,b\n1,\"open\n2,3\n", "u.csv", ',', true));
        assertEquals("u.csv:2: unterminated quoted field (opened on line 2, record from line 2)", quote.getMessage());
        DataFileException after = assertThrows(DataFileException.class, () -> Csv.parse("\"x\"y,1\n", "a.csv", ',', false));
        assertEquals("a.csv:1: field 1: 'y' after a closing quote (expected the delimiter ',' or a line end)", after.getMessage());
        DataFileException nan = assertThrows(DataFileException.class, () -> Csv.parse("a,b\n1,2\n3,x1\n", "n.csv", ',', true).toTensor(DType.F32));
        assertEquals("n.csv:3: column 2 ('b'): 'x1' is not a number", nan.getMessage());
        // Java-only number forms are not numbers in a data file
        assertThrows(DataFileException.class, () -> Csv.parse("1.5f\n", "f.csv", ',', false).toTensor(DType.F64));
        assertThrows(DataFileException.class, () -> Csv.parse("0x1p3\n", "h.csv", ',', false).toTensor(DType.F64));
        DataFileException frac = assertThrows(DataFileException.class, () -> Csv.parse("1.5\n", "i.csv", ',', false).toTensor(DType.I64));
        assertEquals("i.csv:1: column 1: '1.5' is not an integer", frac.getMessage());
        assertThrows(DataFileException.class, () -> Csv.parse("3000000000\n", "i.csv", ',', false).toTensor(DType.I32));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\n", "d.csv", '"', false));
    }

    @Test
    void readsGzippedFilesByMagic() throws IOException {
        Path p = dir.resolve("plain-name.csv");
        Files.write(p, IdxBytes.gzip("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        CsvTable t = Csv.read(p);
        assertEquals(List.of("x", "y"), t.header());
        assertEquals("2", t.get(0, 1));
    }

    // ------------------------------------------------------------ labeled tables

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void labeledWithHeader() throws IOException {
        LabeledCsv d = LabeledCsv.read(file("ok.csv", "3,2,neg,pos\n0.5,1,0\n-1,2e-1,1\n3,4,1\n"), DType.F64);
        assertEquals(List.of("neg", "pos"), d.classNames());
        assertArrayEquals(new int[] {3, 2}, d.features().shape());
        assertEquals(DType.F64, d.features().dtype());
        assertArrayEquals(new double[] {0.5, 1, -1, 0.2, 3, 4}, d.features().toDoubleArray());
        assertArrayEquals(new long[] {0, 1, 1}, d.labels().toLongArray());
        assertEquals(DType.F32, LabeledCsv.read(dir.resolve("ok.csv")).features().dtype());
    }

    @Test
    void labeledValidation() throws IOException {
        String[][] cases = {
            {"3,2,a,b\n1,2,0\n3,4,1\n", "fewer.csv:4: has 2 rows, line 1 declares 3"},
            {"1,2,a,b\n1,2,0\n3,4,1\n", "more.csv:3: more rows than the 1 that line 1 declares"},
            {"2,2,a,b\n1,2,0\n3,4,5,1\n", "wide.csv:3: row has 4 fields, expected 3 (2 features and a label)"},
            {"2,2,a,b\n1,2,0\n3,4,2\n", "label.csv:3: label 2 is not a class index 0..1 (line 1 names 2 classes)"},
            {"2,2,a,b\n1,2,0\n3,4,0.5\n", "frac.csv:3: label (column 3): '0.5' is not an integer"},
            {"2,2,a,b\n1,x,0\n3,4,1\n", "feat.csv:2: feature 2: 'x' is not a number"},
            {"sepal,width\n1,2,0\n", "hdr.csv:1: expected a header n_samples,n_features,class names...; got 2 fields starting [sepal, width]"},
            {"2,0\n", "zero.csv:1: n_features is 0, must be in 1..2147483639"},
            {"", "empty.csv:1: empty file"},
            {"2,2147483647,a\n1,2,0\n", "lie.csv:1: n_features is 2147483647, must be in 1..2147483639"},
            {"5,100000000,a\n1,2,0\n", "liewidth.csv:2: row has 3 fields, expected 100000001 (100000000 features and a label)"},
        };
        String[] names = {"fewer", "more", "wide", "label", "frac", "feat", "hdr", "zero", "empty", "lie", "liewidth"};
        for (int i = 0; i < cases.length; i++) {
            Path p = file(names[i] + ".csv", cases[i][0]);
            DataFileException e = assertThrows(DataFileException.class, () -> LabeledCsv.read(p), names[i]);
            assertEquals(dir.resolve(cases[i][1]).toString(), e.getMessage());
        }
    }

    @Test
    void labeledWithoutHeader() throws IOException {
        LabeledCsv d = LabeledCsv.readHeaderless(file("nohdr.csv", "1,2,3,7\n4,5,6,0\n"), DType.F32);
        assertArrayEquals(new int[] {2, 3}, d.features().shape());
        assertArrayEquals(new long[] {7, 0}, d.labels().toLongArray());
        assertEquals(List.of(), d.classNames());
        DataFileException neg = assertThrows(DataFileException.class, () -> LabeledCsv.readHeaderless(file("neg.csv", "1,2,-1\n"), DType.F32));
        assertEquals(dir.resolve("neg.csv") + ":1: label (column 3) is -1, must be in 0..2147483639", neg.getMessage());
    }
}
