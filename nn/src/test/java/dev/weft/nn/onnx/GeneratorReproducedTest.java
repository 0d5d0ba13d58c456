package dev.weft.nn.onnx;

import dev.weft.nn.io.Safetensors;
import dev.weft.nn.io.SafetensorsFile;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where /usr/bin/python3 with torch is present (skipped otherwise), src/test/python/export_onnx_models.py run into a
 * temporary folder reproduces the committed inputs and torch outputs exactly, and its models load and match them.
 */
class GeneratorReproducedTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/python/export_onnx_models.py");

    private static boolean run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    @Test
    void scriptReproducesTheCommittedGoldens(@TempDir Path out) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Files.isRegularFile(SCRIPT), "run from the nn module folder");
        Path cwd = Path.of("").toAbsolutePath();
        assumeTrue(run(cwd, PYTHON.toString(), "-c", "import torch"), "torch is not installed for /usr/bin/python3");
        assertTrue(run(cwd, PYTHON.toString(), SCRIPT.toString(), "--out", out.toString()), "the generator script failed");
        List<Path> goldens;
        try (Stream<Path> s = Files.list(out)) {
            goldens = s.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
        }
        assertTrue(goldens.size() >= 10, "generated " + goldens);
        for (Path fresh : goldens) {
            String name = fresh.getFileName().toString();
            SafetensorsFile now = Safetensors.read(fresh);
            SafetensorsFile committed = Safetensors.read(OnnxFiles.bytes(name), name);
            assertEquals(committed.tensors().keySet(), now.tensors().keySet(), name);
            for (String k : committed.tensors().keySet()) {
                Tensor a = committed.tensor(k), b = now.tensor(k);
                assertArrayEquals(a.shape(), b.shape(), name + " " + k);
                assertArrayEquals(a.toFloatArray(), b.toFloatArray(), name + " " + k + " differs from the committed golden");
            }
            String model = name.replace(".safetensors", ".onnx");
            OnnxModel m = Onnx.load(out.resolve(model));
            assertEquals(committed.metadata().get("opset"), String.valueOf(m.opset()), model);
        }
    }
}
