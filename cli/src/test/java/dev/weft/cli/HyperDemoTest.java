package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's hypernetwork learns both tasks from their codes, and the mixed per-sample batch scores as the tasks do. */
class HyperDemoTest {
    @Test
    void oneGeneratorLearnsBothTasksAndTheMixedBatchRunsPerSample() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        double[] acc = HyperDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8), HyperDemo.STEPS);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(3, acc.length);
        assertTrue(acc[0] > 0.9 && acc[1] > 0.9, "per-task test accuracy " + acc[0] + ", " + acc[1] + "\n" + out);
        assertTrue(acc[2] > 0.85, "mixed batch " + acc[2] + "\n" + out);
        assertTrue(out.contains("== A hypernetwork") && out.contains("one generated weight set per sample"), out);
    }
}
