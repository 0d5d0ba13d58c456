package dev.weft.nn;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a module with parameters (and buffers) supplied from outside, by dotted name, as
 * {@code torch.func.functional_call}: inside the call every {@link Module#param} lookup returns the
 * supplied tensor, so gradients flow into the supplied tensors and the module's own weights are
 * neither read nor changed. Names not supplied fall back to the module's own tensors; a name the
 * module does not have is an error. The binding is scoped to the calling thread and nests.
 *
 * <p>Hypernetworks and weight-space models stand on this: a generator network produces the
 * weights, {@code call} runs the target network with them.
 */
public final class FunctionalCall {
    private FunctionalCall() {}

    private static final ScopedValue<IdentityHashMap<Module, Map<String, Tensor>>> BOUND = ScopedValue.newInstance();

    /**
     * Runs {@code body} on {@code module} with {@code tensors} standing in for its parameters and buffers.
     *
     * @param <R>     what body returns
     * @param module  the module to run
     * @param tensors stand-ins by dotted name (e.g. "0.weight"): the slot's shape, or with one leading batch dim
     * @param body    the computation, given module
     * @return what body returns
     * @throws IllegalArgumentException if a name is not a parameter or buffer of module, a tensor is null, or a shape does not fit
     */
    public static <R> R call(Module module, Map<String, Tensor> tensors, Function<Module, R> body) {
        IdentityHashMap<Module, Map<String, Tensor>> table = BOUND.isBound()
                ? new IdentityHashMap<>(BOUND.get()) : new IdentityHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (var e : tensors.entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            String prefix = dot < 0 ? "" : key.substring(0, dot);
            String name = key.substring(dot + 1);
            Module owner = resolve(module, prefix);
            if (owner == null || !(owner.hasParameterSlot(name) || owner.hasBufferSlot(name))) {
                unknown.add(key);
                continue;
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("functionalCall: tensor for '" + key + "' is null");
            }
            checkShape(key, owner, name, e.getValue());
            Map<String, Tensor> own = table.get(owner);
            Map<String, Tensor> merged = own == null ? new HashMap<>() : new HashMap<>(own);
            merged.put(name, e.getValue());
            table.put(owner, merged);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("functionalCall: " + module.reprName()
                    + " has no parameter or buffer named " + unknown);
        }
        return ScopedValue.where(BOUND, table).call(() -> body.apply(module));
    }

    /**
     * A supplied tensor has its slot's shape, or one leading batch dim more (per-sample weights: F.linear,
     * the convolutions, the norms and embedding take (B, ...own shape)); else an error naming the dotted key.
     * An empty slot (a layer built without bias) takes any shape.
     */
    private static void checkShape(String key, Module owner, String name, Tensor given) {
        Tensor own = owner.hasParameterSlot(name) ? owner.ownParameters().get(name) : owner.ownBuffers().get(name);
        if (own == null) return;
        int[] o = own.shape(), g = given.shape();
        boolean same = java.util.Arrays.equals(o, g);
        boolean batched = g.length == o.length + 1 && java.util.Arrays.equals(o, java.util.Arrays.copyOfRange(g, 1, g.length));
        if (!same && !batched) {
            throw new IllegalArgumentException("functionalCall: '" + key + "' has shape " + Shape.format(g)
                    + " but the module's is " + Shape.format(o) + " (or (B, " + Shape.format(o)
                    .substring(1) + " for per-sample weights)");
        }
    }

    /**
     * The submodule at dotted path {@code prefix} ("" is root), walking children, so a module shared
     * under two names ("0" and "2") is found by either; null when the path does not exist.
     */
    private static Module resolve(Module root, String prefix) {
        if (prefix.isEmpty()) return root;
        Module m = root;
        for (String part : prefix.split("\\.", -1)) {
            m = m.namedChildren().get(part);
            if (m == null) return null;
        }
        return m;
    }

    /**
     * {@link #call} for a module with a single-tensor forward.
     *
     * @param module  the module to run
     * @param tensors stand-ins by dotted name
     * @param input   the forward's input
     * @return module.forward(input) with the stand-ins
     */
    public static Tensor call(Module module, Map<String, Tensor> tensors, Tensor input) {
        return call(module, tensors, m -> m.forward(input));
    }

    /** The supplied tensor for {@code owner}'s slot {@code name}, or null when none is bound. */
    static Tensor lookup(Module owner, String name) {
        if (!BOUND.isBound()) return null;
        Map<String, Tensor> m = BOUND.get().get(owner);
        return m == null ? null : m.get(name);
    }
}
