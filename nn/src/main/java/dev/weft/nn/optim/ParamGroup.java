package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of parameters with its own options (PyTorch's param group dict): keys the group does not
 * set take the optimizer's defaults when the group is added. Options stay mutable ({@link #setLr},
 * {@link #set}) so schedulers and users can change them between steps; the parameter list is fixed.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final LinkedHashMap<String, Object> options = new LinkedHashMap<>();

    /** A group that takes every option from the optimizer's defaults. */
    public ParamGroup(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    /** A group whose options (e.g. {@code SGD.options().lr(1e-4)}) override the optimizer's defaults. */
    public ParamGroup(Iterable<Tensor> params, OptimizerOptions<?> options) {
        this(params, options.asMap());
    }

    // the dictionary form (state dicts; package-private: the typed options are the public way)
    ParamGroup(Iterable<Tensor> params, Map<String, ?> options) {
        List<Tensor> ps = new ArrayList<>();
        for (Tensor p : params) ps.add(java.util.Objects.requireNonNull(p, "ParamGroup: null parameter"));
        this.params = Collections.unmodifiableList(ps);
        this.options.putAll(options);
    }

    /** {@return the parameters, in the order given} */
    public List<Tensor> params() {
        return params;
    }

    /** Every option by name (a read-only view). */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    public boolean has(String key) {
        return options.containsKey(key);
    }

    /** The option's value; an error naming the key when the group has none. */
    public Object get(String key) {
        if (!options.containsKey(key)) {
            throw new IllegalArgumentException("ParamGroup: no option '" + key + "' (have " + options.keySet() + ")");
        }
        return options.get(key);
    }

    public double getDouble(String key) {
        return as(key, Number.class).doubleValue();
    }

    public int getInt(String key) {
        return as(key, Number.class).intValue();
    }

    public boolean getBoolean(String key) {
        return as(key, Boolean.class);
    }

    /** A copy of a double[] option (betas). */
    public double[] getDoubles(String key) {
        return as(key, double[].class).clone();
    }

    /** A String option (may be null). */
    public String getString(String key) {
        Object v = get(key);
        return v == null ? null : as(key, String.class);
    }

    private <T> T as(String key, Class<T> type) {
        Object v = get(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("ParamGroup: option '" + key + "' is " + describe(v) + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(v);
    }

    static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof double[] d) return java.util.Arrays.toString(d);
        return v + " (" + v.getClass().getSimpleName() + ")";
    }

    /** {@return the learning rate} */
    public double lr() {
        return getDouble("lr");
    }

    /** Sets the learning rate (schedulers do this before each step). */
    public void setLr(double lr) {
        options.put("lr", lr);
    }

    /** Sets any option (double[] values are copied); the optimizer reads it at its next step. */
    public void set(String key, Object value) {
        options.put(key, value instanceof double[] d ? d.clone() : value);
    }

    void putDefault(String key, Object value) {
        options.putIfAbsent(key, value instanceof double[] d ? d.clone() : value);
    }

    void replaceOptions(Map<String, Object> loaded) {
        options.clear();
        loaded.forEach(this::set);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ParamGroup(params=" + params.size());
        options.forEach((k, v) -> sb.append(", ").append(k).append('=')
                .append(v instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(v)));
        return sb.append(')').toString();
    }
}
