package dev.weft.repro;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.repro.mnist.MnistMlp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MNIST reproductions' data checks: a missing or partial data folder is one message naming the files. */
class MnistReproTest {
    @Test
    void aMissingDataFolderIsAClearErrorBeforeAnythingRuns() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MissingDataException e = assertThrows(MissingDataException.class, () -> Harness.run(new MnistMlp(),
                Path.of("/nonexistent/data"), true, List.of(0L), new PrintStream(log, true, StandardCharsets.UTF_8), false));
        assertTrue(e.getMessage().contains("repro mnist-mlp: data folder /nonexistent/data/mnist not found"), e.getMessage());
        assertTrue(e.getMessage().contains("it needs train-images-idx3-ubyte, train-labels-idx1-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("get them from the MNIST database"), e.getMessage());
        assertEquals("", log.toString(StandardCharsets.UTF_8), "nothing printed before the data check");
    }
}
