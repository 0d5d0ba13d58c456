package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.autograd.Autograd;
import dev.weft.kernels.KernelImpl;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weft as a dependency of another project: installs the modules examples/consumer needs (the BOM, nn and
 * what nn depends on; {@code mvn install -DskipTests}, the same Maven and JDK as this build) into the
 * local repository, builds a copy of examples/consumer (offline when the local repository has every
 * plugin, else online), runs it on the class path without {@code --add-modules}, and checks its outputs
 * are the bits of the same seeded MLP computed here on the scalar kernels, plus the one fallback warning.
 * Under {@code mvn test} the jars are not packaged yet: the install packages them itself.
 */
class ConsumerExampleTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    @TempDir Path tmp;

    private record Run(int exit, String out) {}

    private static Optional<Path> mvn() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "mvn");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private Run run(Path dir, List<String> cmd, long timeoutS) throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "log", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", Path.of(javaHome, "bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
        env.merge("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow", (a, b) -> a + " " + b);
        Process p = pb.start();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in " + timeoutS + " s: " + cmd + "\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The consumer's model and batch (examples/consumer Inference.java), on the scalar kernels. */
    private static float[] expected() {
        KernelImpl old = KernelImpl.current();
        KernelImpl.set(KernelImpl.SCALAR);
        try (var scope = Autograd.noGrad()) {
            Generator g = new Generator(2024);
            Module mlp = new Sequential(new Linear(4, 16, true, g), new ReLU(), new Linear(16, 3, true, g));
            return mlp.forward(Tensor.randn(g, 5, 4)).toFloatArray();
        } finally {
            KernelImpl.set(old);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.startsWith("target")) continue;
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) Files.createDirectories(dest);
                else Files.copy(f, dest);
            }
        }
    }

    @Test
    void theConsumerExampleBuildsAgainstTheInstalledBomAndRunsTheSeededMlp() throws Exception {
        Path consumer = ROOT.resolve("examples/consumer");
        assumeTrue(Files.isRegularFile(consumer.resolve("pom.xml")), "examples/consumer not found from " + ROOT);
        Optional<Path> mvn = mvn();
        assumeTrue(mvn.isPresent(), "mvn is not on PATH");
        float[] want = expected();

        String m = mvn.get().toString();
        Run install = run(ROOT, List.of(m, "-B", "-q", "--no-transfer-progress", "-DskipTests", "-pl", "bom,nn", "-am", "install"), 600);
        assertEquals(0, install.exit(), "install failed:\n" + install.out());

        Path copy = tmp.resolve("consumer");
        copyTree(consumer, copy);
        List<String> pkg = List.of(m, "-B", "-q", "--no-transfer-progress", "package");
        List<String> offline = new ArrayList<>(pkg);
        offline.add(1, "-o");
        Run build = run(copy, offline, 300);
        if (build.exit() != 0) build = run(copy, pkg, 300); // a plugin not yet in the local repository
        assertEquals(0, build.exit(), "consumer build failed:\n" + build.out());

        String cp = copy.resolve("target/weft-consumer.jar") + File.pathSeparator + copy.resolve("target/lib/*");
        Run out = run(copy, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "dev.weft.example.consumer.Inference"), 120);
        assertEquals(0, out.exit(), "consumer run failed:\n" + out.out());

        List<String> lines = out.out().lines().toList();
        assertTrue(lines.contains("kernels SCALAR"), "the fallback path without --add-modules:\n" + out.out());
        assertEquals(1, lines.stream().filter(l -> l.contains("--add-modules jdk.incubator.vector")).count(), out.out());
        long checksum = 0;
        for (int r = 0; r < 5; r++) {
            String prefix = "row " + r + ":";
            String row = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " missing:\n" + out.out()));
            String[] v = row.substring(prefix.length()).trim().split(" ");
            assertEquals(3, v.length, row);
            for (int c = 0; c < 3; c++) {
                float got = Float.parseFloat(v[c]), exp = want[r * 3 + c];
                assertEquals(Float.floatToRawIntBits(exp), Float.floatToRawIntBits(got), "row " + r + " col " + c + ": " + exp + " vs " + got);
                checksum += Float.floatToRawIntBits(exp);
            }
        }
        assertTrue(lines.contains("checksum " + checksum), "checksum " + checksum + " expected:\n" + out.out());
    }
}
