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

    /**
     * A group that takes every option from the optimizer's defaults.
     *
     * @param params the parameters (copied into a fixed list)
     * @throws NullPointerException if a parameter is null
     */
    public ParamGroup(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    /**
     * A group whose options (e.g. {@code SGD.options().lr(1e-4)}) override the optimizer's defaults.
     *
     * @param params the parameters (copied into a fixed list)
     * @param options the options this group sets
     * @throws NullPointerException if a parameter is null
     */
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

    /** {@return every option by name (a read-only view)} */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /**
     * Whether the group has an option.
     *
     * @param key the option's name
     * @return true if the group has a value (possibly null) for it
     */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    /**
     * The option's value.
     *
     * @param key the option's name
     * @return its value (may be null)
     * @throws IllegalArgumentException naming the key when the group has none
     */
    public Object get(String key) {
        if (!options.containsKey(key)) {
            throw new IllegalArgumentException("ParamGroup: no option '" + key + "' (have " + options.keySet() + ")");
        }
        return options.get(key);
    }

    /**
     * A numeric option as a double.
     *
     * @param key the option's name
     * @return its value
     * @throws IllegalArgumentException when the group has no such option or it is not a number
     */
    public double getDouble(String key) {
        return as(key, Number.class).doubleValue();
    }

    /**
     * A numeric option as an int (truncated).
     *
     * @param key the option's name
     * @return its value
     * @throws IllegalArgumentException when the group has no such option or it is not a number
     */
    public int getInt(String key) {
        return as(key, Number.class).intValue();
    }

    /**
     * A boolean option.
     *
     * @param key the option's name
     * @return its value
     * @throws IllegalArgumentException when the group has no such option or it is not a Boolean
     */
    public boolean getBoolean(String key) {
        return as(key, Boolean.class);
    }

    /**
     * A copy of a double[] option (betas).
     *
     * @param key the option's name
     * @return a copy of its value
     * @throws IllegalArgumentException when the group has no such option or it is not a double[]
     */
    public double[] getDoubles(String key) {
        return as(key, double[].class).clone();
    }

    /**
     * A String option.
     *
     * @param key the option's name
     * @return its value (may be null)
     * @throws IllegalArgumentException when the group has no such option or it is not a String
     */
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

    /**
     * Sets the learning rate (schedulers do this before each step).
     *
     * @param lr the new learning rate
     */
    public void setLr(double lr) {
        options.put("lr", lr);
    }

    /**
     * Sets any option (double[] values are copied); the optimizer reads it at its next step.
     *
     * @param key the option's name
     * @param value its new value
     */
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
