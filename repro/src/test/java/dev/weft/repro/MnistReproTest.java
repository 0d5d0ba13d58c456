package dev.weft.repro;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.repro.mnist.MnistMlp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The MNIST MLP reproduction end to end in its quick setting (one epoch over the real training
 * set, about 5 s): loading, training through the Trainer, evaluation. A reduced threshold (95%,
 * where the full 15-epoch run reaches 98.4%); skipped when the data folder is absent.
 */
class MnistReproTest {
    static Path data() {
        return ReproArgs.dataDir(System.getProperty("weft.data", System.getenv().getOrDefault("WEFT_DATA", "../../shared/data")));
    }

    @Test
    void mlpReachesNinetyFivePercentInOneEpoch() throws Exception {
        Path data = data();
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("mnist")),
                "MNIST not found at " + data.toAbsolutePath() + "/mnist (set -Dweft.data or WEFT_DATA)");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Reproduction.Metric> m = new MnistMlp().run(data, true, 0, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals("test accuracy", m.getFirst().name());
        assertTrue(m.getFirst().weft() >= 95.0, "accuracy " + m.getFirst().weft() + "%\n" + log);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("eval at step 469"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingDataFolderIsAClearError() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> new MnistMlp().run(Path.of("/nonexistent/data"), true, 0, System.err));
        assertTrue(e.getMessage().contains("repro mnist-mlp: data folder /nonexistent/data/mnist not found"), e.getMessage());
        assertTrue(e.getMessage().contains("it needs train-images-idx3-ubyte, train-labels-idx1-ubyte"), e.getMessage());
    }
}
