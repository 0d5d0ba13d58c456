package dev.weft.graph.arch;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.tensor.Generator;

import java.util.ArrayList;
import java.util.List;

/**
 * An architecture as the ordered layer list of a {@code Sequential}: enough to build the network again with
 * fresh parameters, and the source of its {@link ArchGraph}. Layer i becomes the module named "i", so the
 * built network's parameter names are "i.weight", "i.bias" as in PyTorch's {@code nn.Sequential}.
 *
 * @param layers the layers in order, at least one
 */
public record ArchSpec(List<LayerSpec> layers) {
    /** Checks for an empty list or a null layer (IllegalArgumentException) and keeps an unmodifiable copy. */
    public ArchSpec {
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("ArchSpec: no layers");
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) throw new IllegalArgumentException("ArchSpec: layer " + i + " is null");
        }
        layers = List.copyOf(layers);
    }

    /**
     * The spec of a {@code Sequential} of described layers (see {@link LayerSpec}); else an error naming the layer.
     *
     * @param module a Sequential
     * @return its layer list
     * @throws IllegalArgumentException if module is not a non-empty Sequential of described layers
     */
    public static ArchSpec of(Module module) {
        if (!(module instanceof Sequential seq)) {
            throw new IllegalArgumentException("ArchSpec.of: only a Sequential is described, got " + (module == null ? "null"
                    : module.getClass().getSimpleName()));
        }
        if (seq.size() == 0) throw new IllegalArgumentException("ArchSpec.of: the Sequential is empty");
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) out.add(LayerSpec.of(i, seq.get(i)));
        return new ArchSpec(out);
    }

    /**
     * An MLP: [Flatten,] Linear(in, h_1), act, ..., Linear(h_L, out), biases on; no hidden widths is one Linear.
     * {@code flatten} puts a Flatten first (for image inputs).
     *
     * @param flatten whether to put a Flatten first
     * @param in input features
     * @param hidden the hidden widths h_1 .. h_L, possibly none
     * @param out output features
     * @param activation the activation after each hidden Linear
     * @return the MLP spec
     */
    public static ArchSpec mlp(boolean flatten, int in, int[] hidden, int out, OpType activation) {
        List<LayerSpec> l = new ArrayList<>();
        if (flatten) l.add(new LayerSpec.Flatten());
        int w = in;
        for (int h : hidden) {
            l.add(new LayerSpec.Linear(w, h, true));
            l.add(new LayerSpec.Activation(activation));
            w = h;
        }
        l.add(new LayerSpec.Linear(w, out, true));
        return new ArchSpec(l);
    }

    /**
     * A fresh {@code Sequential} with this structure, parameters drawn from {@code g} in layer order.
     *
     * @param g the generator
     * @return the new network
     */
    public Sequential build(Generator g) {
        Sequential s = new Sequential();
        for (LayerSpec l : layers) s.append(l.build(g));
        return s;
    }

    /** {@return the architecture's computation graph} */
    public ArchGraph graph() {
        return ArchGraph.of(this);
    }
}
