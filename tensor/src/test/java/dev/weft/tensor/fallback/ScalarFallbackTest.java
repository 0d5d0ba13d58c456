package dev.weft.tensor.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.VectorModule;
import dev.weft.tensor.Tensor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class-path launch without {@code --add-modules jdk.incubator.vector}: the kernels fall back to
 * their scalar path instead of failing with NoClassDefFoundError, warn once on stderr naming the flag,
 * load no SIMD class, and give bit for bit what {@code -Dweft.kernels=scalar} gives with the module.
 * Runs {@link ScalarFallbackProbe} (a conv2d and a matmul) in child JVMs of the test's own JDK.
 */
class ScalarFallbackTest {
    @TempDir Path tmp;

    private record Run(int exit, String stdout, String stderr) {}

    private static String path(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private Run run(List<String> jvmArgs) throws IOException, InterruptedException, URISyntaxException {
        String cp = String.join(File.pathSeparator, path(ScalarFallbackProbe.class), path(Tensor.class), path(KernelImpl.class));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", cp, ScalarFallbackProbe.class.getName()));
        Path out = Files.createTempFile(tmp, "out", ".txt"), err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 120 s: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    @Test
    void withoutTheVectorModuleTheScalarKernelsRunAndOneWarningNamesTheFlag() throws Exception {
        Path classLog = tmp.resolve("classes.log");
        Run fallback = run(List.of("-Xlog:class+load=info:file=" + classLog));
        Run scalar = run(List.of("--add-modules", VectorModule.NAME, "-Dweft.kernels=scalar"));
        Run simd = run(List.of("--add-modules", VectorModule.NAME));

        assertEquals(0, fallback.exit(), "fallback run failed:\n" + fallback.stderr());
        assertEquals(0, scalar.exit(), "scalar run failed:\n" + scalar.stderr());
        assertEquals(0, simd.exit(), "simd run failed:\n" + simd.stderr());
        assertTrue(fallback.stdout().startsWith("out "), "probe output: " + fallback.stdout());
        assertEquals(scalar.stdout(), fallback.stdout(), "the fallback must give the scalar path's bits");

        assertEquals(1, count(fallback.stderr(), VectorModule.MISSING), "one warning expected, stderr:\n" + fallback.stderr());
        assertTrue(VectorModule.MISSING.contains("--add-modules jdk.incubator.vector"), VectorModule.MISSING);
        assertEquals(0, count(scalar.stderr(), VectorModule.MISSING), "no warning with the module:\n" + scalar.stderr());
        assertEquals(0, count(simd.stderr(), VectorModule.MISSING), "no warning with the module:\n" + simd.stderr());

        List<String> simdClasses;
        try (Stream<String> lines = Files.lines(classLog)) {
            simdClasses = lines.filter(l -> l.contains("jdk.incubator.vector.") || l.matches(".*dev\\.weft\\.\\S*Simd.*")).toList();
        }
        assertTrue(Files.size(classLog) > 0, "class-load log is empty: " + classLog);
        assertEquals(List.of(), simdClasses, "no SIMD class may load on the fallback path");
    }
}
