package dev.weft.nn;

import dev.weft.autograd.GradMode;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Base of every layer, with PyTorch's semantics: named parameters, buffers and submodules kept in
 * registration order, dotted names ({@code "0.weight"}, {@code "encoder.layers.1.norm1.bias"}),
 * train/eval mode, a state dict, and a printable tree.
 *
 * <p>Layers read their weights through {@link #param(String)} and {@link #buffer(String)}, never
 * through fields: inside {@link FunctionalCall#call} those lookups return the tensors supplied from
 * outside, so any module can run with external weights and gradients flow into them.
 *
 * <p>A parameter or buffer slot may hold {@code null} (a Linear without bias): it is listed
 * nowhere, as in PyTorch, but the name stays reserved.
 *
 * <p><b>Threads.</b> Safe: one module, once built and put in eval mode, shared by any number of threads
 * that each run {@code forward} inside {@link GradMode#noGrad()}; every thread gets the same bits it would
 * get alone (the kernels' pool gives each task a fixed piece of the output, their scratch buffers are per
 * thread, and a lazily built cache such as SparseLinear's pattern is published whole through a volatile
 * field). Separate modules trained on separate threads, each with its own optimizer, do not interact:
 * grad mode, anomaly mode and {@link FunctionalCall} bindings are per thread, and the tape hangs off each
 * thread's own tensors. Not safe, and not guarded: training, {@code backward} or an optimizer step on one
 * module from two threads (gradients accumulate into the shared parameters' {@code grad}); forward in
 * training mode on a shared module (BatchNorm updates its running statistics, dropout draws from the
 * module's one generator, so the order of calls changes the bits); and any mutation (train/eval,
 * loadStateDict, register*, {@code to}, pruning) while another thread runs it: mutate first, then share.
 * Process-wide settings are not per thread: {@code Parallel.setThreads} and {@code KernelImpl.set} change
 * the bits every thread gets from then on, and a layer with a PyG-style {@code cached} option (graph
 * module) keeps the first graph it sees, so share it only for that one graph.
 * Building modules with the default initializer ({@link dev.weft.nn.init.Init#defaultGenerator()}) is
 * thread-safe but draws from one process-wide stream, so models built concurrently get weights that depend
 * on the interleaving; pass a {@link dev.weft.tensor.Generator} or build them on one thread.
 */
public abstract class Module {
    private final LinkedHashMap<String, Tensor> parameters = new LinkedHashMap<>();
    private final LinkedHashMap<String, Tensor> buffers = new LinkedHashMap<>();
    private final java.util.HashSet<String> nonPersistent = new java.util.HashSet<>();
    private final LinkedHashMap<String, Module> children = new LinkedHashMap<>();
    private final java.util.LinkedHashSet<String> masked = new java.util.LinkedHashSet<>();
    private boolean training = true;

    /** A module with no parameters, buffers or children yet, in training mode. */
    public Module() {}

    // ---------------------------------------------------------------- forward

    /**
     * Runs the module on one input. Modules with another signature (attention takes query, key and
     * value; an LSTM returns its states too) offer their own {@code forward} and leave this one to
     * say so.
     *
     * @param input the input tensor
     * @return the output tensor
     * @throws UnsupportedOperationException in this base class: modules without a one-tensor forward
     */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + ".forward(Tensor): this module does not take a single tensor; see its own forward methods");
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers {@code value} (may be null) as parameter {@code name}; it is made to require grad.
     *
     * @param name a non-empty name without '.'
     * @param value the initial tensor, floating point, or null
     * @return value
     * @throws IllegalArgumentException if the name is invalid or taken by a buffer or submodule, or value is not floating point
     */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkName("registerParameter", name);
        if (value != null) {
            if (!value.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ".registerParameter('" + name
                        + "'): parameters must be floating point, got " + value.dtype());
            }
            value.requiresGrad(true);
        }
        parameters.put(name, value);
        return value;
    }

    /**
     * Registers {@code value} (may be null) as a persistent buffer: saved in the state dict, never trained.
     *
     * @param name a non-empty name without '.'
     * @param value the tensor, or null
     * @return value
     */
    protected final Tensor registerBuffer(String name, Tensor value) {
        return registerBuffer(name, value, true);
    }

    /**
     * Registers a buffer; a non-persistent one is left out of the state dict (PyTorch's persistent=False).
     *
     * @param name a non-empty name without '.'
     * @param value the tensor, or null
     * @param persistent whether the state dict holds it
     * @return value
     */
    protected final Tensor registerBuffer(String name, Tensor value, boolean persistent) {
        checkName("registerBuffer", name);
        buffers.put(name, value);
        if (!persistent) nonPersistent.add(name);
        return value;
    }

    /**
     * Registers {@code module} (may be null) as submodule {@code name}; returns it.
     *
     * @param <M> the submodule's type
     * @param name a non-empty name without '.'
     * @param module the submodule, or null
     * @return module
     */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName("registerModule", name);
        children.put(name, module);
        return module;
    }

    private void checkName(String what, String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + what
                    + ": name must be non-empty and contain no '.', got '" + name + "'");
        }
        boolean taken = (parameters.containsKey(name) && !what.equals("registerParameter"))
                || (buffers.containsKey(name) && !what.equals("registerBuffer"))
                || (children.containsKey(name) && !what.equals("registerModule"));
        if (taken) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + what + ": '" + name
                    + "' is already registered as another kind of attribute");
        }
    }

    // ---------------------------------------------------------------- access used by forward

    /**
     * The parameter {@code name} as the forward pass must see it: the externally supplied tensor
     * inside {@link FunctionalCall#call}, else the module's own (null if the slot is empty).
     *
     * @param name a registered parameter
     * @return the tensor the forward pass must use
     * @throws IllegalArgumentException if no parameter has that name
     */
    protected final Tensor param(String name) {
        Tensor t = FunctionalCall.lookup(this, name);
        if (t != null) return t;
        if (masked.contains(name)) return param(name + "_orig").mul(buffer(name + "_mask"));
        if (!parameters.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no parameter '" + name + "'");
        }
        return parameters.get(name);
    }

    /**
     * The buffer {@code name} as the forward pass must see it (external inside a functional call).
     *
     * @param name a registered buffer
     * @return the tensor the forward pass must use
     * @throws IllegalArgumentException if no buffer has that name
     */
    protected final Tensor buffer(String name) {
        Tensor t = FunctionalCall.lookup(this, name);
        if (t != null) return t;
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no buffer '" + name + "'");
        }
        return buffers.get(name);
    }

    /**
     * Replaces the module's own buffer (running statistics are updated this way).
     *
     * @param name a registered buffer
     * @param value its new tensor
     */
    protected final void setBuffer(String name, Tensor value) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no buffer '" + name + "'");
        }
        buffers.put(name, value);
    }

    // ---------------------------------------------------------------- masks (torch.nn.utils.prune's reparametrization)

    /**
     * Masks parameter {@code name} as torch.nn.utils.prune does: on the first call the parameter moves to
     * {@code name + "_orig"} (the same tensor, still trained, listed last) and {@code mask} becomes the buffer
     * {@code name + "_mask"}; wherever the layer reads {@code name} its forward then sees
     * <pre>  name = name_orig * name_mask  </pre>
     * so masked entries are zero in the forward pass and get zero gradient in the backward pass. A later call
     * replaces the mask (combine old and new first, as the pruning methods do). The mask must have the
     * parameter's shape and dtype and hold only 0 and 1; nothing changes when it does not.
     *
     * @param name an own parameter
     * @param mask 0/1 tensor of the parameter's shape and dtype
     * @throws IllegalArgumentException if there is no such parameter or the mask does not fit
     */
    public final void maskParameter(String name, Tensor mask) {
        String who = getClass().getSimpleName() + ".maskParameter('" + name + "')";
        Tensor w = masked.contains(name) ? parameters.get(name + "_orig") : parameters.get(name);
        if (w == null) throw new IllegalArgumentException(who + ": no parameter '" + name + "' to mask");
        if (mask == null || !Arrays.equals(mask.shape(), w.shape()) || mask.dtype() != w.dtype()) {
            throw new IllegalArgumentException(who + ": the mask must be " + w.dtype() + " " + Shape.format(w.shape()) + ", got "
                    + (mask == null ? "null" : mask.dtype() + " " + Shape.format(mask.shape())));
        }
        Tensor m = mask.detach();
        try (var s = GradMode.noGrad()) {
            long ones = (long) m.eq(1.0).sum().item(), zeros = (long) m.eq(0.0).sum().item();
            if (ones + zeros != m.numel()) {
                throw new IllegalArgumentException(who + ": the mask must hold only 0 and 1; " + (m.numel() - ones - zeros) + " entries are neither");
            }
        }
        if (!masked.contains(name)) {
            parameters.remove(name);
            parameters.put(name + "_orig", w);
            masked.add(name);
            buffers.put(name + "_mask", m);
        } else {
            buffers.put(name + "_mask", m);
        }
    }

    /**
     * Makes a mask permanent (torch.nn.utils.prune.remove): parameter {@code name} becomes a plain parameter
     * again holding name_orig * name_mask (a new leaf), and name_orig and name_mask are gone.
     *
     * @param name a masked own parameter
     */
    public final void unmaskParameter(String name) {
        if (!masked.contains(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".unmaskParameter('" + name + "'): parameter '" + name + "' is not masked");
        }
        Tensor w;
        try (var s = GradMode.noGrad()) {
            w = maskedValue(name).detach();
        }
        parameters.remove(name + "_orig");
        buffers.remove(name + "_mask");
        masked.remove(name);
        registerParameter(name, w);
    }

    /**
     * The own parameter {@code name} as this module's forward uses it outside a functional call: name_orig *
     * name_mask when it is masked, else the parameter itself (differentiable in it either way).
     *
     * @param name an own parameter
     * @return name_orig * name_mask, or the parameter
     */
    public final Tensor maskedValue(String name) {
        if (masked.contains(name)) return parameters.get(name + "_orig").mul(buffers.get(name + "_mask"));
        if (!parameters.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no parameter '" + name + "'");
        }
        return parameters.get(name);
    }

    /**
     * {@return whether parameter {@code name} of this module is masked}
     *
     * @param name an own parameter name
     */
    public final boolean isMasked(String name) {
        return masked.contains(name);
    }

    /** {@return the names of this module's own masked parameters, in the order they were masked} */
    public final java.util.Set<String> maskedParameters() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(masked));
    }

    final boolean hasParameterSlot(String name) {
        return parameters.containsKey(name);
    }

    final boolean hasBufferSlot(String name) {
        return buffers.containsKey(name);
    }

    /**
     * The submodule {@code name} (null if the slot is empty).
     *
     * @param name a registered submodule
     * @return the submodule, or null
     */
    public final Module child(String name) {
        if (!children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no submodule '" + name + "'");
        }
        return children.get(name);
    }

    // ---------------------------------------------------------------- traversal

    /** {@return own parameters by name, in registration order (empty slots skipped)} */
    public final Map<String, Tensor> ownParameters() {
        return nonNull(parameters);
    }

    /** {@return own buffers by name, in registration order (empty slots skipped)} */
    public final Map<String, Tensor> ownBuffers() {
        return nonNull(buffers);
    }

    private static <V> Map<String, V> nonNull(Map<String, V> m) {
        LinkedHashMap<String, V> out = new LinkedHashMap<>();
        m.forEach((k, v) -> { if (v != null) out.put(k, v); });
        return Collections.unmodifiableMap(out);
    }

    /** {@return direct submodules by name, in registration order (empty slots skipped)} */
    public final Map<String, Module> namedChildren() {
        return nonNull(children);
    }

    /** {@return direct submodules, in registration order} */
    public final List<Module> children() {
        return List.copyOf(namedChildren().values());
    }

    /** {@return this module and all below it, depth first, each once, by dotted prefix ("" for this one)} */
    public final Map<String, Module> namedModules() {
        LinkedHashMap<String, Module> out = new LinkedHashMap<>();
        java.util.IdentityHashMap<Module, Boolean> seen = new java.util.IdentityHashMap<>();
        collectModules("", this, out, seen);
        return Collections.unmodifiableMap(out);
    }

    private static void collectModules(String prefix, Module m, Map<String, Module> out,
                                       java.util.IdentityHashMap<Module, Boolean> seen) {
        if (seen.put(m, Boolean.TRUE) != null) return;
        out.put(prefix, m);
        m.children.forEach((name, c) -> {
            if (c != null) collectModules(prefix.isEmpty() ? name : prefix + "." + name, c, out, seen);
        });
    }

    /** {@return all modules of the tree, this one first} */
    public final List<Module> modules() {
        return List.copyOf(namedModules().values());
    }

    /** {@return every parameter of the tree by dotted name; a tensor shared by two modules is listed once} */
    public final Map<String, Tensor> namedParameters() {
        return collectTensors(true);
    }

    /** {@return every parameter of the tree, in {@link #namedParameters()} order} */
    public final List<Tensor> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** {@return every buffer of the tree by dotted name} */
    public final Map<String, Tensor> namedBuffers() {
        return collectTensors(false);
    }

    /** {@return every buffer of the tree} */
    public final List<Tensor> buffers() {
        return List.copyOf(namedBuffers().values());
    }

    private Map<String, Tensor> collectTensors(boolean params) {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        java.util.IdentityHashMap<Tensor, Boolean> seen = new java.util.IdentityHashMap<>();
        namedModules().forEach((prefix, m) -> (params ? m.parameters : m.buffers).forEach((name, t) -> {
            if (t != null && seen.put(t, Boolean.TRUE) == null) out.put(dotted(prefix, name), t);
        }));
        return Collections.unmodifiableMap(out);
    }

    static String dotted(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** {@return the total number of elements over all parameters} */
    public final long numParameters() {
        long n = 0;
        for (Tensor t : parameters()) n += t.numel();
        return n;
    }

    /**
     * Calls {@code fn} on every submodule (children first, as PyTorch's apply), then on this one.
     *
     * @param fn what to do with each module
     * @return this module
     */
    public final Module apply(Consumer<Module> fn) {
        for (Module c : children.values()) if (c != null) c.apply(fn);
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and grads

    /**
     * Sets training mode on this module and every submodule.
     *
     * @param on true for training mode, false for evaluation mode
     * @return this module
     */
    public Module train(boolean on) {
        training = on;
        for (Module c : children.values()) if (c != null) c.train(on);
        return this;
    }

    /**
     * Training mode (the default).
     *
     * @return this module
     */
    public final Module train() {
        return train(true);
    }

    /**
     * Evaluation mode: dropout off, batch norm uses running statistics.
     *
     * @return this module
     */
    public final Module eval() {
        return train(false);
    }

    /**
     * {@return whether this module is in training mode}
     */
    public final boolean isTraining() {
        return training;
    }

    /** Drops every parameter's gradient (PyTorch's zero_grad(set_to_none=True)). */
    public final void zeroGrad() {
        for (Tensor p : parameters()) p.setGrad(null);
    }

    /**
     * Sets requiresGrad on every parameter (freezing with {@code false}).
     *
     * @param on whether the parameters require grad
     * @return this module
     */
    public final Module requiresGrad(boolean on) {
        for (Tensor p : parameters()) p.requiresGrad(on);
        return this;
    }

    // ---------------------------------------------------------------- device and dtype

    /**
     * Moves every parameter and buffer to {@code device}; parameters stay leaves that require grad.
     *
     * @param device the target device
     * @return this module
     */
    public final Module to(Device device) {
        return convert(t -> t.to(device));
    }

    /**
     * Casts floating-point parameters and buffers to {@code dtype} (F32 or F64); integer buffers
     * such as a batch counter keep their type, as in PyTorch.
     *
     * @param dtype F32 or F64
     * @return this module
     */
    public final Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".to: dtype must be floating point, got " + dtype);
        }
        return convert(t -> t.dtype().isFloatingPoint() ? t.to(dtype) : t);
    }

    private Module convert(UnaryOperator<Tensor> fn) {
        // one converted tensor per original, so weights tied across modules stay tied
        java.util.IdentityHashMap<Tensor, Tensor> done = new java.util.IdentityHashMap<>();
        try (var s = GradMode.noGrad()) {
            for (Module m : modules()) {
                for (var e : m.parameters.entrySet()) {
                    Tensor t = e.getValue();
                    if (t == null) continue;
                    e.setValue(done.computeIfAbsent(t, k -> {
                        Tensor c = fn.apply(k);
                        return c == k ? k : c.detach().requiresGrad(k.requiresGrad());
                    }));
                }
                for (var e : m.buffers.entrySet()) {
                    if (e.getValue() != null) e.setValue(done.computeIfAbsent(e.getValue(), fn));
                }
            }
        }
        return this;
    }

    // ---------------------------------------------------------------- state dict

    /**
     * Parameters and persistent buffers by dotted name, in PyTorch's order (per module: its
     * parameters, then its buffers, then its children). The tensors are the module's own (not
     * copies); detach or clone them before changing them.
     *
     * @return the state by dotted name, in registration order
     */
    public final Map<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        addState("", out);
        return Collections.unmodifiableMap(out);
    }

    private void addState(String prefix, Map<String, Tensor> out) {
        parameters.forEach((n, t) -> { if (t != null) out.put(dotted(prefix, n), t); });
        buffers.forEach((n, t) -> { if (t != null && !nonPersistent.contains(n)) out.put(dotted(prefix, n), t); });
        children.forEach((n, c) -> { if (c != null) c.addState(dotted(prefix, n), out); });
    }

    /**
     * Strict {@link #loadStateDict(Map, boolean)}.
     *
     * @param state tensors by dotted name, exactly this module's keys
     * @throws StateDictException listing every missing or unexpected key and shape mismatch
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        loadStateDict(state, true);
    }

    /**
     * Copies {@code state} into the module's parameters and buffers (values are cast to each
     * slot's dtype). Every problem is collected first — missing keys and unexpected keys (when
     * {@code strict}), shape mismatches (always) — and reported in one {@link StateDictException};
     * the module is not changed unless everything fits.
     *
     * @return the keys that were missing and unexpected (both empty under strict)
     *
     * @param state tensors by dotted name
     * @param strict whether missing and unexpected keys are errors
     * @throws StateDictException listing every problem (module unchanged)
     */
    public final LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        for (var e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(src.shape(), e.getValue().shape())) {
                shapes.add(e.getKey() + ": checkpoint " + Shape.format(src.shape()) + ", model "
                        + Shape.format(e.getValue().shape()));
            }
        }
        for (String k : state.keySet()) if (!own.containsKey(k)) unexpected.add(k);
        if (!shapes.isEmpty() || (strict && (!missing.isEmpty() || !unexpected.isEmpty()))) {
            throw new StateDictException(getClass().getSimpleName(), strict ? missing : List.of(),
                    strict ? unexpected : List.of(), shapes);
        }
        try (var s = GradMode.noGrad()) {
            for (var e : own.entrySet()) {
                Tensor src = state.get(e.getKey());
                if (src != null) e.getValue().copy_(src.to(e.getValue().dtype()));
            }
        }
        return new LoadResult(List.copyOf(missing), List.copyOf(unexpected));
    }

    /**
     * Keys a non-strict load skipped.
     *
     * @param missingKeys the module's keys the state lacked
     * @param unexpectedKeys the state's keys the module lacks
     */
    public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {}

    // ---------------------------------------------------------------- printing

    /** {@return the text inside this module's parentheses, e.g. {@code in=784, out=256, bias=true}} */
    protected String extraRepr() {
        return "";
    }

    /** {@return the module's name in the printed tree (its class name by default)} */
    public String reprName() {
        return getClass().getSimpleName();
    }

    /** {@return a tree like PyTorch's: {@code Sequential(\n  (0): Linear(in=784, out=256, bias=true)\n ...)}} */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        children.forEach((n, c) -> {
            if (c != null) lines.add("(" + n + "): " + c.toString().replace("\n", "\n  "));
        });
        String extra = extraRepr();
        if (lines.isEmpty()) return reprName() + "(" + extra + ")";
        StringBuilder sb = new StringBuilder(reprName()).append("(");
        if (!extra.isEmpty()) sb.append("\n  ").append(extra.replace("\n", "\n  "));
        for (String l : lines) sb.append("\n  ").append(l);
        return sb.append("\n)").toString();
    }
}
