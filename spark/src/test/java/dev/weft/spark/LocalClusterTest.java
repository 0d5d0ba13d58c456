package dev.weft.spark;

import static dev.weft.spark.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.loss.Losses;
import dev.weft.nn.train.FlatParameters;
import dev.weft.repro.Harness;
import dev.weft.repro.ReproArgs;
import dev.weft.repro.Reproduction;
import dev.weft.repro.Result;
import dev.weft.repro.SeedRunner;
import dev.weft.repro.SettingGrid;
import dev.weft.repro.report.ResultTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration test on a real cluster: a standalone master and two one-core workers started on 127.0.0.1 as child
 * JVMs ({@link LocalStandaloneCluster}), the training submitted to it, the cluster destroyed afterwards whatever
 * happens. The second test kills one executor JVM (a descendant of a worker process) while a step's tasks run:
 * Spark reruns the lost task on the other executor and the result is the same. The third submits the README's
 * command (SparkSubmit in a child JVM) to the same cluster.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterTest {
    private static LocalStandaloneCluster cluster;
    private static JavaSparkContext sc;
    private static final AtomicInteger failedTasks = new AtomicInteger();
    private static final List<List<BatchData>> PARTS = Fixtures.partitions(6, new int[] {5, 11}, 7);

    @BeforeAll
    static void start() throws Exception {
        cluster = new LocalStandaloneCluster(2, "768m");
        try {
            sc = new JavaSparkContext(SparkConfs.weft("LocalClusterTest", cluster.masterUrl())
                    .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.executor.memory", "512m").set("spark.executor.cores", "1")
                    .set("spark.executor.extraClassPath", LocalStandaloneCluster.classPath()));
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    if (!e.taskInfo().successful()) failedTasks.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (sc != null) sc.stop();
        } finally {
            if (cluster != null) cluster.close();
        }
    }

    private static JavaRDD<BatchData> rdd() {
        return sc.parallelize(PARTS, 2).flatMap(List::iterator);
    }

    @Test
    @Order(1)
    void dataParallelOnTwoWorkersMatchesOneProcess() {
        float[] want = Fixtures.single(PARTS, Fixtures.SGD_MOMENTUM, 2);
        SparkTrainer.Result r = SparkTrainer.builder().epochs(2).build().fit(sc, Fixtures.MLP, Fixtures.SGD_MOMENTUM, Fixtures.BCE, rdd());
        assertClose(want, FlatParameters.values(r.model().parameters()), "standalone cluster");
    }

    @Test
    @Order(2)
    void anExecutorKilledMidJobIsRetriedAndTheResultIsUnchanged() throws Exception {
        float[] want = Fixtures.single(PARTS, Fixtures.SGD_MOMENTUM, 2);
        // slow steps (on the executors only), so the kill lands while a step's tasks run
        LossFunction slow = (o, t) -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Losses.binaryCrossEntropyWithLogits(o, t);
        };
        AtomicBoolean killed = new AtomicBoolean();
        int before = failedTasks.get();
        SparkTrainer.Result r = SparkTrainer.builder().epochs(2).onStep(step -> {
            if (step != 3) return;
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                for (int w = 0; w < 2 && !killed.get(); w++) {
                    Optional<ProcessHandle> ex = cluster.executorOf(w);
                    if (ex.isPresent()) killed.set(ex.get().destroyForcibly());
                }
            });
            killer.setDaemon(true);
            killer.start();
        }).build().fit(sc, Fixtures.MLP, Fixtures.SGD_MOMENTUM, slow, rdd());
        assertTrue(killed.get(), "an executor JVM was found under a worker and killed; descendants: "
                + cluster.describeDescendants(0) + " " + cluster.describeDescendants(1));
        assertTrue(failedTasks.get() > before, "the kill failed a running task, which Spark retried");
        assertClose(want, FlatParameters.values(r.model().parameters()), "after the kill");
    }

    /**
     * The README's submit command (the "without the launcher" one: Spark's SparkSubmit from the Maven jars in a child
     * JVM, Weft's jars shipped with --jars), against this cluster: a grid of two sgc-cora --quick points as tasks. The
     * shared context is stopped first (it holds both workers' cores). Its tables must equal a local run's. Needs
     * {@code ./weft build}'s jars (cli/target, spark/target) and the Planetoid data; skipped without them.
     */
    @Test
    @Order(3)
    void theReadmeSubmitCommandRunsAReproGridOnTheCluster(@TempDir Path out) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path data = ReproArgs.dataDir(System.getProperty("weft.data", System.getenv().getOrDefault("WEFT_DATA", "../../shared/data")))
                .toAbsolutePath().normalize();
        for (String f : List.of("cli/target/weft-cli.jar", "cli/target/lib", "spark/target/weft-spark.jar", "spark/target/spark-lib")) {
            Assumptions.assumeTrue(Files.exists(root.resolve(f)), f + " missing: run ./weft build");
        }
        Reproduction sgc = null;
        for (Reproduction r : ServiceLoader.load(Reproduction.class)) if (r.name().equals("sgc-cora")) sgc = r;
        Assumptions.assumeTrue(sgc != null && sgc.data().get(0).present(data), "no Planetoid data under " + data);
        sc.stop();
        sc = null;
        String url = cluster.masterUrl();
        List<String> jars = new ArrayList<>(List.of("cli/target/weft-cli.jar"));
        try (Stream<Path> lib = Files.list(root.resolve("cli/target/lib"))) {
            lib.map(p -> "cli/target/lib/" + p.getFileName()).filter(n -> n.endsWith(".jar")).sorted().forEach(jars::add);
        }
        // README.md, "Running on Spark": the same submit without the launcher, with this cluster's URL as master
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "-cp", "cli/target/weft-cli.jar:cli/target/lib/*:spark/target/weft-spark.jar:spark/target/spark-lib/*",
                "org.apache.spark.deploy.SparkSubmit", "--master", url, "--class", "dev.weft.cli.Main",
                "--jars", String.join(",", jars), "--executor-memory", "512m", "spark/target/weft-spark.jar",
                "repro", "sgc-cora", "--quick", "--grid", "lr=0.2,0.1", "--spark", url, "--data", data.toString(), "--out", out.toString()));
        Path stderr = out.resolve("submit.err");
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectError(stderr.toFile()).start();
        String stdout;
        try {
            CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the submitted job finished within 120 s");
            stdout = text.get(10, TimeUnit.SECONDS);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String err = Files.readString(stderr);
        assertTrue(p.exitValue() == 0 || p.exitValue() == 3, "exit " + p.exitValue() + "; stdout:\n" + stdout + "\nstderr (end):\n"
                + err.substring(Math.max(0, err.length() - 4000)));
        assertTrue(stdout.contains("spark:    2 run(s) as tasks on " + url), stdout);
        // the same tables as a local run of the same grid (but the wall times)
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<Result> local = Harness.runGrid(sgc, data, true, SettingGrid.points(sgc, List.of(), List.of("lr=0.2,0.1")), List.of(0L), quiet,
                false, null, SeedRunner.LOCAL);
        for (Result r : local) {
            for (String line : ResultTable.format(r).lines().toList()) {
                if (line.startsWith("time per seed") || line.contains(" s in all")) continue;
                assertTrue(stdout.contains(line + "\n"), "the submitted run printed the local table's line '" + line + "':\n" + stdout);
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("sgc-cora-quick-lr=0.1.json")), "a result file per grid point");
    }

    /**
     * The README's {@code spark-submit} command (a Spark installation's) is the submit above: Spark's launcher
     * ({@code org.apache.spark.launcher.Main}, what {@code bin/spark-class} runs to build the JVM command), on this
     * cluster's distribution-shaped SPARK_HOME, turns it into a java command with {@code SPARK_HOME/jars/*} as class
     * path, the driver's Vector API option and {@code SparkSubmit} with the same master, class, jars, primary resource and
     * arguments. Only the command is built (about a second); the submit test above runs SparkSubmit itself.
     */
    @Test
    @Order(4)
    void theReadmeSparkSubmitCommandBecomesTheSameSparkSubmitThroughSparksLauncher() throws Exception {
        Path home = cluster.sparkHome();
        String url = cluster.masterUrl(), jars = "cli/target/weft-cli.jar,cli/target/lib/weft-nn-0.1.0-SNAPSHOT.jar";
        List<String> app = List.of("spark/target/weft-spark.jar", "repro", "gcn-cora", "--seeds", "10", "--spark", url, "--data",
                "/path/on/every/node/data");
        // README.md, "Running on Spark", with a Spark 4.x installation: spark-submit = spark-class SparkSubmit ARGS
        List<String> submit = new ArrayList<>(List.of("--master", url, "--class", "dev.weft.cli.Main",
                "--driver-java-options", "--add-modules jdk.incubator.vector",
                "--conf", "spark.executor.extraJavaOptions=--add-modules jdk.incubator.vector", "--jars", jars));
        submit.addAll(app);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
                home.resolve("jars") + "/*", "org.apache.spark.launcher.Main", "org.apache.spark.deploy.SparkSubmit"));
        cmd.addAll(submit);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "the launcher exited 0");
        // NUL-separated, as bin/spark-class reads it (it starts with an empty token and a line break)
        List<String> built = Stream.of(new String(out, StandardCharsets.UTF_8).split("\0")).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
        assertTrue(built.get(0).endsWith("/bin/java"), built.toString());
        int cp = built.indexOf("-cp"), main = built.indexOf("org.apache.spark.deploy.SparkSubmit");
        assertTrue(cp > 0 && built.get(cp + 1).contains(home.resolve("jars") + "/*"), "the distribution's jars as class path: " + built);
        int vector = built.indexOf("jdk.incubator.vector");
        assertTrue(vector > 0 && vector < main && built.get(vector - 1).equals("--add-modules"), "the driver's --add-modules: " + built);
        List<String> args = built.subList(main + 1, built.size());
        for (int i = 0; i < 10; i += 2) {
            String option = submit.get(i), value = submit.get(i + 1);
            boolean found = false;
            for (int j = 0; j + 1 < args.size(); j++) found |= args.get(j).equals(option) && args.get(j + 1).equals(value);
            assertTrue(found || option.equals("--driver-java-options"), option + " " + value + " reaches SparkSubmit: " + args);
        }
        assertEquals(app, args.subList(args.size() - app.size(), args.size()), "primary resource and arguments: " + args);
    }
}
