package dev.weft.nn.onnx;

import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed and unsupported files fail at load time with the byte offset or the node / tensor named. */
class OnnxMalformedTest {
    static final String MLP = "mlp_op13.onnx";

    /** A valid one-node graph y = Relu(x) with x, y (2, 3), to break one piece at a time. */
    static ProtoWriter reluGraph() {
        return new ProtoWriter().message(1, ProtoWriter.node("relu0", "Relu", null, new String[] {"x"}, "y")).string(2, "g")
                .message(11, ProtoWriter.valueInfo("x", 2, 3)).message(12, ProtoWriter.valueInfo("y", 2, 3));
    }

    @Test
    void handBuiltGraphRuns() {
        OnnxModel m = Onnx.load(ProtoWriter.model(reluGraph(), 13), "relu.onnx");
        Tensor y = m.forward(Tensor.of(new float[] {-1, 2, -3, 4, 0, -0.5f}, 2, 3));
        assertEquals(Arrays.toString(new float[] {0, 2, 0, 4, 0, 0}), Arrays.toString(y.toFloatArray()));
        assertEquals("weft-test 1", m.producer());
        assertEquals(13, m.opset());
    }

    @ParameterizedTest(name = "cut at {0}")
    @ValueSource(doubles = {0.002, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999})
    void truncatedFileNamesTheOffset(double fraction) {
        byte[] full = OnnxFiles.bytes(MLP);
        int cut = (int) (full.length * fraction);
        byte[] part = Arrays.copyOf(full, cut);
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(part, "cut.onnx"));
        assertTrue(e.offset() >= 0 && e.offset() < cut, "offset " + e.offset() + " for a cut at " + cut + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("at byte offset " + e.offset()), e.getMessage());
        assertTrue(e.getMessage().startsWith("cut.onnx: "), e.getMessage());
    }

    @Test
    void badWireTypeNamesTheOffset() {
        byte[] f = OnnxFiles.bytes(MLP);
        assertEquals(0x08, f[0], "ModelProto starts with ir_version (field 1, varint)");
        f[0] = 0x0B; // field 1, wire type 3 (start group)
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(f, "w.onnx"));
        assertEquals("w.onnx: unsupported wire type 3 (field 1) at byte offset 0", e.getMessage());
        f[0] = 0x0D; // field 1 as fixed32: a known field with the wrong encoding
        e = assertThrows(OnnxFormatException.class, () -> Onnx.load(f, "w.onnx"));
        assertEquals("w.onnx: ModelProto.ir_version field 1: wire type 5, expected 0 at byte offset 0", e.getMessage());
    }

    @Test
    void lengthPastTheEnd() {
        byte[] f = {0x3A, 100, 1, 2}; // graph: length 100, 2 bytes follow
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(f, "l.onnx"));
        assertEquals("l.onnx: length 100 runs past the end (2 bytes left) at byte offset 1", e.getMessage());
        assertEquals(1, e.offset());
    }

    @Test
    void truncatedVarint() {
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(new byte[] {0x08, (byte) 0x80}, "v.onnx"));
        assertEquals("v.onnx: truncated varint at byte offset 1", e.getMessage());
    }

    @Test
    void unsupportedOperatorNamesNodeOpAndDomain() {
        byte[] f = OnnxFiles.bytes(MLP);
        String text = new String(f, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"\u0004Tanh"); // NodeProto.op_type (field 4) = "Tanh"
        assertTrue(at > 0, "the MLP holds a Tanh node");
        f[at + 5] = 'x'; // "Tanx"
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(f, "mlp.onnx"));
        assertTrue(e.getMessage().matches("mlp\\.onnx: node '[^']*Tanh[^']*' \\(#\\d+\\): unsupported operator 'Tanx' in domain 'ai.onnx'"),
                e.getMessage());

        ProtoWriter g = new ProtoWriter().message(1, ProtoWriter.node("relu0", "Relu", null, new String[] {"x"}, "h"))
                .message(1, ProtoWriter.node("fused", "FusedMatMul", "com.microsoft", new String[] {"h", "h"}, "y"))
                .message(11, ProtoWriter.valueInfo("x", 2, 2)).message(12, ProtoWriter.valueInfo("y", 2, 2));
        e = assertThrows(OnnxFormatException.class, () -> Onnx.load(ProtoWriter.model(g, 13), "ms.onnx"));
        assertEquals("ms.onnx: node 'fused' (#1): unsupported operator 'FusedMatMul' in domain 'com.microsoft'", e.getMessage());
    }

    @Test
    void unsupportedAttributeFailsAtLoad() {
        ProtoWriter node = ProtoWriter.node("pool", "MaxPool", null, new String[] {"x"}, "y")
                .message(5, new ProtoWriter().string(1, "kernel_shape").varint(8, 2).varint(8, 2).varint(20, OnnxProto.ATTR_INTS))
                .message(5, new ProtoWriter().string(1, "auto_pad").string(4, "SAME_UPPER").varint(20, OnnxProto.ATTR_STRING));
        ProtoWriter g = new ProtoWriter().message(1, node).message(11, ProtoWriter.valueInfo("x", 1, 1, 4, 4))
                .message(12, ProtoWriter.valueInfo("y", 1, 1, 4, 4));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(ProtoWriter.model(g, 13), "p.onnx"));
        assertEquals("node 'pool' (#0, MaxPool): auto_pad 'SAME_UPPER' is not supported (NOTSET, VALID)", e.getMessage());
    }

    @Test
    void wrongTensorDataSizeNamesTheInitializer() {
        ProtoWriter g = new ProtoWriter().message(1, ProtoWriter.node("add", "Add", null, new String[] {"x", "b"}, "y"))
                .message(5, ProtoWriter.tensor("b", OnnxTensors.FLOAT, new byte[20], 2, 3))
                .message(11, ProtoWriter.valueInfo("x", 2, 3)).message(12, ProtoWriter.valueInfo("y", 2, 3));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(ProtoWriter.model(g, 13), "d.onnx"));
        assertTrue(e.getMessage().startsWith("d.onnx: initializer 'b' (TensorProto at byte offset "), e.getMessage());
        assertTrue(e.getMessage().endsWith("raw_data holds 20 bytes, FLOAT [2, 3] needs 24"), e.getMessage());
    }

    @Test
    void unknownDataTypeNamesTheInitializer() {
        ProtoWriter g = new ProtoWriter().message(1, ProtoWriter.node("add", "Add", null, new String[] {"x", "b"}, "y"))
                .message(5, ProtoWriter.tensor("b", 99, new byte[6], 2, 3))
                .message(11, ProtoWriter.valueInfo("x", 2, 3)).message(12, ProtoWriter.valueInfo("y", 2, 3));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(ProtoWriter.model(g, 13), "t.onnx"));
        assertTrue(e.getMessage().startsWith("t.onnx: initializer 'b' ") && e.getMessage().endsWith("unsupported data type data type 99"),
                e.getMessage());
    }

    @Test
    void missingInitializerNamesNodeAndValue() {
        ProtoWriter g = new ProtoWriter().message(1, ProtoWriter.node("fc", "Gemm", null, new String[] {"x", "W"}, "y"))
                .message(11, ProtoWriter.valueInfo("x", 2, 3)).message(12, ProtoWriter.valueInfo("y", 2, 3));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(ProtoWriter.model(g, 13), "m.onnx"));
        assertEquals("m.onnx: node 'fc' (#0, Gemm): input 1 'W' is not a graph input, an initializer or an earlier node's output"
                + " (missing initializer?)", e.getMessage());
    }

    @Test
    void layerNormalizationNeedsOpset17() {
        ProtoWriter g = new ProtoWriter().message(1, ProtoWriter.node("ln", "LayerNormalization", null, new String[] {"x", "s"}, "y"))
                .message(5, ProtoWriter.tensor("s", OnnxTensors.FLOAT, new byte[12], 3))
                .message(11, ProtoWriter.valueInfo("x", 2, 3)).message(12, ProtoWriter.valueInfo("y", 2, 3));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> Onnx.load(ProtoWriter.model(g, 13), "ln.onnx"));
        assertEquals("node 'ln' (#0, LayerNormalization): LayerNormalization needs opset 17, the model imports opset 13", e.getMessage());
        Onnx.load(ProtoWriter.model(g, 17), "ln.onnx"); // the same graph at opset 17 loads
    }

    @Test
    void graphInputMismatchAtRunTime() {
        OnnxModel m = Onnx.load(OnnxFiles.bytes(MLP), MLP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forward(Tensor.zeros(3, 16)));
        assertEquals("OnnxModel.run(mlp_op13.onnx): input 'input' is f32 (3, 16), the graph declares f32 (4, 16)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.run(Map.of("x", Tensor.zeros(4, 16))));
        assertEquals("OnnxModel.run(mlp_op13.onnx): input 'input' f32 (4, 16) is missing; 'x' is not an input of the graph"
                + " (inputs: [input])", e.getMessage());
    }
}
