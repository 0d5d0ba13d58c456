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
    void benchOnAMissingDeviceIsOneLineAndExitCode2() {
        org.junit.jupiter.api.Assumptions.assumeFalse(dev.weft.tensor.Backends.isAvailable(dev.weft.tensor.core.Device.cuda(0)),
                "a CUDA device is present");
        Run r = run("bench", "gemm", "--device", "cuda");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("weft bench: bench gemm: --device cuda:0 is not available: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void benchReportNamesTheFileAndLineOfABadResultLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = dir.resolve("bad.jsonl");
        java.nio.file.Files.writeString(bad, "\n{\"suite\":\"gemm\",\n");
        Run r = run("bench", "report", "--from", bad.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bench report: " + bad + " line 2: not a JSON result line"), r.err());
    }

    @Test
    void aMissingDataSetIsOneMessageWithTheFilesAndNoStackTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Run r = run("repro", "mnist-mlp", "--quick", "--data", dir.toString());
        assertEquals(2, r.code());
        String expected = "weft repro mnist-mlp: data folder " + dir.resolve("mnist").toAbsolutePath() + " not found; it needs "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each plain or .gz)"
                + " in mnist/ under the data folder; pass --data PATH (the folder holding mnist/) or set WEFT_DATA; get them from"
                + " the MNIST database (the four canonical train-/t10k- idx files)";
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
    void demoRunsEndToEndAndItsChecksHold(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Run r = run("demo", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("a second draw with seed 42 is identical: true"), r.out());
        assertTrue(r.out().contains("gradcheck against central differences (F64): passed"), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("max \\|scalar - simd\\| = (\\S+) ").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) < 1e-3, "scalar and SIMD GEMM disagree: " + m.group(1));
        m = java.util.regex.Pattern.compile("in \\S+ s; held-out accuracy (\\S+)%").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) >= 90, "the demo MLP did not learn the spiral: " + m.group(1) + "%");
        // the tour's reproductions: the quick adding problem's table, verdict and files
        assertTrue(r.out().contains("== Reproductions"), r.out());
        assertTrue(r.out().contains("lstm-adding (--quick, judged against the quick bounds)"), r.out());
        assertTrue(r.out().contains("[pass]") && !r.out().contains("[FAIL]"), r.out());
        assertTrue(r.out().contains("charts:      " + dir.toAbsolutePath() + "/{lstm-adding-quick-learning-curve.png"), r.out());
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("lstm-adding-quick.json")), r.out());
        assertTrue(r.out().matches("(?s).*not in the tour \\(reads mnist/, [^)]+\\): \\./weft repro mnist-cnn --quick.*"), r.out());
        // the KAN toy: the formula read off the pruned model, and where its network plot went
        assertTrue(r.out().contains("kan-toy (--quick, judged against the quick bounds)"), r.out());
        assertTrue(r.out().matches("(?s).*\nformula: \\[[^\n]*exp\\([^\n]*sin\\(3\\.1[45]\\*x_1[^\n]*x_2\\^2[^\n]*\\].*"), r.out());
        java.nio.file.Path net = dir.resolve("kan-toy-quick-network.png");
        assertTrue(r.out().contains("network plot: " + net.toAbsolutePath() + ", .svg"), r.out());
        assertTrue(java.nio.file.Files.isRegularFile(net) && java.nio.file.Files.isRegularFile(dir.resolve("kan-toy-quick-network.svg")));
    }

    @Test
    void reproReportGathersAFolderAndOptionsAreChecked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Run none = run("repro", "report", "--out", dir.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no result files"), none.err());
        dev.weft.repro.Result toy = new dev.weft.repro.Result("toy", "a toy", new dev.weft.repro.Paper("T", "A B", 2000, "V"),
                "p", "q", true, java.util.List.of(0L), java.util.List.of(1.0), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), "0", dev.weft.repro.Machine.current(), "now");
        dev.weft.repro.ResultFile.write(toy, dir.resolve("toy-quick.json"));
        Run r = run("repro", "report", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("report of 1 result file(s): " + dir.resolve("report.html").toAbsolutePath()), r.out());
        assertTrue(java.nio.file.Files.readString(dir.resolve("report.html")).contains("toy"));

        Run badSeeds = run("repro", "lstm-adding", "--seeds", "0");
        assertEquals(2, badSeeds.code());
        assertTrue(badSeeds.err().contains("--seeds must be 1..1000, got 0"), badSeeds.err());
        Run badSeed = run("repro", "lstm-adding", "--seed", "x");
        assertEquals(2, badSeed.code());
        assertTrue(badSeed.err().contains("Invalid value for option '--seed': 'x' is not a long"), badSeed.err());
        // without the spark module on the class path (./weft adds it for --spark), --spark is a usage error naming why
        Run noSpark = run("repro", "lstm-adding", "--quick", "--spark", "local[2]");
        assertEquals(2, noSpark.code(), noSpark.err());
        assertTrue(noSpark.err().contains("weft repro --spark: no spark runner on the class path"), noSpark.err());
        Run noValue = run("repro", "lstm-adding", "--out");
        assertEquals(2, noValue.code());
        assertTrue(noValue.err().contains("Missing required parameter for option '--out' (DIR)"), noValue.err());
    }

    @Test
    void reproListsTheRegisteredReproductions() {
        Run r = run("repro", "--data", "/nonexistent");
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"mnist-mlp", "mnist-cnn", "lstm-adding"}) {
            assertTrue(r.out().contains(name), r.out());
        }
        assertTrue(r.out().matches("(?s).*lstm-adding +Hochreiter and Schmidhuber 1997 +none \\(generated\\) +~\\d+ s +~\\d+ s.*"), r.out());
        assertTrue(r.out().matches("(?s).*mnist-cnn +LeCun et al\\. 1998 +mnist/ \\(MISSING\\) +~\\d+ min +~\\d+ s.*"), r.out());
        assertTrue(r.out().matches("(?s).*--quick +a reduced budget.*"), r.out());
        Run bad = run("repro", "no-such-thing");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown reproduction 'no-such-thing'"), bad.err());
    }
}
