package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void infoNamesSpeciesCoresAndEveryBackend() {
        Run r = run("info");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Vector API     preferred species"), r.out());
        assertTrue(r.out().contains("CPU-SIMD"), r.out());
        assertTrue(r.out().contains("CPU-scalar"), r.out());
        assertTrue(r.out().matches("(?s).*CUDA +(found|not available): .+"), r.out());
    }

    @Test
    void unknownCommandIsAnErrorThatNamesIt() {
        Run r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown command 'frobnicate'"), r.err());
    }

    @Test
    void unknownBenchSuiteListsTheKnownOnes() {
        Run r = run("bench", "nosuch");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown suite 'nosuch'"), r.err());
    }

    @Test
    void aMissingDataSetIsOneMessageWithTheFilesAndNoStackTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Run r = run("repro", "mnist-mlp", "--quick", "--data", dir.toString());
        assertEquals(2, r.code());
        String expected = "weft repro mnist-mlp: data folder " + dir.resolve("mnist").toAbsolutePath() + " not found; it needs "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each plain or .gz)"
                + " in mnist/ under the data folder; pass --data PATH (the folder holding mnist/) or set WEFT_DATA";
        assertEquals(expected, r.err().strip());
        java.nio.file.Files.createDirectory(dir.resolve("mnist"));
        java.nio.file.Files.write(dir.resolve("mnist/train-images-idx3-ubyte.gz"), new byte[0]);
        Run partial = run("repro", "mnist-cnn", "--quick", "--data", dir.toString());
        assertEquals(2, partial.code());
        assertTrue(partial.err().contains(" lacks train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (plain or .gz)"),
                partial.err());
        assertTrue(!partial.err().contains("\tat "), "no stack trace: " + partial.err());
    }

    @Test
    void demoRunsEndToEndAndItsChecksHold() {
        Run r = run("demo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("a second draw with seed 42 is identical: true"), r.out());
        assertTrue(r.out().contains("gradcheck against central differences (F64): passed"), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("max \\|scalar - simd\\| = (\\S+) ").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) < 1e-3, "scalar and SIMD GEMM disagree: " + m.group(1));
        m = java.util.regex.Pattern.compile("in \\S+ s; held-out accuracy (\\S+)%").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) >= 90, "the demo MLP did not learn the spiral: " + m.group(1) + "%");
    }

    @Test
    void reproListsTheRegisteredReproductions() {
        Run r = run("repro");
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"mnist-mlp", "mnist-cnn", "lstm-adding"}) {
            assertTrue(r.out().contains(name), r.out());
        }
        Run bad = run("repro", "no-such-thing");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown reproduction 'no-such-thing'"), bad.err());
    }
}
