package dev.weft.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.repro.Harness;
import dev.weft.repro.MetricResult;
import dev.weft.repro.Result;
import dev.weft.repro.SeedRunner;
import dev.weft.repro.SettingGrid;
import dev.weft.repro.Settings;
import dev.weft.repro.report.ResultTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Batches from DataFrames and paths, grid sweeps and repro seeds as tasks, in local[2] (one context for the class). */
@Timeout(120)
class SparkDataAndSweepTest {
    private static JavaSparkContext sc;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(SparkConfs.weft("SparkDataAndSweepTest", "local[2]"));
        spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.stop();
    }

    private static Dataset<Row> frame() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) rows.add(RowFactory.create(new double[] {i, 10 + i}, i, (float) i, 2.0 * i, (long) (i % 3)));
        StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType)).add("i", DataTypes.IntegerType)
                .add("a", DataTypes.FloatType).add("b", DataTypes.DoubleType).add("label", DataTypes.LongType);
        List<Row> fixed = new ArrayList<>();
        for (Row r : rows) {
            double[] f = (double[]) r.get(0);
            fixed.add(RowFactory.create(scala.jdk.javaapi.CollectionConverters.asScala(List.of(f[0], f[1])).toSeq(), r.get(1), r.get(2),
                    r.get(3), r.get(4)));
        }
        return spark.createDataFrame(fixed, schema).coalesce(1);
    }

    @Test
    void dataFrameRowsBecomeBatchesPerPartition() {
        List<BatchData> got = SparkBatches.fromRows(frame(), "features", "label", 3).collect();
        assertEquals(3, got.size());                                     // 7 rows: 3 + 3 + 1
        assertArrayEquals(new int[] {3, 2}, got.get(0).inputShape());
        assertArrayEquals(new float[] {0, 10, 1, 11, 2, 12}, got.get(0).input());
        assertArrayEquals(new long[] {0, 1, 2}, got.get(0).classes());
        assertArrayEquals(new int[] {1, 2}, got.get(2).inputShape());
        assertArrayEquals(new long[] {0}, got.get(2).classes());
        assertArrayEquals(new long[] {3, 2}, got.get(0).toBatch().input().shape().length == 2
                ? new long[] {got.get(0).toBatch().input().size(0), got.get(0).toBatch().input().size(1)} : null);
    }

    @Test
    void numericColumnsBecomeFeatures() {
        List<BatchData> got = SparkBatches.fromColumns(frame(), new String[] {"a", "b", "i"}, "label", 4).collect();
        assertEquals(2, got.size());
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 1, 2, 4, 2, 3, 6, 3}, got.get(0).input());
        assertThrows(IllegalArgumentException.class, () -> SparkBatches.fromRows(frame(), "features", "label", 0));
    }

    @Test
    void pathsAreReadOnTheExecutors() {
        List<BatchData> got = SparkBatches.fromPaths(sc.parallelize(List.of("2", "3"), 2),
                p -> List.of(BatchData.ofClasses(new float[Integer.parseInt(p)], new int[] {Integer.parseInt(p), 1}, new long[Integer.parseInt(p)])))
                .collect();
        assertEquals(2, got.size());
        assertEquals(2, got.get(0).size());
        assertEquals(3, got.get(1).size());
    }

    @Test
    void gridPointsRunAsTasksInOrder() {
        List<Integer> got = SparkSweep.map(sc, List.of(3, 1, 4, 1, 5), p -> p * p);
        assertEquals(List.of(9, 1, 16, 1, 25), got);
    }

    @Test
    void reproSeedsOnSparkGiveTheLocalTable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SeedEcho r = new SeedEcho();
        List<Long> seeds = List.of(0L, 1L, 2L, 3L, 4L);
        Result local = Harness.run(r, Path.of("."), false, seeds, log, false, null, SeedRunner.LOCAL);
        Result onSpark;
        try (SparkSeedRunner runner = new SparkSeedRunner(sc)) {
            onSpark = Harness.run(r, Path.of("."), false, seeds, log, false, null, runner);
        }
        MetricResult a = local.metrics().get(0), b = onSpark.metrics().get(0);
        assertEquals(a.values(), b.values());
        assertEquals(a.weftText(), b.weftText());
        assertEquals(local.curves(), onSpark.curves());
        assertEquals(false, sc.sc().isStopped(), "a runner on a given context leaves it running");
    }

    @Test
    void aReproGridOnSparkGivesTheLocalTables() throws Exception {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        SeedEcho r = new SeedEcho();
        List<Settings> points = SettingGrid.points(r, List.of("tag=b"), List.of("scale=1,-2.5", "inputs=4,6"));
        List<Long> seeds = List.of(0L, 1L, 2L);
        List<Result> local = Harness.runGrid(r, Path.of("."), false, points, seeds, log, false, null, SeedRunner.LOCAL);
        List<Result> onSpark;
        try (SparkSeedRunner runner = new SparkSeedRunner(sc)) {
            onSpark = Harness.runGrid(r, Path.of("."), false, points, seeds, log, false, null, runner);
        }
        assertEquals(4, onSpark.size());
        for (int i = 0; i < points.size(); i++) {
            Result a = local.get(i), b = onSpark.get(i);
            assertEquals(points.get(i), b.settings());
            assertEquals(a.metrics(), b.metrics(), points.get(i).label());
            assertEquals(a.curves(), b.curves());
            assertEquals(metricRows(a), metricRows(b), "the table's metric rows");
        }
        assertNotEquals(local.get(0).metrics(), local.get(1).metrics(), "inputs is read");
        assertNotEquals(local.get(0).metrics(), local.get(2).metrics(), "scale is read");
    }

    /** The table without its time rows (wall time differs between runs). */
    private static List<String> metricRows(Result r) {
        return ResultTable.formatUtf8(r).lines().filter(l -> !l.startsWith("time per seed") && !l.contains(" s in all")).toList();
    }

    @Test
    void theProviderIsFoundByKind() {
        assertThrows(IllegalStateException.class, () -> SeedRunner.forMaster("no-such-cluster", "x"));
        assertEquals("spark", new SparkSeedRunner.Provider().kind());
    }
}
