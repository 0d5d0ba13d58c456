package dev.weft.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.CrossEntropyLoss;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.loss.Reduction;
import dev.weft.nn.optim.AdamW;
import dev.weft.nn.optim.lr.OneCycleLR;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.SGD;
import dev.weft.nn.optim.lr.StepLR;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop end to end on small synthetic problems, its progress output, hooks and checkpoints. */
class TrainerTest {
    /** Two Gaussian blobs in 2-d around (-2, -1) and (2, 1), label 1 for the second; 8 batches of 16. */
    static List<Batch> blobs(Generator g, boolean indexTargets) {
        List<Batch> out = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            Tensor y = Tensor.bernoulli(g, 0.5, 16);                            // (16) of 0/1
            Tensor centre = y.mul(2.0).sub(1.0).unsqueeze(1).mul(Tensor.of(2f, 1f));
            Tensor x = Tensor.randn(g, 16, 2).mul(0.7).add(centre);
            out.add(new Batch(x, indexTargets ? y.to(DType.I64) : y.unsqueeze(1)));
        }
        return out;
    }

    private static PrintStream sink(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Test
    void logisticRegressionReachesHighAccuracy() {
        Generator g = new Generator(42);
        List<Batch> train = blobs(g, false);
        TinyLinear model = new TinyLinear(2, 1, g);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        History h = Trainer.builder().epochs(15).progress(Trainer.ProgressMode.LINES, sink(log))
                .evalEachEpoch(Evaluator.of(Losses::binaryCrossEntropyWithLogits, blobs(g, false))).build()
                .fit(model, new Adam(model.parameters(), 0.1), Losses::binaryCrossEntropyWithLogits, train);
        assertEquals(15, h.epochs().size());
        assertEquals(15 * 8, h.steps());
        assertTrue(h.last().accuracy() > 0.95, "train accuracy " + h.last().accuracy());
        assertTrue(h.last().loss() < h.epochs().get(0).loss(), "loss did not fall");
        double evalAcc = h.evaluations().get(h.evaluations().size() - 1).metrics().get("accuracy");
        assertTrue(evalAcc > 0.95, "held-out accuracy " + evalAcc);
        assertTrue(model.isTraining());
    }

    @Test
    void softmaxRegressionWithCrossEntropyAndAScheduler() {
        Generator g = new Generator(7);
        TinyLinear model = new TinyLinear(2, 2, g);
        SGD opt = new SGD(model.parameters(), SGD.options().lr(0.5).momentum(0.9));
        StepLR sched = new StepLR(opt, 5, 0.5);
        History h = Trainer.builder().epochs(10).schedulerPerEpoch(sched).clipGradNorm(5.0)
                .progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(model, opt, Losses::crossEntropy, blobs(g, true));
        assertTrue(h.last().accuracy() > 0.95, "accuracy " + h.last().accuracy());
        assertEquals(0.5 * 0.25, opt.paramGroups().get(0).lr(), 1e-15);      // two decays in 10 epochs
    }

    @Test
    void mlpOfLibraryLayersLearnsThreeClassesWithOneCycle() {
        Generator g = new Generator(8);
        List<Batch> train = new ArrayList<>();
        Tensor centres = Tensor.of(new float[][] {{0, 3}, {-3, -2}, {3, -2}});
        for (int b = 0; b < 10; b++) {
            Tensor y = Tensor.randint(g, 0, 3, 32);
            train.add(new Batch(centres.indexSelect(0, y).add(Tensor.randn(g, 32, 2)), y));
        }
        Sequential model = new Sequential(new Linear(2, 16, true, g), new ReLU(), new Linear(16, 3, true, g));
        AdamW opt = new AdamW(model.parameters(), 1e-3, 1e-2);
        CrossEntropyLoss loss = new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(0.05));
        History h = Trainer.builder().epochs(8).schedulerPerStep(new OneCycleLR(opt, 0.05, 80))
                .progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(model, opt, loss::forward, train);
        assertTrue(h.last().accuracy() > 0.9, "accuracy " + h.last().accuracy());
        assertEquals(80, h.steps());
    }

    @Test
    void progressIsLineBasedWhenNotOnATerminal() {
        Generator g = new Generator(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TinyLinear model = new TinyLinear(2, 1, g);
        Trainer.builder().epochs(2).logEvery(4).progress(Trainer.ProgressMode.LINES, sink(bytes))
                .evalEvery(8, Evaluator.of(Losses::binaryCrossEntropyWithLogits, blobs(g, false))).build()
                .fit(model, new Adam(model.parameters()), Losses::binaryCrossEntropyWithLogits, blobs(g, false));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "carriage return in line mode");
        List<String> lines = text.lines().toList();
        assertEquals(List.of("epoch 1/2 step 4/8", "epoch 1/2 step 8/8", "eval at step 8:", "epoch 1/2 done",
                "epoch 2/2 step 4/8", "epoch 2/2 step 8/8", "eval at step 16:", "epoch 2/2 done"),
                lines.stream().map(TrainerTest::prefix).toList());
        assertTrue(lines.get(0).contains(" loss ") && lines.get(0).contains(" acc "), lines.get(0));
    }

    /** A progress line up to its metrics. */
    private static String prefix(String line) {
        if (line.startsWith("eval")) return line.substring(0, line.indexOf(':') + 1);
        int i = line.indexOf(" loss");
        String p = i < 0 ? line : line.substring(0, i);
        return p.replaceAll(" \\(.*", "");
    }

    @Test
    void terminalProgressRedrawsInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Generator g = new Generator(2);
        TinyLinear model = new TinyLinear(2, 1, g);
        Trainer.builder().progress(Trainer.ProgressMode.TERMINAL, sink(bytes)).build()
                .fit(model, new Adam(model.parameters()), Losses::binaryCrossEntropyWithLogits, blobs(g, false));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\repoch 1/1 ["), text);
        assertTrue(text.contains("8/8") && text.endsWith("\n"), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count());
    }

    @Test
    void maxStepsStopsMidEpoch() {
        Generator g = new Generator(3);
        TinyLinear model = new TinyLinear(2, 1, g);
        History h = Trainer.builder().epochs(5).maxSteps(11).progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(model, new Adam(model.parameters()), Losses::binaryCrossEntropyWithLogits, blobs(g, false));
        assertEquals(11, h.steps());
        assertEquals(2, h.epochs().size());
        assertEquals(3, h.epochs().get(1).steps());
    }

    @Test
    void checkpointsAreWrittenAtomicallyEveryNSteps(@TempDir Path dir) throws IOException {
        Generator g = new Generator(4);
        TinyLinear model = new TinyLinear(2, 1, g);
        List<Long> seen = new ArrayList<>();
        AtomicFileCheckpointer ck = new AtomicFileCheckpointer(dir, "step-%04d.txt", (c, file) -> {
            seen.add(c.step());
            assertTrue(file.getFileName().toString().endsWith(".tmp"));
            assertEquals(0, Files.size(file));
            Files.writeString(file, "step " + c.step() + " params " + c.model().keySet() + " groups " + c.optimizer().paramGroups().size());
        });
        Trainer.builder().epochs(2).checkpointEvery(5, ck).progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(model, new Adam(model.parameters()), Losses::binaryCrossEntropyWithLogits, blobs(g, false));
        assertEquals(List.of(5L, 10L, 15L, 16L), seen);                        // every 5 steps and at the end
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("step-0005.txt", "step-0010.txt", "step-0015.txt", "step-0016.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("step 16 params [weight, bias] groups 1", Files.readString(dir.resolve("step-0016.txt")));
        assertEquals(dir.resolve("step-0016.txt"), ck.lastPath());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Checkpoint c = new Checkpoint(3, 0, Map.of(), null, null);
        new AtomicFileCheckpointer(dir, "latest.ckpt", (x, f) -> Files.writeString(f, "old")).save(c);
        AtomicFileCheckpointer bad = new AtomicFileCheckpointer(dir, "latest.ckpt", (x, f) -> {
            Files.writeString(f, "half");
            throw new IOException("disk full");
        });
        assertEquals("disk full", assertThrows(IOException.class, () -> bad.save(c)).getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("latest.ckpt"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("old", Files.readString(dir.resolve("latest.ckpt")));
    }

    @Test
    void metricsRecogniseTheTask() {
        Tensor scores = Tensor.of(new float[][] {{2, 1, 0}, {0, 1, 3}, {5, 0, 0}});
        assertEquals(2, Metrics.correct(scores, Tensor.of(0L, 2L, 1L)));
        assertEquals(2, Metrics.correct(Tensor.of(1.5f, -0.2f, 0.3f), Tensor.of(1f, 0f, 0f)));
        assertEquals(-1, Metrics.correct(Tensor.of(1.5f, -0.2f), Tensor.of(1.5f, 2f, 3f)));
        Tensor probs = Tensor.of(new float[][] {{0.8f, 0.1f, 0.1f}, {0.2f, 0.7f, 0.1f}, {0, 0, 1}});
        assertEquals(1, Metrics.correct(scores, probs));                     // argmax 0, 2, 0 against 0, 1, 2
    }
}
