package dev.weft.nn.data;

import dev.weft.nn.train.Batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The readers on the shared real data sets (system property weft.data, else $WEFT_DATA, else
 * ../../shared/data from the module dir); skipped when absent. Expected counts and values come from an independent decoder
 * (Python gzip + struct over the same files).
 */
class RealDataTest {
    static Path data(String sub) {
        String dir = System.getProperty("weft.data", System.getenv().getOrDefault("WEFT_DATA", "../../shared/data"));
        Path root = Path.of(dir);
        Path p = root.resolve(sub);
        Assumptions.assumeTrue(Files.exists(p), "real data not found at " + p.toAbsolutePath() + " (set -Dweft.data=DIR or WEFT_DATA)");
        return p;
    }

    static long[] histogram(Tensor labels, int classes) {
        long[] h = new long[classes];
        for (long v : labels.toLongArray()) h[(int) v]++;
        return h;
    }

    /** Sum of image i's raw pixel values (0..255), from the [0, 1] scaled tensor. */
    static long pixelSum(Mnist m, int i) {
        double s = 0;
        for (float v : m.images().select(0, i).contiguous().toFloatArray()) s += Math.round(v * 255.0);
        return (long) s;
    }

    @Test
    void mnistTrain() throws IOException {
        Mnist m = Mnist.load(data("mnist"), true);
        assertArrayEquals(new int[] {60000, 1, 28, 28}, m.images().shape());
        assertEquals(DType.F32, m.images().dtype());
        assertEquals(DType.I64, m.labels().dtype());
        assertArrayEquals(new long[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, histogram(m.labels(), 10));
        assertArrayEquals(new long[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, m.labels().slice(0, 0, 10).toLongArray());
        assertEquals(240 / 255.0f, m.images().get(0, 0, 14, 14), 0);
        assertEquals(27525, pixelSum(m, 0));
        assertEquals(20920, pixelSum(m, 59999));
        assertEquals(0.0, m.images().min().item());
        assertEquals(1.0, m.images().max().item());
        // mean pixel of the first 1000 training images (of all 60000: 0.13066, the normalization constant)
        assertEquals(0.1282389605842337, m.images().slice(0, 0, 1000).to(DType.F64).mean().item(), 1e-7);
    }

    @Test
    void mnistTestNormalized() throws IOException {
        Mnist m = Mnist.loadNormalized(data("mnist"), false);
        assertEquals(10000, m.size());
        assertArrayEquals(new long[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, histogram(m.labels(), 10));
        assertArrayEquals(new long[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, m.labels().slice(0, 0, 10).toLongArray());
        assertEquals((float) ((0 - 0.1307) / 0.3081), m.images().get(0, 0, 0, 0), 0);
        assertEquals((float) ((1 - 0.1307) / 0.3081), m.images().max().item(), 0);
        // raw test mean 0.13251460584233693 -> normalized (0.1325146 - 0.1307) / 0.3081
        assertEquals((0.13251460584233693 - 0.1307) / 0.3081, m.images().to(DType.F64).mean().item(), 1e-6);
    }

    @Test
    void fashionMnist() throws IOException {
        Mnist train = Mnist.load(data("fashion-mnist"), true);
        assertEquals(60000, train.size());
        long[] six = new long[10];
        java.util.Arrays.fill(six, 6000);
        assertArrayEquals(six, histogram(train.labels(), 10));
        assertArrayEquals(new long[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, train.labels().slice(0, 0, 10).toLongArray());
        assertEquals(217 / 255.0f, train.images().get(0, 0, 14, 14), 0);
        assertEquals(76247, pixelSum(train, 0));
        Mnist test = Mnist.load(data("fashion-mnist"), false);
        assertArrayEquals(new long[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, test.labels().slice(0, 0, 10).toLongArray());
        assertEquals(24390, pixelSum(test, 9999));
    }

    @Test
    void mnistThroughTheLoader() throws IOException {
        Mnist m = Mnist.load(data("mnist"), false);
        DataLoader<Batch> l = DataLoader.pairs(m.dataset()).batchSize(128).shuffle(new Generator(0)).numWorkers(2).build();
        assertEquals(79, l.size());
        long[] h = new long[10];
        int seen = 0;
        for (Batch b : l) {
            assertEquals(4, b.input().dim());
            for (long v : b.target().toLongArray()) h[(int) v]++;
            seen += b.input().size(0);
        }
        assertEquals(10000, seen);
        assertArrayEquals(histogram(m.labels(), 10), h);
    }

    @Test
    void uciTables() throws IOException {
        LabeledCsv iris = LabeledCsv.read(data("uci/iris.csv"));
        assertArrayEquals(new int[] {150, 4}, iris.features().shape());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new long[] {50, 50, 50}, histogram(iris.labels(), 3));
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, iris.features().select(0, 0).toFloatArray());
        assertEquals(2, iris.labels().get(149));

        LabeledCsv wine = LabeledCsv.read(data("uci/wine_data.csv"), DType.F64);
        assertArrayEquals(new int[] {178, 13}, wine.features().shape());
        assertArrayEquals(new long[] {59, 71, 48}, histogram(wine.labels(), 3));
        assertEquals(14.23, wine.features().get(0, 0));
        assertEquals(1065.0, wine.features().get(0, 12));

        LabeledCsv cancer = LabeledCsv.read(data("uci/breast_cancer.csv"));
        assertArrayEquals(new int[] {569, 30}, cancer.features().shape());
        assertEquals(List.of("malignant", "benign"), cancer.classNames());
        assertArrayEquals(new long[] {212, 357}, histogram(cancer.labels(), 2));
        assertEquals(47.92f, cancer.features().get(568, 2), 0);

        LabeledCsv digits = LabeledCsv.readHeaderless(data("uci/digits.csv.gz"), DType.F32);
        assertArrayEquals(new int[] {1797, 64}, digits.features().shape());
        assertArrayEquals(new long[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, histogram(digits.labels(), 10));
        assertEquals(294.0, digits.features().select(0, 0).sum().item());
        assertEquals(8, digits.labels().get(1796));
    }

    @Test
    void digitsWithoutItsHeaderIsAClearError() {
        Path p = data("uci/digits.csv.gz");
        DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class, () -> LabeledCsv.read(p));
        assertTrue(e.getMessage().startsWith(p + ":"), e.getMessage());
    }

    @Test
    void generalCsvOnAFileWithTextColumns() throws IOException {
        CsvTable t = Csv.read(data("misc/FeynmanEquations.csv"));
        assertEquals("Filename", t.header().getFirst());
        assertEquals("I.6.2a", t.get(0, 0));
        assertEquals("exp(-theta**2/2)/sqrt(2*pi)", t.get(0, t.column("Formula")));
        Tensor n = t.toTensor(DType.I64, t.column("# variables"));
        assertEquals(1, n.get(0, 0));
        assertEquals(2, n.get(1, 0));
    }
}
