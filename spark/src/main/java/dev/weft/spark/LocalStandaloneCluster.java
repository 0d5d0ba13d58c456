package dev.weft.spark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and N workers (1 core, small heaps), each a child JVM
 * running {@code org.apache.spark.deploy.master.Master} / {@code ...worker.Worker} from this JVM's class path.
 * {@link #close()} destroys every child and its descendants (the executors), whatever state they are in.
 * The workers get a SPARK_HOME in a temporary folder laid out as a distribution's: its {@code jars} folder holds links
 * to the jars of this JVM's class path that are not Weft's (Spark and its libraries), which is where a worker's
 * executors find Spark, as on a real installation. An application either ships Weft's jars ({@code spark-submit
 * --jars}, {@code spark.jars}) or, on this one machine, names this JVM's class path in
 * {@code spark.executor.extraClassPath} ({@link #classPath()}) so that test classes need no shipping either.
 */
public final class LocalStandaloneCluster implements AutoCloseable {
    private static final Pattern MASTER_URL = Pattern.compile("(spark://127\\.0\\.0\\.1:\\d+)");
    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final String masterUrl;

    /**
     * Starts the master and {@code workers} workers and waits until the master reports them registered.
     *
     * @param workers the number of workers, 1 core and {@code workerMemory} each
     * @param workerMemory e.g. "1g": what a worker may give its executor
     * @throws IOException when a JVM cannot start or the cluster is not up within a minute
     */
    public LocalStandaloneCluster(int workers, String workerMemory) throws IOException {
        home = Files.createTempDirectory("weft-spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String e : classPath().split(File.pathSeparator)) {
            Path jar = Path.of(e);
            String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
            if (!name.endsWith(".jar") || name.startsWith("weft-") || !Files.isRegularFile(jar)) continue;
            Path link = jars.resolve(name);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
        // the master's and workers' INFO lines on stdout: the master's URL and the registrations are read from them
        Files.writeString(home.resolve("log4j2.properties"), String.join("\n", "rootLogger.level = info",
                "rootLogger.appenderRef.stdout.ref = console", "appender.console.type = Console", "appender.console.name = console",
                "appender.console.target = SYSTEM_OUT", "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n", ""));
        boolean ok = false;
        try {
            Process master = start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0"));
            CompletableFuture<String> url = new CompletableFuture<>();
            CompletableFuture<Void> registered = new CompletableFuture<>();
            int[] seen = {0};
            drain(master, line -> {
                recent(line);
                Matcher m = MASTER_URL.matcher(line);
                if (line.contains("Starting Spark master at") && m.find()) url.complete(m.group(1));
                if (line.contains("Registering worker") && ++seen[0] == workers) registered.complete(null);
            });
            masterUrl = url.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < workers; i++) {
                Process w = start("worker" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                        "--memory", workerMemory, "--webui-port", "0", "--work-dir", home.resolve("work" + i).toString(), masterUrl));
                this.workers.add(w);
                drain(w, this::recent);
            }
            registered.get(90, TimeUnit.SECONDS);
            ok = true;
        } catch (Exception e) {
            throw new IOException("LocalStandaloneCluster: not up: " + e + "; last log lines:\n" + String.join("\n", log), e);
        } finally {
            if (!ok) close();
        }
    }

    private final java.util.ArrayDeque<String> log = new java.util.ArrayDeque<>();

    private synchronized void recent(String line) {
        log.addLast(line);
        if (log.size() > 30) log.removeFirst();
    }

    private Process start(String name, List<String> main) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(SparkJvm.OPENS);
        cmd.add("-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"));
        cmd.addAll(main);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPARK_LOG_DIR", home.resolve("logs-" + name).toString());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void drain(Process p, java.util.function.Consumer<String> onLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) onLine.accept(line);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "weft-spark-cluster-log");
        t.setDaemon(true);
        t.start();
    }

    /** {@return the master's URL, {@code spark://127.0.0.1:PORT}} */
    public String masterUrl() {
        return masterUrl;
    }

    /** {@return the cluster's SPARK_HOME: a temporary folder whose {@code jars} folder links Spark's jars, as a distribution's} */
    public Path sparkHome() {
        return home;
    }

    /** {@return the class path executors should use: this JVM's} */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * {@return the executor JVM launched by worker {@code i}, if it has one now: a descendant of the worker
     * process running CoarseGrainedExecutorBackend}
     *
     * @param i the worker's index
     */
    public Optional<ProcessHandle> executorOf(int i) {
        // the executor is the worker's only java descendant; its command line (when the OS shows it) names the backend
        return workers.get(i).toHandle().descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")
                        || h.info().command().orElse("").endsWith("/java"))
                .findFirst();
    }

    /**
     * {@return what the worker {@code i}'s descendants are, for failure messages}
     *
     * @param i the worker's index
     */
    public String describeDescendants(int i) {
        return workers.get(i).toHandle().descendants().map(h -> h.pid() + " " + h.info().command().orElse("?"))
                .toList().toString();
    }

    /** Destroys the workers' descendants (executors), the workers and the master, and waits for them. */
    @Override
    public void close() {
        for (Process p : processes) p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        for (Process p : processes) p.destroyForcibly();
        for (Process p : processes) {
            try {
                p.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteQuietly(home.toFile());
    }

    private static void deleteQuietly(File f) {
        File[] kids = f.listFiles();
        if (kids != null) for (File k : kids) deleteQuietly(k);
        f.delete();
    }
}
