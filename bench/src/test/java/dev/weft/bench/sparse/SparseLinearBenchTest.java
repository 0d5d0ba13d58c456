package dev.weft.bench.sparse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseLinearBenchTest {
    @Test
    void emitsOneJsonLinePerImplPassAndSparsityWithTheDocumentedFields() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = new SparseLinearBench().run(List.of("--json", "--sparsity", "0.5,0.9", "--batch", "4", "--in", "16", "--out", "8", "--threads", "1"),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2 * 2 * 2, lines.size(), String.join("\n", lines));
        for (String l : lines) {
            for (String f : List.of("\"suite\":\"sparse-linear\"", "\"sparsity\":", "\"nnz\":", "\"ms\":", "\"threads\":1")) {
                assertTrue(l.contains(f), f + " missing in " + l);
            }
        }
        assertTrue(lines.get(0).contains("\"nnz\":64"), "half of 128 weights kept: " + lines.get(0));
    }

    @Test
    void refusesASparsityOutsideTheRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SparseLinearBench().run(List.of("--sparsity", "1.0"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("must be in [0, 1)"), e.getMessage());
    }
}
