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

    @Test
    void aMismatchedCheckpointChangesNothing(@TempDir Path dir) throws Exception {
        Sequential a = model(1);
        Adam opt = new Adam(a.parameters(), 1e-2);
        Trainer.builder().epochs(1).checkpointEvery(6, Checkpoints.safetensors(dir))
                .progress(Trainer.ProgressMode.OFF, System.err).build().fit(a, opt, Losses::crossEntropy, data(new Generator(5)));
        Generator g = new Generator(3);
        Sequential other = new Sequential(new Linear(4, 9, true, g), new ReLU(), new Linear(9, 3, true, g));
        Tensor before = other.stateDict().get("0.weight").clone();
        assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.resume(dir.resolve("step-00000006.safetensors"), other, new Adam(other.parameters())));
        assertTrue(before.equal(other.stateDict().get("0.weight")));
    }
}
