package dev.weft.nn.io;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.train.AtomicFileCheckpointer;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.Trainer;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trainer checkpoints through safetensors: written every N steps, complete, and resumable bit for bit. */
class CheckpointsTest {
    static List<Batch> data(Generator g) {
        List<Batch> out = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            Tensor y = Tensor.randint(g, 0, 3, DType.I64, 16);
            out.add(new Batch(Tensor.randn(g, 16, 4).add(y.to(DType.F32).unsqueeze(1)), y));
        }
        return out;
    }

    static Sequential model(long seed) {
        Generator g = new Generator(seed);
        return new Sequential(new Linear(4, 8, true, g), new ReLU(), new Linear(8, 3, true, g));
    }

    @Test
    void checkpointsAreWrittenEveryNStepsAndResumeExactly(@TempDir Path dir) throws Exception {
        List<Batch> train = data(new Generator(5));
        Sequential a = model(1);
        Adam optA = new Adam(a.parameters(), 1e-2);
        AtomicFileCheckpointer ck = Checkpoints.safetensors(dir);
        Trainer.builder().epochs(1).checkpointEvery(3, ck).progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(a, optA, Losses::crossEntropy, train);
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.contains("step-00000003.safetensors") && files.contains("step-00000006.safetensors"), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.endsWith(".tmp")), files.toString());

        // resume a fresh model + optimizer from step 3, train the remaining 3 batches: same weights as a
        Sequential b = model(2);
        Adam optB = new Adam(b.parameters(), 1e-2);
        long step = Checkpoints.resume(dir.resolve("step-00000003.safetensors"), b, optB);
        assertEquals(3, step);
        Trainer.builder().epochs(1).progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(b, optB, Losses::crossEntropy, train.subList(3, 6));
        a.stateDict().forEach((k, v) -> assertTrue(v.equal(b.stateDict().get(k)), "differs after resume: " + k));
    }

    /** Trains model(1) with Adam for one epoch of data(5) (6 steps), checkpointing into dir at step 6. */
    private static void trainSixStepsWithACheckpoint(Path dir) {
        Sequential a = model(1);
        Trainer.builder().epochs(1).checkpointEvery(6, Checkpoints.safetensors(dir))
                .progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(a, new Adam(a.parameters(), 1e-2), Losses::crossEntropy, data(new Generator(5)));
    }

    @Test
    void aMismatchedCheckpointChangesNothing(@TempDir Path dir) throws Exception {
        trainSixStepsWithACheckpoint(dir);
        Generator g = new Generator(3);
        Sequential other = new Sequential(new Linear(4, 9, true, g), new ReLU(), new Linear(9, 3, true, g));
        Tensor before = other.stateDict().get("0.weight").clone();
        assertThrows(java.io.IOException.class,
                () -> Checkpoints.resume(dir.resolve("step-00000006.safetensors"), other, new Adam(other.parameters())));
        assertTrue(before.equal(other.stateDict().get("0.weight")));
    }

    /** A copy of {@code src} at {@code dst} with one metadata entry replaced (null: removed) and tensors edited. */
    private static Path variant(Path src, Path dst, String key, String value, java.util.function.Consumer<java.util.Map<String, Tensor>> edit)
            throws Exception {
        SafetensorsFile f = Safetensors.read(src);
        java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(f.metadata());
        if (key != null) {
            if (value == null) meta.remove(key);
            else meta.put(key, value);
        }
        java.util.Map<String, Tensor> t = new java.util.LinkedHashMap<>(f.tensors());
        edit.accept(t);
        Safetensors.write(dst, t, meta);
        return dst;
    }

    @Test
    void hostileCheckpointsAreRefusedWithOneClearErrorAndChangeNothing(@TempDir Path dir) throws Exception {
        trainSixStepsWithACheckpoint(dir);
        Path good = dir.resolve("step-00000006.safetensors");
        String groups = Safetensors.read(good).metadata().get("optimizer.paramGroups");
        String lr = groups.substring(0, groups.indexOf(';'));
        String betas = java.util.Arrays.stream(groups.split(";")).filter(kv -> kv.startsWith("betas=")).findFirst().orElseThrow();
        java.util.function.Consumer<java.util.Map<String, Tensor>> same = t -> {};
        record Bad(String what, Path file, String reason) {}
        List<Bad> bad = List.of(
                new Bad("negative lr", variant(good, dir.resolve("a.st"), "optimizer.paramGroups", groups.replace(lr, "lr=d:-1.0"), same),
                        "invalid learning rate: -1.0"),
                new Bad("beta >= 1", variant(good, dir.resolve("b.st"), "optimizer.paramGroups", groups.replace(betas, "betas=a:0x1.0p0,0x1.0p-1"), same),
                        "invalid beta parameter at index 0: 1.0"),
                new Bad("empty betas", variant(good, dir.resolve("c.st"), "optimizer.paramGroups", groups.replace(betas, "betas=a:"), same),
                        "betas must hold 2 values, got 0"),
                new Bad("no lr", variant(good, dir.resolve("d.st"), "optimizer.paramGroups", groups.replace(lr + ";", ""), same),
                        "group 0 lacks the options [lr]"),
                new Bad("malformed number", variant(good, dir.resolve("e.st"), "optimizer.paramGroups", groups.replace(lr, "lr=d:abc"), same),
                        "cannot read 'd:abc': not a number"),
                new Bad("no kind", variant(good, dir.resolve("f.st"), "optimizer.paramGroups", groups.replace(lr, "lr=0.01"), same),
                        "cannot read '0.01': expected KIND:VALUE"),
                new Bad("huge list", variant(good, dir.resolve("g.st"), "optimizer.state.0.history", "list:2000000000", same),
                        "a list of 2000000000 entries"),
                new Bad("bad step", variant(good, dir.resolve("h.st"), "step", "-3", same), "metadata 'step' is '-3', expected a count >= 0"),
                new Bad("I64 expAvg", variant(good, dir.resolve("i.st"), null, null,
                        t -> t.put("optimizer.state.0.expAvg", t.get("optimizer.state.0.expAvg").to(DType.I64))),
                        "state 'expAvg' of parameter 0 is i64, expected a floating-point tensor"),
                new Bad("0-d expAvg", variant(good, dir.resolve("j.st"), null, null,
                        t -> t.put("optimizer.state.0.expAvg", Tensor.scalar(0.5f))), "state 'expAvg' of parameter 0 is (), parameter is (8, 4)"));
        for (Bad b : bad) {
            Sequential fresh = model(2);
            Adam freshOpt = new Adam(fresh.parameters(), 3e-3);
            Tensor before = fresh.stateDict().get("0.weight").clone();
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> Checkpoints.resume(b.file(), fresh, freshOpt), b.what());
            assertTrue(e.getMessage().startsWith("checkpoint " + b.file() + ": "), b.what() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(b.reason()), b.what() + ": " + e.getMessage());
            assertTrue(before.equal(fresh.stateDict().get("0.weight")), b.what() + ": the model changed");
            assertEquals(3e-3, freshOpt.paramGroups().get(0).lr(), b.what() + ": the optimizer changed");
        }
        Sequential fine = model(2);
        assertEquals(6, Checkpoints.resume(good, fine, new Adam(fine.parameters(), 3e-3)));
    }
}
