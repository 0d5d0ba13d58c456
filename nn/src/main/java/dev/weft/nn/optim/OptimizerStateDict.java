package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's state as PyTorch lays it out: {@code state} maps a parameter's index (counted over
 * all groups in order) to its buffers and counters ("step", "expAvg", ...), and {@code paramGroups}
 * holds each group's options plus "params", the list of its parameter indices. Tensors inside are
 * copies owned by this object; values are Tensor, Number, Boolean, String, double[] or a List of those.
 *
 * <p>{@link #toTensors()} and {@link #fromTensors} flatten it to named tensors plus string metadata,
 * the shape a tensor file format (safetensors) can hold.
 *
 * @param state each parameter's buffers and counters by parameter index
 * @param paramGroups each group's options plus "params", its parameter indices
 */
public record OptimizerStateDict(Map<Integer, Map<String, Object>> state, List<Map<String, Object>> paramGroups) {

    /** A deep copy: tensors cloned (detached), arrays and lists copied. */
    static Object copy(Object v) {
        if (v instanceof Tensor t) return t.detach().clone();
        if (v instanceof double[] d) return d.clone();
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) out.add(copy(e));
            return out;
        }
        return v;
    }

    static Map<String, Object> copyMap(Map<String, Object> m) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copy(v)));
        return out;
    }

    /**
     * Tensors named "state.{index}.{key}" (a list's entries get ".{i}" appended), and metadata holding
     * everything else as exact text: "paramGroups" (one line per group of "key=value" pairs separated
     * by ';') and "state.{index}.{key}" for numbers, booleans, strings and list lengths, so that
     * {@link #fromTensors} restores the same values, bit for bit.
     *
     * @return the flattened form (the tensors are this dict's, not copies)
     */
    public Flat toTensors() {
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        state.forEach((idx, m) -> m.forEach((k, v) -> flattenValue("state." + idx + "." + k, v, tensors, meta)));
        StringBuilder groups = new StringBuilder();
        for (Map<String, Object> g : paramGroups) {
            if (!groups.isEmpty()) groups.append('\n');
            StringBuilder line = new StringBuilder();
            g.forEach((k, v) -> {
                if (!line.isEmpty()) line.append(';');
                line.append(k).append('=').append(FlatCodec.encode(v));
            });
            groups.append(line);
        }
        meta.put("paramGroups", groups.toString());
        return new Flat(tensors, meta);
    }

    private static void flattenValue(String name, Object v, Map<String, Tensor> tensors, Map<String, String> meta) {
        switch (v) {
            case Tensor t -> tensors.put(name, t);
            case List<?> l -> {
                meta.put(name, "list:" + l.size());
                for (int i = 0; i < l.size(); i++) flattenValue(name + "." + i, l.get(i), tensors, meta);
            }
            case null -> meta.put(name, "null");
            default -> meta.put(name, FlatCodec.encode(v));
        }
    }

    /**
     * Rebuilds a state dict from {@link #toTensors()}'s output.
     *
     * @param flat the named tensors and metadata
     * @return the state dict
     */
    public static OptimizerStateDict fromTensors(Flat flat) {
        return FlatCodec.decode(flat);
    }

    /**
     * Named tensors and string metadata (see {@link #toTensors()}).
     *
     * @param tensors the tensors by name
     * @param metadata the other values as exact text, by name
     */
    public record Flat(Map<String, Tensor> tensors, Map<String, String> metadata) {}
}
