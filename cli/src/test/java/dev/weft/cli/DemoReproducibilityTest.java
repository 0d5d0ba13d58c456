package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Tensor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "Same seed, same bits" for the demo's training: trained twice in this JVM (the first run mostly cold, the
 * second on JIT-compiled kernels), in a fresh JVM, and in a fresh JVM held to C1 (the Vector API's Java
 * fallback, no intrinsics), the final parameters agree bit for bit.
 */
class DemoReproducibilityTest {
    private static final int EPOCHS = 3;

    /** One line per parameter: name and an FNV-1a digest of its raw bits. */
    static List<String> digest(SpiralDemo.Trained t) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : t.model().namedParameters().entrySet()) {
            long h = 0xcbf29ce484222325L;
            for (float v : e.getValue().toFloatArray()) h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
            out.add(e.getKey() + "=" + Long.toHexString(h));
        }
        return out;
    }

    private static List<String> trainOnce() {
        return digest(SpiralDemo.train(EPOCHS, new PrintStream(OutputStream.nullOutputStream())));
    }

    /** The child JVM's side: prints the digest lines. */
    public static void main(String[] args) {
        trainOnce().forEach(System.out::println);
    }

    private static List<String> child(String mode) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", mode));
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:MaxVectorSize") || a.startsWith("-Dweft.threads")) cmd.add(a);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DemoReproducibilityTest.class.getName()));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM " + mode + " did not finish in 120 s");
        assertEquals(0, p.exitValue(), "child JVM " + mode + " failed: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out.lines().toList();
    }

    @Test
    void twoTrainingsInOneJvmAndOneInAFreshJvmEndWithTheSameParameters() throws Exception {
        List<String> first = trainOnce(), second = trainOnce();
        assertEquals(6, first.size(), "three Linear layers, weight and bias each: " + first);
        assertEquals(first, second, "same seed, same JVM, later (warmer) run");

        // a fresh JVM as it comes, and one held to C1 (the Vector API's Java fallback, never the intrinsics)
        for (String mode : new String[] {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"}) {
            assertEquals(first, child(mode), "same seed, a fresh JVM with " + mode);
        }
    }
}
