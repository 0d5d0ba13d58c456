package dev.weft.nn.onnx;

import dev.weft.nn.onnx.OnnxProto.Attribute;
import dev.weft.nn.onnx.OnnxProto.Node;
import dev.weft.tensor.Tensor;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A node as an operator's compile step sees it: typed attribute access with defaults, arity checks and the
 * opset of its domain. Every error names the node ({@link Node#label()}).
 */
final class OpNode {
    private final Node node;
    private final long opset;
    private final Set<String> read = new HashSet<>();

    OpNode(Node node, long opset) {
        this.node = node;
        this.opset = opset;
    }

    long opset() {
        return opset;
    }

    String label() {
        return node.label();
    }

    int inputCount() {
        return node.inputs().size();
    }

    /** Number of outputs the graph asks for (trailing empty names dropped). */
    int outputCount() {
        int n = node.outputs().size();
        while (n > 0 && node.outputs().get(n - 1).isEmpty()) n--;
        return n;
    }

    boolean hasInput(int i) {
        return i < node.inputs().size() && !node.inputs().get(i).isEmpty();
    }

    OnnxFormatException error(String message) {
        return new OnnxFormatException(label() + ": " + message);
    }

    /** Requires between min and max inputs and at most maxOutputs outputs. */
    OpNode arity(int min, int max, int maxOutputs) {
        int n = inputCount();
        if (n < min || n > max) {
            throw error("takes " + (min == max ? min : min + ".." + max) + " inputs, the node has " + n);
        }
        for (int i = 0; i < min; i++) if (!hasInput(i)) throw error("input " + i + " is required but empty");
        if (outputCount() > maxOutputs) throw error("produces at most " + maxOutputs + " outputs, the node asks for " + outputCount());
        return this;
    }

    private Attribute attr(String name, int type) {
        read.add(name);
        Attribute a = node.attributes().get(name);
        if (a != null && a.type() != 0 && a.type() != type) {
            throw error("attribute '" + name + "' has type " + a.type() + ", expected " + type);
        }
        return a;
    }

    boolean has(String name) {
        return node.attributes().containsKey(name);
    }

    long i(String name, long dflt) {
        Attribute a = attr(name, OnnxProto.ATTR_INT);
        return a == null ? dflt : a.i();
    }

    int int32(String name, long dflt) {
        long v = i(name, dflt);
        if (v != (int) v) throw error("attribute '" + name + "' = " + v + " is out of int range");
        return (int) v;
    }

    float f(String name, float dflt) {
        Attribute a = attr(name, OnnxProto.ATTR_FLOAT);
        return a == null ? dflt : a.f();
    }

    String s(String name, String dflt) {
        Attribute a = attr(name, OnnxProto.ATTR_STRING);
        return a == null || a.s() == null ? dflt : new String(a.s(), StandardCharsets.UTF_8);
    }

    /** An INTS attribute as int[] (null when absent). */
    int[] ints(String name) {
        Attribute a = attr(name, OnnxProto.ATTR_INTS);
        if (a == null) return null;
        int[] out = new int[a.ints().length];
        for (int k = 0; k < out.length; k++) {
            long v = a.ints()[k];
            if (v != (int) v) throw error("attribute '" + name + "'[" + k + "] = " + v + " is out of int range");
            out[k] = (int) v;
        }
        return out;
    }

    float[] floats(String name) {
        Attribute a = attr(name, OnnxProto.ATTR_FLOATS);
        return a == null ? null : a.floats();
    }

    String[] strings(String name) {
        Attribute a = attr(name, OnnxProto.ATTR_STRINGS);
        if (a == null) return null;
        return a.strings().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    Tensor tensor(String name) {
        Attribute a = attr(name, OnnxProto.ATTR_TENSOR);
        if (a == null) return null;
        if (a.t() == null) throw error("attribute '" + name + "' holds no tensor");
        return OnnxTensors.toTensor(a.t(), label() + " attribute '" + name + "'");
    }

    /** Fails if the node carries an attribute the operator did not read (so an unknown option is not ignored). */
    void noOtherAttributes() {
        for (String name : node.attributes().keySet()) {
            if (!read.contains(name)) throw error("attribute '" + name + "' is not supported");
        }
    }
}
