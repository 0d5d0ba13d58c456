package dev.weft.nn.onnx;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The supported operator list, the model's metadata, and autograd through an imported graph. */
class OnnxOperatorsTest {
    @Test
    void supportedOperators() {
        List<String> ops = Onnx.supportedOperators();
        for (String op : List.of("Gemm", "MatMul", "Add", "Mul", "Sub", "Div", "Relu", "Sigmoid", "Tanh", "Gelu", "Erf", "Conv",
                "MaxPool", "AveragePool", "GlobalAveragePool", "BatchNormalization", "LayerNormalization", "Softmax", "Reshape",
                "Flatten", "Transpose", "Concat", "Gather", "Slice", "Squeeze", "Unsqueeze", "LSTM", "Constant", "Shape", "Identity",
                "Dropout", "Cast", "Pow", "Sqrt", "ReduceMean", "Where", "Equal", "Expand", "ConstantOfShape", "Split")) {
            assertTrue(ops.contains(op), op + " missing from " + ops);
        }
        assertEquals(ops.stream().sorted().toList(), ops, "sorted");
        assertEquals(ops.size(), ops.stream().distinct().count(), "no duplicates");
    }

    @Test
    void metadata() {
        OnnxModel m = Onnx.load(OnnxFiles.bytes("lstm_bidir_state_op13.onnx"), "lstm_bidir_state_op13.onnx");
        assertEquals(List.of("input0", "input1", "input2"), m.inputNames());
        assertEquals(List.of("output"), m.outputNames());
        assertEquals("(3, 2, 4)", m.inputs().get(0).shapeText());
        assertEquals(13, m.opset());
        assertTrue(m.producer().startsWith("pytorch 1.13"), m.producer());
        assertTrue(m.nodeCount() > 0);
    }

    /** Softmax axis 1 on (2, 3, 4): from opset 13 along dim 1; before 13 over the flattened (3 * 4) block. */
    @Test
    void softmaxAxisSemanticsChangeAtOpset13() {
        ProtoWriter node = ProtoWriter.node("sm", "Softmax", null, new String[] {"x"}, "y")
                .message(5, new ProtoWriter().string(1, "axis").varint(3, 1).varint(20, OnnxProto.ATTR_INT));
        ProtoWriter graph = new ProtoWriter().message(1, node).message(11, ProtoWriter.valueInfo("x", 2, 3, 4))
                .message(12, ProtoWriter.valueInfo("y", 2, 3, 4));
        Tensor x = Tensor.randn(new Generator(3), 2, 3, 4);
        Tensor y13 = Onnx.load(ProtoWriter.model(graph, 13), "sm13").forward(x);
        Tensor y11 = Onnx.load(ProtoWriter.model(graph, 11), "sm11").forward(x);
        assertTrue(y13.allclose(x.softmax(1), 1e-6, 1e-7));
        assertTrue(y11.allclose(x.reshape(2, 12).softmax(1).reshape(2, 3, 4), 1e-6, 1e-7));
        assertTrue(!y11.allclose(y13, 1e-3, 1e-3), "the two semantics differ on this input");
    }

    /** d/dx of sum(w * f(x)) through the imported MLP vs a central difference along a random direction. */
    @Test
    void gradientsFlowThroughTheGraph() {
        OnnxModel m = Onnx.load(OnnxFiles.bytes("mlp_op13.onnx"), "mlp_op13.onnx");
        Generator g = new Generator(7);
        Tensor x = Tensor.randn(g, 4, 16), w = Tensor.randn(g, 4, 8), v = Tensor.randn(g, 4, 16);
        Tensor xg = x.clone().requiresGrad(true);
        Tensor weight = m.initializers().values().iterator().next();
        weight.requiresGrad(true);
        try {
            Autograd.backward(m.forward(xg).mul(w).sum());
            double analytic = xg.grad().mul(v).sum().item();
            double eps = 1e-2;
            double plus = m.forward(x.add(v.mul(eps))).mul(w).sum().item(), minus = m.forward(x.sub(v.mul(eps))).mul(w).sum().item();
            double numeric = (plus - minus) / (2 * eps);
            assertTrue(Math.abs(analytic - numeric) <= 1e-3 + 2e-2 * Math.abs(numeric), "analytic " + analytic + " vs numeric " + numeric);
            assertNotNull(weight.grad(), "an initializer made to require grad gets a gradient");
        } finally {
            weight.requiresGrad(false);
            weight.setGrad(null);
        }
    }
}
