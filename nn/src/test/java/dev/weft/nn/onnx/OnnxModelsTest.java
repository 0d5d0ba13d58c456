package dev.weft.nn.onnx;

import dev.weft.autograd.GradMode;
import dev.weft.nn.io.Safetensors;
import dev.weft.nn.io.SafetensorsFile;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each golden model (torch 1.13 eval mode, exported by src/test/python/export_onnx_models.py) imported and run on
 * the stored input: the max abs difference from torch's stored output must stay under 1e-4 (F32).
 */
class OnnxModelsTest {
    static final double TOLERANCE = 1e-4;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp_op13", "mlp_op17", "lenet5_op13", "resnet_small_op13", "resnet_pool_bn_op17", "lstm1_op13",
            "lstm2_batch_first_op17", "lstm_bidir_state_op13", "lstm1_op11", "split_softmax_op11", "split_softmax_op13", "encoder1_relu_op13", "encoder2_gelu_op17"})
    void matchesTorch(String name) throws Exception {
        OnnxModel model = Onnx.load(OnnxFiles.bytes(name + ".onnx"), name + ".onnx");
        SafetensorsFile golden = Safetensors.read(OnnxFiles.bytes(name + ".safetensors"), name + ".safetensors");
        assertEquals(golden.metadata().get("opset"), String.valueOf(model.opset()), name + ": opset");
        assertTrue(model.producer().startsWith("pytorch"), name + ": producer " + model.producer());
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (String in : model.inputNames()) feeds.put(in, golden.tensor(in));
        Map<String, Tensor> out;
        try (var scope = GradMode.noGrad()) {
            out = model.run(feeds);
        }
        Tensor expected = golden.tensor("output"), actual = out.get("output");
        assertArrayEquals(expected.shape(), actual.shape(), name + ": output shape");
        double maxAbs = actual.sub(expected).abs().max().item();
        System.out.printf("onnx %s: max |weft - torch| = %.3g%n", name, maxAbs);
        assertTrue(maxAbs < TOLERANCE, name + ": max abs difference " + maxAbs + " >= " + TOLERANCE);
    }
}
