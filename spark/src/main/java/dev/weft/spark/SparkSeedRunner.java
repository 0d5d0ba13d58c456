package dev.weft.spark;

import dev.weft.repro.Curve;
import dev.weft.repro.Outcome;
import dev.weft.repro.Reproduction;
import dev.weft.repro.RunContext;
import dev.weft.repro.SeedRunner;
import dev.weft.repro.SettingGrid;
import dev.weft.repro.Settings;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A reproduction's seeds (and grid points) as Spark tasks, one task per seed and point, for
 * {@code weft repro NAME --seeds K [--grid NAME=V1,V2,...] --spark MASTER}: each task finds the reproduction by name
 * (ServiceLoader on the executor), rebuilds its point's settings from the given name=value pairs (the same parse as the
 * driver's, so the same values), runs it with its seed on the
 * executor's copy of the data path, and sends back its metric values, curves and log; the driver prints each
 * seed's log in seed order and the {@link dev.weft.repro.Harness} gathers the usual table. Runs on executors
 * write no files of their own (their out folder is null); the charts are drawn on the driver from the curves.
 * For a standalone cluster the Weft jars of this JVM's class path are shipped with {@code spark.jars}.
 */
public final class SparkSeedRunner implements SeedRunner {
    private final JavaSparkContext sc;
    private final boolean owned;

    /**
     * Starts a Spark context on {@code master} (2.5–3.8 s here).
     *
     * @param master {@code local[N]}, {@code spark://HOST:PORT}, ...
     */
    public SparkSeedRunner(String master) {
        SparkConf conf = SparkConfs.weft("weft repro", master);
        // under spark-submit, --jars already names what to ship; from ./weft, ship this JVM's Weft jars
        if (!master.startsWith("local") && !conf.contains("spark.jars")) conf.set("spark.jars", String.join(",", weftJars()));
        this.sc = new JavaSparkContext(conf);
        this.owned = true;
    }

    /**
     * Uses an existing context (not stopped by {@link #close}).
     *
     * @param sc the context
     */
    public SparkSeedRunner(JavaSparkContext sc) {
        this.sc = sc;
        this.owned = false;
    }

    /** The jars of this JVM's class path that are not Spark's own (Weft and its few libraries). */
    static List<String> weftJars() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.endsWith(".jar") && !e.contains("spark-lib") && !e.contains("/org/apache/") && !e.contains("/org/scala-lang/")) out.add(e);
        }
        return out;
    }

    /** What one seed's task sends back. */
    private record SeedResult(long seed, HashMap<String, Double> values, ArrayList<CurveData> curves, double seconds, String log)
            implements Serializable {}

    private record CurveData(String figure, String series, double[] x, double[] y) implements Serializable {
        Curve curve() {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (double v : x) xs.add(v);
            for (double v : y) ys.add(v);
            return new Curve(figure, series, xs, ys);
        }
    }

    @Override
    public List<SeedRun> run(Reproduction r, RunContext base, List<Long> seeds) {
        return runGrid(r, base, List.of(base.settings()), seeds).get(0);
    }

    /** Every (point, seed) pair as one task of a single job; the logs are printed point by point, seed by seed. */
    @Override
    public List<List<SeedRun>> runGrid(Reproduction r, RunContext base, List<Settings> points, List<Long> seeds) {
        String name = r.name(), data = base.data().toAbsolutePath().toString();
        boolean quick = base.quick();
        List<Task> tasks = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            ArrayList<String> given = new ArrayList<>(points.get(p).givenPairs());
            for (long seed : seeds) tasks.add(new Task(p, given, seed));
        }
        base.log().printf(Locale.ROOT, "spark:    %d run(s) as tasks on %s (%d default parallelism)%n", tasks.size(), sc.master(),
                sc.defaultParallelism());
        List<SeedResult> got = sc.parallelize(tasks, tasks.size()).map(t -> runOne(name, data, quick, t)).collect();
        List<List<SeedRun>> out = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            if (points.size() > 1) base.log().printf(Locale.ROOT, "-- grid point %s (%d of %d)%n", points.get(p).label(), p + 1, points.size());
            List<SeedRun> runs = new ArrayList<>();
            for (SeedResult s : got.subList(p * seeds.size(), (p + 1) * seeds.size())) {
                if (seeds.size() > 1) base.log().printf(Locale.ROOT, "-- seed %d (log from its Spark task)%n", s.seed());
                base.log().print(s.log());
                List<Curve> curves = new ArrayList<>();
                for (CurveData c : s.curves()) curves.add(c.curve());
                runs.add(new SeedRun(s.seed(), new Outcome(s.values(), curves), s.seconds()));
            }
            out.add(runs);
        }
        return out;
    }

    /** One task: a grid point (its given settings as name=value pairs) and a seed. */
    private record Task(int point, ArrayList<String> settings, long seed) implements Serializable {}

    private static SeedResult runOne(String name, String data, boolean quick, Task t) throws Exception {
        Reproduction r = null;
        for (Reproduction x : ServiceLoader.load(Reproduction.class)) if (x.name().equals(name)) r = x;
        if (r == null) throw new IllegalStateException("weft repro: no reproduction '" + name + "' on the executor's class path");
        Settings settings = SettingGrid.point(r, t.settings());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Outcome o = r.run(new RunContext(Path.of(data), quick, t.seed(), log, false, null, settings));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ArrayList<CurveData> curves = new ArrayList<>();
        for (Curve c : o.curves()) {
            curves.add(new CurveData(c.figure(), c.series(), c.x().stream().mapToDouble(Double::doubleValue).toArray(),
                    c.y().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new SeedResult(t.seed(), new HashMap<>(o.values()), curves, seconds, bytes.toString(StandardCharsets.UTF_8));
    }

    /** {@return the Spark context} */
    public JavaSparkContext context() {
        return sc;
    }

    @Override
    public void close() {
        if (owned) sc.stop();
    }

    /** The ServiceLoader entry that {@link SeedRunner#forMaster} finds for kind "spark". */
    public static final class Provider implements SeedRunner.Provider {
        /** For ServiceLoader. */
        public Provider() {}

        @Override
        public String kind() {
            return "spark";
        }

        @Override
        public SeedRunner open(String master) {
            return new SparkSeedRunner(master);
        }
    }
}
