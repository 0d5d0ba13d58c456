package dev.weft.nn.optim;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Base of the optimizers, with torch.optim's model: parameter groups whose options override the
 * defaults, per-parameter state created lazily at the first step, {@link #step()} under no-grad,
 * {@link #zeroGrad()}, and a state dict keyed by parameter index. Subclasses implement
 * {@link #update(ParamGroup)} and declare their options in an {@link OptionSpec}.
 *
 * <p>Options are passed typed, one fluent {@link OptimizerOptions} per optimizer, e.g.
 * {@code new Adam(model.parameters(), Adam.options().lr(1e-3).betas(0.9, 0.99))}; a param group
 * takes the options it overrides the same way. Groups and state dicts hold them as camelCase maps.
 */
public abstract class Optimizer {
    private final String name;
    private final OptionSpec spec;
    private final Map<String, Object> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final IdentityHashMap<Tensor, Map<String, Object>> state = new IdentityHashMap<>();
    private long stepCount;

    /**
     * An optimizer over {@code groups}; each group is added as {@link #addParamGroup} does.
     *
     * @param name the optimizer's name in messages ("Adam")
     * @param spec the options it accepts and their defaults
     * @param groups the parameter groups (their options override {@code options})
     * @param options the defaults for every group, overriding the optimizer's own
     */
    protected Optimizer(String name, OptionSpec spec, List<ParamGroup> groups, Map<String, ?> options) {
        this.name = name;
        this.spec = spec;
        this.defaults = Collections.unmodifiableMap(spec.resolve(options));
        if (groups.stream().allMatch(g -> g.params().isEmpty())) throw new IllegalArgumentException(name + ": optimizer got an empty parameter list");
        for (ParamGroup g : groups) addParamGroup(g);
    }

    /**
     * One group holding every parameter of {@code params}.
     *
     * @param params the parameters
     * @return a one-element list of groups
     */
    protected static List<ParamGroup> single(Iterable<Tensor> params) {
        return List.of(new ParamGroup(params));
    }

    /** {@return the optimizer's name in messages ("Adam")} */
    public final String name() {
        return name;
    }

    /** {@return the default options (after the constructor's overrides)} */
    public final Map<String, Object> defaults() {
        return defaults;
    }

    /** {@return the parameter groups, in order; their options may be changed between steps} */
    public final List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** {@return how many times {@link #step()} has run} */
    public final long stepCount() {
        return stepCount;
    }

    /**
     * Adds a group: options it lacks are taken from the defaults, then checked. A parameter may belong to
     * one group only, must be a floating-point leaf, and the group must not be empty.
     *
     * @param group the parameters and their own options
     * @throws IllegalArgumentException if a rule above is broken or an option is out of range
     */
    public void addParamGroup(ParamGroup group) {
        Map<String, Object> own = spec.check(group.options());
        own.forEach(group::set);
        defaults.forEach(group::putDefault);
        if (group.params().isEmpty()) throw new IllegalArgumentException(name + ": a parameter group has no parameters");
        IdentityHashMap<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (ParamGroup g : groups) for (Tensor p : g.params()) seen.put(p, Boolean.TRUE);
        for (Tensor p : group.params()) {
            if (!p.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException(name + ": can only optimize floating-point tensors, got "
                        + p.dtype() + " " + Shape.format(p.shape()));
            }
            if (!Autograd.isLeaf(p)) {
                throw new IllegalArgumentException(name + ": can't optimize a non-leaf tensor " + Shape.format(p.shape())
                        + " (made by " + Autograd.gradFn(p) + ")");
            }
            if (seen.put(p, Boolean.TRUE) != null) {
                throw new IllegalArgumentException(name + ": some parameters appear in more than one parameter group");
            }
        }
        validate(group);
        groups.add(group);
        onGroupAdded(group);
    }

    /**
     * Checks a group's option values (after defaults were filled in); messages start with the name.
     *
     * @param group the group to check
     * @throws IllegalArgumentException if an option is invalid (here: a negative or NaN lr)
     */
    protected void validate(ParamGroup group) {
        double lr = group.lr();
        if (!(lr >= 0)) throw new IllegalArgumentException(name + ": invalid learning rate: " + lr);
    }

    /**
     * Called after a group was added (Adagrad fills its accumulators here).
     *
     * @param group the group just added
     */
    protected void onGroupAdded(ParamGroup group) {}

    // ---------------------------------------------------------------- gradients and steps

    /** Sets every parameter's gradient to null (PyTorch's zero_grad(set_to_none=True)). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * Drops the gradients (setToNone) or fills them with zeros in place.
     *
     * @param setToNone true to set each gradient to null, false to zero it
     */
    public void zeroGrad(boolean setToNone) {
        try (var s = Autograd.noGrad()) {
            for (ParamGroup g : groups) {
                for (Tensor p : g.params()) {
                    if (setToNone) p.setGrad(null);
                    else if (p.grad() != null) p.grad().zero_();
                }
            }
        }
    }

    /** One update of every parameter that has a gradient (parameters without one are skipped). */
    public void step() {
        step(null);
    }

    /**
     * Re-evaluates the model with {@code closure} (which zeroes the gradients, computes the loss, calls
     * backward and returns the loss; run with grad enabled), then updates. Returns the closure's loss
     * (null without a closure). Modifies the parameters in place.
     *
     * @param closure recomputes the loss and its gradients, or null
     * @return the closure's loss, or null
     */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss = null;
        if (closure != null) {
            try (var s = Autograd.enableGrad()) {
                loss = closure.get();
            }
        }
        try (var s = Autograd.noGrad()) {
            for (ParamGroup g : groups) update(g);
        }
        stepCount++;
        return loss;
    }

    /** Counts one step for optimizers that override {@link #step(Supplier)} (LBFGS). */
    protected final void countStep() {
        stepCount++;
    }

    /**
     * Updates the parameters of one group in place (runs inside no-grad).
     *
     * @param group the group to update
     */
    protected abstract void update(ParamGroup group);

    /**
     * The mutable state of a parameter, created empty on first use.
     *
     * @param p a parameter of this optimizer
     * @return its state map (live, not a copy)
     */
    protected final Map<String, Object> stateOf(Tensor p) {
        return state.computeIfAbsent(p, k -> new LinkedHashMap<>());
    }

    /**
     * A read-only view of p's state ("step", "expAvg", ...); empty before its first update.
     *
     * @param p one of the optimized parameters
     * @return its state by name
     */
    public final Map<String, Object> state(Tensor p) {
        Map<String, Object> s = state.get(p);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    // ---------------------------------------------------------------- state dict

    /** {@return a deep copy of the state and the group options (parameters referred to by index)} */
    public OptimizerStateDict stateDict() {
        LinkedHashMap<Integer, Map<String, Object>> packed = new LinkedHashMap<>();
        List<Map<String, Object>> packedGroups = new ArrayList<>();
        int index = 0;
        for (ParamGroup g : groups) {
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                Map<String, Object> s = state.get(p);
                if (s != null) packed.put(index, OptimizerStateDict.copyMap(s));
                ids.add(index++);
            }
            LinkedHashMap<String, Object> opts = new LinkedHashMap<>(OptimizerStateDict.copyMap(g.options()));
            opts.put("params", List.copyOf(ids));
            packedGroups.add(opts);
        }
        return new OptimizerStateDict(packed, packedGroups);
    }

    /**
     * Replaces the group options and the state with (copies of) {@code dict}'s, matching parameters by
     * index. Every mismatch (group count, group sizes, a state tensor whose shape differs from its
     * parameter's) is collected and reported at once, and nothing changes unless all fit. State
     * tensors are cast to their parameter's dtype and device.
     *
     * @param dict a state dict from {@link #stateDict()} of a matching optimizer
     * @throws IllegalArgumentException listing every mismatch
     */
    public void loadStateDict(OptimizerStateDict dict) {
        checkStateDict(dict);
        List<Tensor> byIndex = new ArrayList<>();
        for (ParamGroup g : groups) byIndex.addAll(g.params());
        for (int i = 0; i < groups.size(); i++) {
            LinkedHashMap<String, Object> opts = new LinkedHashMap<>(OptimizerStateDict.copyMap(dict.paramGroups().get(i)));
            opts.remove("params");
            groups.get(i).replaceOptions(opts);
        }
        state.clear();
        dict.state().forEach((idx, s) -> {
            Tensor p = byIndex.get(idx);
            LinkedHashMap<String, Object> own = new LinkedHashMap<>();
            s.forEach((k, v) -> own.put(k, castLike(OptimizerStateDict.copy(v), p)));
            state.put(p, own);
        });
    }

    /**
     * Checks a state dict against this optimizer without changing anything: group count and sizes, every
     * group's options (all present, well typed, and valid as the constructor checks them: lr >= 0,
     * betas in [0, 1), ...), state indices, state tensors floating-point and shaped like their parameter,
     * and "step" a non-negative count.
     *
     * @param dict the state dict to check
     * @throws IllegalArgumentException listing every problem
     */
    public void checkStateDict(OptimizerStateDict dict) {
        List<String> problems = new ArrayList<>();
        if (dict.paramGroups().size() != groups.size()) {
            problems.add("loaded state dict has " + dict.paramGroups().size() + " parameter groups, optimizer has " + groups.size());
        }
        List<Tensor> byIndex = new ArrayList<>();
        for (ParamGroup g : groups) byIndex.addAll(g.params());
        for (int i = 0; i < Math.min(groups.size(), dict.paramGroups().size()); i++) {
            Object ids = dict.paramGroups().get(i).get("params");
            int n = ids instanceof List<?> l ? l.size() : -1;
            if (n != groups.get(i).params().size()) {
                problems.add("loaded state dict contains a parameter group that doesn't match the size of optimizer's group: group "
                        + i + " has " + n + " parameters there, " + groups.get(i).params().size() + " here");
            }
        }
        dict.state().forEach((idx, s) -> {
            if (idx < 0 || idx >= byIndex.size()) {
                problems.add("state for parameter index " + idx + ", but the optimizer has " + byIndex.size() + " parameters");
                return;
            }
            Object step = s.get("step");
            if (step != null && !((step instanceof Long || step instanceof Integer) && ((Number) step).longValue() >= 0)) {
                problems.add("state 'step' of parameter " + idx + " is " + step + ", expected a count >= 0");
            }
            if (!stateTensorsMatchParams()) return;
            int[] shape = byIndex.get(idx).shape();
            s.forEach((k, v) -> {
                if (v instanceof Tensor t && !t.dtype().isFloatingPoint()) {
                    problems.add("state '" + k + "' of parameter " + idx + " is " + t.dtype() + ", expected a floating-point tensor");
                } else if (v instanceof Tensor t && !Arrays.equals(t.shape(), shape)) {
                    problems.add("state '" + k + "' of parameter " + idx + " is " + Shape.format(t.shape())
                            + ", parameter is " + Shape.format(shape));
                }
            });
        });
        for (int i = 0; i < Math.min(groups.size(), dict.paramGroups().size()); i++) {
            Map<String, Object> loaded = dict.paramGroups().get(i);
            List<String> missing = new ArrayList<>();
            for (String k : defaults.keySet()) if (!loaded.containsKey(k)) missing.add(k);
            if (!missing.isEmpty()) {
                problems.add("group " + i + " lacks the options " + missing);
                continue;
            }
            // only this optimizer's options are checked: "params", a scheduler's initialLr and the like travel as they are
            Map<String, Object> own = new LinkedHashMap<>();
            loaded.forEach((k, v) -> {
                if (spec.knows(k)) own.put(k, v);
            });
            try {
                validate(new ParamGroup(groups.get(i).params(), spec.check(own)));
            } catch (IllegalArgumentException | ClassCastException e) {
                problems.add("group " + i + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + ".loadStateDict: " + String.join("; ", problems));
        }
    }

    /** {@return false for optimizers whose state is not shaped like each parameter (LBFGS keeps flat vectors)} */
    protected boolean stateTensorsMatchParams() {
        return true;
    }

    private static Object castLike(Object v, Tensor p) {
        if (v instanceof Tensor t) return t.dtype().isFloatingPoint() ? t.to(p.dtype()).to(p.device()) : t.to(p.device());
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) out.add(castLike(e, p));
            return out;
        }
        return v;
    }

    /** Like PyTorch's repr: the name, then each group's options. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (");
        for (int i = 0; i < groups.size(); i++) {
            sb.append("\nParameter Group ").append(i);
            groups.get(i).options().forEach((k, v) -> sb.append("\n    ").append(k).append(": ")
                    .append(v instanceof double[] d ? Arrays.toString(d) : String.valueOf(v)));
        }
        return sb.append("\n)").toString();
    }
}
