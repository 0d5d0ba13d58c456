package dev.weft.nn.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed options of an optimizer, set by name in a fluent chain ({@code Adam.options().lr(3e-4).betas(0.9, 0.99)}):
 * the one way to pass them, to a constructor (the defaults of every group) or to a {@link ParamGroup} (what
 * that group overrides). Only the options set are carried; the rest take the optimizer's documented defaults,
 * as PyTorch's keyword arguments. Values are checked when the optimizer is built, with errors naming it.
 *
 * @param <O> the concrete options type, returned by every setter
 */
public abstract class OptimizerOptions<O extends OptimizerOptions<O>> {
    private final LinkedHashMap<String, Object> set = new LinkedHashMap<>();

    OptimizerOptions() {}

    @SuppressWarnings("unchecked")
    final O put(String key, Object value) {
        set.put(key, value);
        return (O) this;
    }

    /**
     * The learning rate.
     *
     * @param lr the learning rate, at least 0
     * @return these options
     */
    public final O lr(double lr) {
        return put("lr", lr);
    }

    /** {@return the options set, by PyTorch's names in camelCase (a read-only copy), as param groups and state dicts hold them} */
    public final Map<String, Object> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('(');
        set.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(k).append('=')
                .append(v instanceof double[] d ? java.util.Arrays.toString(d) : v));
        return sb.append(')').toString();
    }
}
