package dev.weft.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * C1 compiles every SIMD kernel method. C1 inlines the Vector API's force-inline layers without its
 * intrinsics, so a kernel method with many vector operations (a loop body and its masked tail in one
 * method, say) can make it give up ("COMPILE SKIPPED: out of virtual registers"); the tiered policy then
 * sometimes never brings the method to C2 within a run, and the kernel runs the Java fallback, allocating
 * an array per vector operation: the LSTM backward cell did this in about half the JVM launches (2x slower
 * training, 4x the allocation). A child JVM compiles each kernel method at its first call with C1's
 * profiling tier ({@code -Xcomp -XX:TieredStopAtLevel=3}, kernels only) while running the kernels of
 * {@link JitTierBitsTest}; no compilation may be skipped.
 */
class C1CompilesKernelsTest {
    @Test
    void noKernelMethodIsTooBigForC1() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector", "-Dweft.threads=1", "-Xcomp",
                "-XX:TieredStopAtLevel=3", "-XX:CompileCommand=quiet", "-XX:CompileCommand=compileonly,dev.weft.kernels.*::*",
                "-XX:+PrintCompilation"));
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:MaxVectorSize") || a.startsWith("-XX:UseAVX")) cmd.add(a);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), JitTierBitsTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> skipped = new ArrayList<>();
        int compiled = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.contains("dev.weft.kernels.")) continue;
                if (line.contains("COMPILE SKIPPED")) skipped.add(line.trim());
                else if (line.contains("Simd")) compiled++;
            }
        }
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child JVM did not finish in 180 s");
        assertEquals(0, p.exitValue(), "child JVM failed");
        assertTrue(compiled > 20, "the child compiled only " + compiled + " SIMD kernel methods: is PrintCompilation output read?");
        assertEquals(List.of(), skipped, "kernel methods C1 could not compile (split them into smaller methods)");
    }
}
