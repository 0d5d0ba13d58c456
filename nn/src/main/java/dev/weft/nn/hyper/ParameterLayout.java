package dev.weft.nn.hyper;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated parameters of a target module laid end to end in one flat vector, in the target's
 * {@code namedParameters()} order, each tensor row-major: theta = [vec(p_0), vec(p_1), ...], p_i at
 * [offset_i, offset_i + numel_i). {@link #split} cuts a flat (N) or per-sample (B, N) vector back into the
 * target's exact shapes ((B, *shape) when batched); {@link #flatten} is its inverse.
 */
public final class ParameterLayout {
    /**
     * One generated parameter: its dotted name, shape, and place in the flat vector.
     *
     * @param name the dotted name in the target
     * @param shape the parameter's shape (copied in and out)
     * @param offset where it starts in the flat vector
     * @param numel how many elements it has
     */
    public record Entry(String name, int[] shape, int offset, int numel) {
        /** Copies the shape. */
        public Entry {
            shape = shape.clone();
        }

        /** {@return a copy of the shape} */
        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    private final List<Entry> entries;
    private final int numel;

    private ParameterLayout(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
        int n = 0;
        for (Entry e : entries) n += e.numel();
        this.numel = n;
    }

    /**
     * The parameters of {@code target} that {@code filter} selects, read from the module itself.
     *
     * @param owner the caller's name for error messages
     * @param target the module whose parameters are generated
     * @param filter selects parameters by dotted name
     * @return the layout
     * @throws IllegalArgumentException when the filter selects none (the message names it and every parameter name) or
     *         the selection holds more than 2^31 - 1 elements
     */
    public static ParameterLayout of(String owner, Module target, ParameterFilter filter) {
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        for (var e : target.namedParameters().entrySet()) {
            if (!filter.matches(e.getKey())) continue;
            int n = e.getValue().numel();
            if (offset + n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(owner + ": the generated parameters hold more than 2^31 - 1 elements");
            }
            entries.add(new Entry(e.getKey(), e.getValue().shape(), (int) offset, n));
            offset += n;
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(owner + ": " + filter + " selects none of the target's parameters "
                    + target.namedParameters().keySet());
        }
        return new ParameterLayout(entries);
    }

    /** {@return the generated parameters in order} */
    public List<Entry> entries() {
        return entries;
    }

    /** {@return N, the total number of generated elements} */
    public int numel() {
        return numel;
    }

    /** {@return the dotted names in order} */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) out.add(e.name());
        return out;
    }

    // flat: (N) -> name -> shape;  (B, N) -> name -> (B, *shape)
    /**
     * Cuts a flat vector into the target's tensors (views of {@code flat}, so gradients flow back).
     *
     * @param flat the vector (N), or one per sample (B, N)
     * @return name to tensor of the entry's shape, or (B, *shape) when batched, in order
     * @throws IllegalArgumentException when flat is not (N) or (B, N)
     */
    public Map<String, Tensor> split(Tensor flat) {
        boolean batched = flat.dim() == 2;
        if ((flat.dim() != 1 && !batched) || flat.size(-1) != numel) {
            throw new IllegalArgumentException("ParameterLayout.split: flat " + Shape.format(flat.shape()) + " must be (N=" + numel
                    + ") or (B, N=" + numel + ")");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            Tensor part = flat.narrow(-1, e.offset(), e.numel());
            if (batched) {
                int[] s = new int[e.shape.length + 1];
                s[0] = flat.size(0);
                System.arraycopy(e.shape, 0, s, 1, e.shape.length);
                out.put(e.name(), part.reshape(s));
            } else {
                out.put(e.name(), part.reshape(e.shape));
            }
        }
        return out;
    }

    /**
     * The inverse of {@link #split}: every entry's tensor row-major, end to end.
     *
     * @param tensors name to tensor, one for every entry
     * @param batched whether the tensors are (B, *shape) rather than shape
     * @return the flat vector (N), or (B, N) when batched
     * @throws IllegalArgumentException when an entry's tensor is missing or has the wrong shape
     */
    public Tensor flatten(Map<String, Tensor> tensors, boolean batched) {
        List<Tensor> parts = new ArrayList<>();
        for (Entry e : entries) {
            Tensor t = tensors.get(e.name());
            if (t == null) throw new IllegalArgumentException("ParameterLayout.flatten: no tensor for '" + e.name() + "'");
            int lead = batched ? 1 : 0;
            boolean ok = t.dim() == e.shape.length + lead
                    && java.util.Arrays.equals(e.shape, java.util.Arrays.copyOfRange(t.shape(), lead, t.dim()));
            if (!ok) {
                throw new IllegalArgumentException("ParameterLayout.flatten: '" + e.name() + "' has shape " + Shape.format(t.shape())
                        + ", expected " + (batched ? "(B, " + Shape.format(e.shape).substring(1) : Shape.format(e.shape)));
            }
            parts.add(batched ? t.reshape(t.size(0), e.numel()) : t.reshape(e.numel()));
        }
        return Tensor.cat(parts, batched ? 1 : 0);
    }

    /**
     * The target's current values of the generated parameters (detached).
     *
     * @param target the module this layout was made from (or one with the same parameters)
     * @return the flat vector (N)
     */
    public Tensor current(Module target) {
        Map<String, Tensor> own = target.namedParameters();
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Entry e : entries) m.put(e.name(), own.get(e.name()).detach());
        return flatten(m, false);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ParameterLayout(");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            sb.append(i == 0 ? "" : ", ").append(e.name()).append(Shape.format(e.shape));
        }
        return sb.append(", numel=").append(numel).append(")").toString();
    }
}
