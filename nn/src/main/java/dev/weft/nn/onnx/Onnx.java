package dev.weft.nn.onnx;

import dev.weft.nn.onnx.OnnxProto.Graph;
import dev.weft.nn.onnx.OnnxProto.Model;
import dev.weft.nn.onnx.OnnxProto.Node;
import dev.weft.nn.onnx.OnnxProto.TensorData;
import dev.weft.nn.onnx.OnnxProto.ValueInfo;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ONNX import: {@code OnnxModel m = Onnx.load(path)}. The file is read with our own protobuf reader (no
 * dependency), every initializer decoded, every node checked against {@link #supportedOperators()} and compiled;
 * only then is the model built. Default-domain opsets {@value #MIN_OPSET}..{@value #MAX_OPSET}.
 */
public final class Onnx {
    private Onnx() {}

    /** The oldest and newest default-domain opsets the importer accepts. */
    public static final int MIN_OPSET = 11, MAX_OPSET = 18;

    /** {@return the op_types of the default domain the importer runs, sorted} */
    public static List<String> supportedOperators() {
        return OnnxOperators.names();
    }

    /**
     * Loads an .onnx file.
     *
     * @param path the file
     * @return the compiled model
     * @throws OnnxFormatException if the file is malformed, its opset is unsupported or a node cannot be compiled
     * @throws IOException if the file cannot be read
     */
    public static OnnxModel load(Path path) throws IOException {
        return load(Files.readAllBytes(path), path.toString());
    }

    /**
     * Loads from the file's bytes.
     *
     * @param file the .onnx file's contents
     * @param source the name used in error messages
     * @return the compiled model
     * @throws OnnxFormatException if the bytes are malformed, the opset is unsupported or a node cannot be compiled
     */
    public static OnnxModel load(byte[] file, String source) {
        Model m = OnnxParser.parseModel(file, source);
        Long opsetBoxed = m.opsets().containsKey("") ? m.opsets().get("") : m.opsets().get("ai.onnx");
        if (opsetBoxed == null) throw new OnnxFormatException(source + ": no opset_import for the default ONNX domain");
        long opset = opsetBoxed;
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new OnnxFormatException(source + ": opset " + opset + " is outside the supported " + MIN_OPSET + ".." + MAX_OPSET);
        }
        Graph g = m.graph();

        List<String> unsupported = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (OnnxOperators.get(n.domain(), n.opType()) == null) {
                unsupported.add("node '" + n.name() + "' (#" + n.index() + "): unsupported operator '" + n.opType() + "' in domain '"
                        + (n.domain().isEmpty() ? "ai.onnx" : n.domain()) + "'");
            }
        }
        if (!unsupported.isEmpty()) throw new OnnxFormatException(source + ": " + String.join("; ", unsupported));

        Map<String, Tensor> inits = new LinkedHashMap<>();
        for (TensorData t : g.initializers()) {
            if (inits.containsKey(t.name())) throw new OnnxFormatException(source + ": initializer '" + t.name() + "' appears twice");
            inits.put(t.name(), OnnxTensors.toTensor(t, source + ": initializer '" + t.name() + "'"));
        }

        List<OnnxValue> inputs = new ArrayList<>();
        Set<String> defined = new HashSet<>(inits.keySet());
        for (ValueInfo v : g.inputs()) {
            if (inits.containsKey(v.name())) continue; // older exporters list the weights as inputs too
            inputs.add(value(source, "input", v));
            defined.add(v.name());
        }

        List<OnnxModel.Step> steps = new ArrayList<>();
        for (Node n : g.nodes()) {
            for (int i = 0; i < n.inputs().size(); i++) {
                String in = n.inputs().get(i);
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw new OnnxFormatException(source + ": " + n.label() + ": input " + i + " '" + in
                            + "' is not a graph input, an initializer or an earlier node's output (missing initializer?)");
                }
            }
            OnnxOp.Kernel k = OnnxOperators.get(n.domain(), n.opType()).compile(new OpNode(n, opset));
            for (String out : n.outputs()) {
                if (out.isEmpty()) continue;
                if (!defined.add(out)) throw new OnnxFormatException(source + ": " + n.label() + ": output '" + out + "' is already defined");
            }
            steps.add(new OnnxModel.Step(n.label(), n.inputs().toArray(new String[0]), n.outputs().toArray(new String[0]), k));
        }

        List<OnnxValue> outputs = new ArrayList<>();
        for (ValueInfo v : g.outputs()) {
            if (!defined.contains(v.name())) throw new OnnxFormatException(source + ": graph output '" + v.name() + "' is produced by no node");
            outputs.add(value(source, "output", v));
        }
        String producer = (m.producerName() + " " + m.producerVersion()).trim();
        return new OnnxModel(source, opset, m.irVersion(), producer, g.name(), inputs, outputs, inits, steps);
    }

    private static OnnxValue value(String source, String what, ValueInfo v) {
        DType t = OnnxTensors.dtypeOf(v.elemType());
        if (t == null) {
            throw new OnnxFormatException(source + ": graph " + what + " '" + v.name() + "' has unsupported element type "
                    + OnnxTensors.typeName(v.elemType()));
        }
        return new OnnxValue(v.name(), t, v.hasShape() ? v.dims() : null, v.dimParams());
    }
}
