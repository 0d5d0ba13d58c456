package dev.weft.nn.onnx;

import java.util.List;
import java.util.Map;

/**
 * The parts of onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto) that
 * the importer reads, as plain records. Fields the importer does not use are skipped by the parser.
 */
final class OnnxProto {
    private OnnxProto() {}

    record Model(long irVersion, String producerName, String producerVersion, Map<String, Long> opsets, Graph graph) {}

    record Graph(String name, List<Node> nodes, List<TensorData> initializers, List<ValueInfo> inputs, List<ValueInfo> outputs) {}

    record Node(int index, String name, String opType, String domain, List<String> inputs, List<String> outputs,
                Map<String, Attribute> attributes) {
        /** How errors name this node: {@code node 'name' (#index, Op)}. */
        String label() {
            return "node '" + name + "' (#" + index + ", " + (domain.isEmpty() ? "" : domain + ".") + opType + ")";
        }
    }

    /** AttributeProto.AttributeType values. */
    static final int ATTR_FLOAT = 1, ATTR_INT = 2, ATTR_STRING = 3, ATTR_TENSOR = 4, ATTR_GRAPH = 5, ATTR_FLOATS = 6,
            ATTR_INTS = 7, ATTR_STRINGS = 8, ATTR_TENSORS = 9, ATTR_GRAPHS = 10;

    record Attribute(String name, int type, float f, long i, byte[] s, TensorData t, float[] floats, long[] ints,
                     List<byte[]> strings) {}

    /**
     * A TensorProto as stored: dims, data type and whichever data field was set (raw bytes or a typed list).
     * {@code offset} is where the message starts in the file, for errors.
     */
    record TensorData(String name, long[] dims, int dataType, byte[] raw, float[] floats, long[] int64s, long[] int32s,
                      double[] doubles, boolean external, long offset) {}

    /** A graph input/output: its element type (0 when absent) and dims (-1 where the dim is symbolic or unknown). */
    record ValueInfo(String name, int elemType, long[] dims, String[] dimParams, boolean hasShape) {}
}
