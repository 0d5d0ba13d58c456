package dev.weft.bench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.bench.BenchSuite;
import dev.weft.bench.FlatJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every train suite, run tiny (batch 2, 2 steps, no warm-up): one well-formed JSON line with the common
 * fields first, the suite's shape fields, and finite metrics; options parsed and checked. No timing is
 * asserted beyond "positive and finite" and "later steps end no earlier".
 */
class TrainSuitesTest {
    static Stream<Arguments> suites() {
        return Stream.of(
                Arguments.of("train-mlp", "mlp_adam", List.of("features")),
                Arguments.of("train-cnn", "lenet5_adam", List.of("image", "classes")),
                Arguments.of("train-lstm", "lstm_adam", List.of("seq_len", "input", "hidden", "classes")),
                Arguments.of("kan", "kan_fwd_bwd", List.of("features", "grid", "k", "path")),
                Arguments.of("hyper", "hyper_per_sample_adam", List.of("features", "code", "hidden")));
    }

    private static BenchSuite suite(String name) {
        for (BenchSuite s : ServiceLoader.load(BenchSuite.class)) if (s.name().equals(name)) return s;
        throw new AssertionError("suite " + name + " is not registered in META-INF/services");
    }

    private static List<Map<String, Object>> run(String name, String... args) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = suite(name).run(List.of(args), new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String l : buf.toString(StandardCharsets.UTF_8).split("\n")) if (!l.isBlank()) lines.add(FlatJson.parse(l));
        return lines;
    }

    private static void assertCommonFields(Map<String, Object> m, String name, String caseName, List<String> shape) {
        assertEquals(List.of("suite", "case", "impl", "threads", "device", "batch"), List.copyOf(m.keySet()).subList(0, 6), m.toString());
        assertEquals(name, m.get("suite"));
        assertEquals(caseName, m.get("case"));
        assertEquals("weft", m.get("impl"));
        assertEquals(1.0, m.get("threads"));
        assertEquals("cpu", m.get("device"));
        assertEquals(2.0, m.get("batch"));
        assertEquals(shape, List.copyOf(m.keySet()).subList(6, 6 + shape.size()), m.toString());
        assertTrue(Double.isFinite((Double) m.get("loss")), m.toString());
    }

    private static double positive(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertTrue(v instanceof Double d && d > 0 && Double.isFinite(d), key + " in " + m);
        return (Double) v;
    }

    @Test
    void kanTimesThePaperFaithfulPathOnTheSameModelAndData() throws Exception {
        String[] common = {"--threads", "1", "--batch", "2", "--steps", "1", "--rounds", "1", "--warmup", "0", "--json", "--path"};
        Map<String, Object> fast = run("kan", concat(common, "fast")).get(0), faithful = run("kan", concat(common, "faithful")).get(0);
        assertEquals("fast", fast.get("path"));
        assertEquals("faithful", faithful.get("path"));
        assertEquals((Double) fast.get("loss"), (Double) faithful.get("loss"), 1e-4, "the two paths compute the same function");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> run("kan", concat(common, "slow")));
        assertTrue(e.getMessage().contains("--path must be fast or faithful, got slow"), e.getMessage());
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void aTinyRunPrintsOneWellFormedLine(String name, String caseName, List<String> shape) throws Exception {
        List<Map<String, Object>> lines = run(name, "--threads", "1", "--batch", "2", "--steps", "2", "--rounds", "1",
                "--warmup", "0", "--json");
        assertEquals(1, lines.size(), lines.toString());
        Map<String, Object> m = lines.get(0);
        assertCommonFields(m, name, caseName, shape);
        double sps = positive(m, "steps_per_s"), ms = positive(m, "ms");
        assertEquals(1000 / sps, ms, 1e-3 * ms);
        positive(m, "fma_peak_gflops");
        positive(m, "bytes_per_step");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void firstStepsReportsEachCheckpointFromJvmStart(String name, String caseName, List<String> shape) throws Exception {
        List<Map<String, Object>> lines = run(name, "--first-steps", "--batch", "2", "--checkpoints", "1,2", "--json");
        assertEquals(1, lines.size(), lines.toString());
        Map<String, Object> m = lines.get(0);
        assertCommonFields(m, name, caseName + "_first_steps", shape);
        assertEquals("jvm_start", m.get("from"));
        assertTrue(positive(m, "first_2_s") >= positive(m, "first_1_s"), m.toString());
        assertTrue(!m.containsKey("first_10_s") && !m.containsKey("steps_per_s"), m.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void badOptionsAreRefusedBeforeAnythingRuns(String name, String caseName, List<String> shape) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(name, "--first-steps", "--threads", "1,2"));
        assertEquals("bench " + name + ": --first-steps times one fresh process: give one thread count (--threads N), got 1,2",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run(name, "--first-steps", "--checkpoints", "10,1"));
        assertEquals("bench " + name + ": --checkpoints must be increasing steps >= 1, got 10,1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run(name, "--steps", "0"));
        assertEquals("bench " + name + ": --steps must be one integer >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run(name, "--threads", "0"));
        assertEquals("bench " + name + ": --threads: 0 is not >= 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run(name, "--warmup", "soon"));
        assertEquals("bench " + name + ": --warmup: 'soon' is not a number of seconds", e.getMessage());
        assertTrue(suite(name).usage().contains("--first-steps"), suite(name).usage());
        String peer = ((TrainSuite) suite(name)).peerScript();
        assertTrue(peer.endsWith(".py") && suite(name).usage().contains("bench/peers/" + peer), suite(name).usage());
    }
}
