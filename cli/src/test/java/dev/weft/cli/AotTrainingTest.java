package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AOT training run must keep working as the CLI changes: a failing run would leave the cache without its classes. */
class AotTrainingTest {
    @Test
    void everyTrainingRunIsAValidCommand() {
        for (List<String> run : AotTraining.RUNS) {
            List<String> args = new ArrayList<>(run);
            args.addAll(List.of("--batch", "2"));          // the same options on a tiny batch: fast here
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(args.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, args + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theShortDemoRunsEverySection() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DemoCommand.tour(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        String s = out.toString(StandardCharsets.UTF_8);
        for (String section : List.of("== Tensors", "== Autograd", "== GEMM", "== Training", "trained 1 epochs", "demo done")) {
            assertTrue(s.contains(section), section + " missing in:\n" + s);
        }
    }
}
