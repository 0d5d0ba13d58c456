package dev.weft.nn.onnx;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An imported ONNX graph run as a Weft module: {@link #run} maps named inputs to named outputs, {@link #forward}
 * serves single-input, single-output graphs. Every node runs as Weft tensor ops, so under a tape gradients flow
 * back to the inputs, and to any initializer made to require grad ({@link #initializers()} returns the live
 * tensors). Built by {@link Onnx#load} only after the whole file parsed and every node compiled.
 */
public final class OnnxModel extends Module {
    /** One compiled node: where it reads and writes in the value table, and its kernel. */
    record Step(String label, String[] inputs, String[] outputs, OnnxOp.Kernel kernel) {}

    private final String source;
    private final long opset;
    private final long irVersion;
    private final String producer;
    private final String graphName;
    private final List<OnnxValue> inputs;
    private final List<OnnxValue> outputs;
    private final Map<String, Tensor> initializers;
    private final List<Step> steps;

    OnnxModel(String source, long opset, long irVersion, String producer, String graphName, List<OnnxValue> inputs,
              List<OnnxValue> outputs, Map<String, Tensor> initializers, List<Step> steps) {
        this.source = source;
        this.opset = opset;
        this.irVersion = irVersion;
        this.producer = producer;
        this.graphName = graphName;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        this.steps = List.copyOf(steps);
    }

    /** {@return the graph's inputs that are not initializers, in file order} */
    public List<OnnxValue> inputs() { return inputs; }

    /** {@return the graph's outputs, in file order} */
    public List<OnnxValue> outputs() { return outputs; }

    /** {@return the names of {@link #inputs()}} */
    public List<String> inputNames() { return inputs.stream().map(OnnxValue::name).toList(); }

    /** {@return the names of {@link #outputs()}} */
    public List<String> outputNames() { return outputs.stream().map(OnnxValue::name).toList(); }

    /** {@return the opset version imported for the default domain} */
    public long opset() { return opset; }

    /** {@return the file's ONNX IR version (ir_version)} */
    public long irVersion() { return irVersion; }

    /** {@return producer_name and producer_version, e.g. "pytorch 1.13.0"} */
    public String producer() { return producer; }

    /** {@return the graph's name in the file} */
    public String graphName() { return graphName; }

    /** {@return the weights by initializer name (the tensors the graph uses, not copies; read-only map)} */
    public Map<String, Tensor> initializers() { return initializers; }

    /** {@return the number of nodes in the graph} */
    public int nodeCount() { return steps.size(); }

    /**
     * Runs the graph: {@code feeds} must hold exactly the graph's inputs, each with its declared dtype and fixed dims.
     *
     * @param feeds the input tensors by input name
     * @return the outputs by name, in graph order
     * @throws IllegalArgumentException listing every missing, extra or mismatched input, or naming the node that failed
     */
    public Map<String, Tensor> run(Map<String, Tensor> feeds) {
        List<String> problems = new ArrayList<>();
        for (OnnxValue v : inputs) {
            Tensor t = feeds.get(v.name());
            if (t == null) problems.add("input '" + v.name() + "' " + v.dtype() + " " + v.shapeText() + " is missing");
            else if (t.dtype() != v.dtype() || !v.accepts(t.shape())) {
                problems.add("input '" + v.name() + "' is " + t.dtype() + " " + Shape.format(t.shape()) + ", the graph declares "
                        + v.dtype() + " " + v.shapeText());
            }
        }
        for (String k : feeds.keySet()) if (inputs.stream().noneMatch(v -> v.name().equals(k))) {
            problems.add("'" + k + "' is not an input of the graph (inputs: " + inputNames() + ")");
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException("OnnxModel.run(" + source + "): " + String.join("; ", problems));
        Map<String, Tensor> values = new HashMap<>(initializers);
        values.putAll(feeds);
        for (Step s : steps) {
            Tensor[] in = new Tensor[s.inputs().length];
            for (int i = 0; i < in.length; i++) in[i] = s.inputs()[i].isEmpty() ? null : values.get(s.inputs()[i]);
            Tensor[] out;
            try {
                out = s.kernel().run(in);
            } catch (RuntimeException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                throw new IllegalArgumentException("OnnxModel.run(" + source + "): " + (m.startsWith(s.label()) ? m : s.label() + ": " + m), e);
            }
            for (int i = 0; i < s.outputs().length; i++) {
                if (s.outputs()[i].isEmpty()) continue;
                if (i >= out.length) {
                    throw new IllegalArgumentException("OnnxModel.run(" + source + "): " + s.label() + ": output " + i + " is not produced"
                            + " (the node made " + out.length + ")");
                }
                values.put(s.outputs()[i], out[i]);
            }
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (OnnxValue v : outputs) result.put(v.name(), values.get(v.name()));
        return result;
    }

    /** Runs a graph with one input and one output. */
    @Override
    public Tensor forward(Tensor input) {
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw new IllegalArgumentException("OnnxModel.forward(Tensor): the graph has inputs " + inputNames() + " and outputs "
                    + outputNames() + "; use run(Map)");
        }
        return run(Map.of(inputs.get(0).name(), input)).get(outputs.get(0).name());
    }

    @Override
    public String toString() {
        return "OnnxModel(source=" + source + ", opset=" + opset + ", producer=" + producer + ", nodes=" + steps.size()
                + ", inputs=" + inputs + ", outputs=" + outputs + ")";
    }
}
