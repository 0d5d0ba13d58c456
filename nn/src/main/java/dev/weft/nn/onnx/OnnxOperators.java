package dev.weft.nn.onnx;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry of supported operators of the default ONNX domain ("" / "ai.onnx"), by op_type. */
final class OnnxOperators {
    private OnnxOperators() {}

    private static final Map<String, OnnxOp> OPS;

    static {
        Map<String, OnnxOp> ops = new TreeMap<>();
        MathOps.register(ops);
        ShapeOps.register(ops);
        NeuralOps.register(ops);
        LstmOp.register(ops);
        OPS = Collections.unmodifiableMap(ops);
    }

    static boolean isDefaultDomain(String domain) {
        return domain.isEmpty() || domain.equals("ai.onnx");
    }

    static OnnxOp get(String domain, String opType) {
        return isDefaultDomain(domain) ? OPS.get(opType) : null;
    }

    static List<String> names() {
        return List.copyOf(OPS.keySet());
    }
}
