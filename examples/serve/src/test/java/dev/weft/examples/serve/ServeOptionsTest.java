package dev.weft.examples.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.io.Safetensors;
import dev.weft.nn.io.SafetensorsFile;
import dev.weft.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line: defaults (loopback, 1 MiB bodies), every flag, and clear errors for bad ones. */
class ServeOptionsTest {
    @Test
    void defaultsAreLoopbackAndOneMebibyte() {
        ServeOptions o = ServeOptions.parse("--mlp", "4,64,3", "--weights", "m.safetensors");
        assertEquals("127.0.0.1", o.host());
        assertEquals(8080, o.port());
        assertEquals(1 << 20, o.maxBody());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
        assertEquals("relu", o.activation());
        assertArrayEquals(new int[] {4, 64, 3}, o.mlpSizes());
        assertEquals(Path.of("m.safetensors"), o.weights());
    }

    @Test
    void everyFlagIsRead() {
        ServeOptions o = ServeOptions.parse("--host", "0.0.0.0", "--port", "0", "--threads", "3", "--max-body", "4096",
                "--max-batch", "16", "--mlp", "2,5", "--activation", "tanh", "--weights", "w.safetensors");
        assertEquals("0.0.0.0", o.host());
        assertEquals(0, o.port());
        assertEquals(3, o.threads());
        assertEquals(4096, o.maxBody());
        assertEquals(16, o.maxBatch());
        assertEquals("tanh", o.activation());
    }

    @Test
    void badFlagsAreClearErrors() {
        assertMessage("unknown flag '--nope'", "--nope", "1");
        assertMessage("--port: must be in [0, 65535]", "--mlp", "2,3", "--weights", "w", "--port", "70000");
        assertMessage("--threads: must be >= 1", "--mlp", "2,3", "--weights", "w", "--threads", "0");
        assertMessage("--max-body: expected an integer", "--mlp", "2,3", "--weights", "w", "--max-body", "1MB");
        assertMessage("--mlp: expected comma-separated integers", "--mlp", "4,x", "--weights", "w");
        assertMessage("--mlp needs --weights", "--mlp", "4,3");
        assertMessage("exactly one of --mlp or --onnx", "--port", "1");
        assertMessage("--port: missing value", "--mlp", "4,3", "--port");
    }

    /** The nn module's golden ONNX MLP (torch 1.13, opset 13) served: its answers are torch's stored output. */
    @Test
    void onnxModelAnswersAsTorch() throws Exception {
        Path dir = Path.of("../../nn/src/test/resources/onnx");
        assertTrue(Files.isRegularFile(dir.resolve("mlp_op13.onnx")), "golden model missing under " + dir.toAbsolutePath());
        ServedModel served = Main.load(ServeOptions.parse("--onnx", dir.resolve("mlp_op13.onnx").toString()));
        assertEquals("onnx", served.kind());
        SafetensorsFile golden = Safetensors.read(Files.readAllBytes(dir.resolve("mlp_op13.safetensors")), "mlp_op13.safetensors");
        Tensor x = golden.tensor("input"), expected = golden.tensor("output");
        assertArrayEquals(new int[] {x.shape()[1]}, served.exampleShape());
        ServedModel.Prediction p = served.predict(x.toFloatArray(), x.shape()[0]);
        assertArrayEquals(expected.shape(), p.shape());
        float[] want = expected.toFloatArray();
        for (int i = 0; i < want.length; i++) assertEquals(want[i], p.values()[i], 1e-5, "output " + i);
    }

    @Test
    void onnxFileMissingIsAnError() {
        ServeOptions o = ServeOptions.parse("--onnx", "no-such-model.onnx");
        Exception e = assertThrows(Exception.class, () -> Main.load(o));
        assertTrue(e.getMessage().contains("no-such-model.onnx"), e.getMessage());
    }

    @Test
    void mlpSpecIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> ModelLoader.mlpModule(new int[] {4}, "relu"));
        assertThrows(IllegalArgumentException.class, () -> ModelLoader.mlpModule(new int[] {4, 0, 3}, "relu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelLoader.mlpModule(new int[] {4, 3}, "swish"));
        assertTrue(e.getMessage().contains("relu, tanh or gelu"), e.getMessage());
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, ModelLoader.mlpModule(new int[] {4, 8, 3}, "gelu").parameters().stream().mapToLong(t -> t.numel()).sum());
    }

    private static void assertMessage(String part, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServeOptions.parse(args));
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
    }
}
