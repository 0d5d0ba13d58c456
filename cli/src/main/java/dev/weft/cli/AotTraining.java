package dev.weft.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The training run for the JVM's ahead-of-time cache (JDK 25, JEP 483/514): the {@code weft} launcher
 * runs this class once per build with {@code -XX:AOTCacheOutput=.weft/aot/...}, and later launches start
 * with {@code -XX:AOTCache=} that file, so every class this run loaded comes pre-parsed and verified
 * from a memory-mapped archive instead of from the jars. With {@code jdk.incubator.vector} in the boot
 * layer JDK 25 keeps neither the linked state nor method profiles in the cache (the archived module
 * graph is off with an incubator module), so what counts here is which classes get loaded: every
 * {@code dev.weft} class on the class path (loaded, not initialized), then the short form of the demo
 * and a few steps of the train-mlp, train-cnn and train-lstm suites for the JDK classes, lambdas and
 * Vector API species they touch. Output discarded; a few seconds.
 */
public final class AotTraining {
    private AotTraining() {}

    /** The train suites' runs, as CLI argument lists. */
    static final List<List<String>> RUNS = List.of(
            List.of("bench", "train-mlp", "--first-steps", "--checkpoints", "3", "--json"),
            List.of("bench", "train-cnn", "--first-steps", "--checkpoints", "2", "--json"),
            List.of("bench", "train-lstm", "--first-steps", "--checkpoints", "1", "--json"));

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        int loaded = loadWeftClasses();
        long t1 = System.nanoTime();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        DemoCommand.tour(quiet, false);
        long t2 = System.nanoTime();
        int rc = 0;
        StringBuilder times = new StringBuilder();
        for (List<String> run : RUNS) {
            long s = System.nanoTime();
            rc |= Main.run(run.toArray(String[]::new), quiet, System.err);
            times.append(String.format(Locale.ROOT, ", %s %.2f s", run.get(1), (System.nanoTime() - s) / 1e9));
        }
        System.err.printf(Locale.ROOT, "aot training: %d dev.weft classes loaded (%.2f s), short demo %.2f s%s: %s%n", loaded,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, times, rc == 0 ? "ok" : "failed");
        System.exit(rc);
    }

    /** Loads (without initializing) every dev.weft class in the class path's jars; returns how many. */
    static int loadWeftClasses() throws IOException {
        ClassLoader loader = AotTraining.class.getClassLoader();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !new File(entry).isFile()) continue;
            try (JarFile jar = new JarFile(entry)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (!name.startsWith("dev/weft/") || !name.endsWith(".class")) continue;
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                        n++;
                    } catch (ClassNotFoundException | LinkageError skipped) {
                        // a class whose optional dependency is missing: not worth archiving
                    }
                }
            }
        }
        return n;
    }
}
