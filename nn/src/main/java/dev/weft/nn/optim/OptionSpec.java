package dev.weft.nn.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options an optimizer knows, with their types and defaults. Values given as a Map are checked
 * and normalized here: numbers to Double or Integer, a List of numbers or a double[] to a double[]
 * copy; an unknown key or a wrong type is an error naming the optimizer and the known keys.
 */
final class OptionSpec {
    /** The default of an option that has none (SGD's lr): the user must give it. */
    static final Object REQUIRED = new Object() {
        @Override
        public String toString() {
            return "<required>";
        }
    };

    private record Opt(Class<?> type, Object def) {}

    private final String owner;
    private final LinkedHashMap<String, Opt> opts = new LinkedHashMap<>();

    OptionSpec(String owner) {
        this.owner = owner;
    }

    OptionSpec add(String key, Class<?> type, Object def) {
        opts.put(key, new Opt(type, def));
        return this;
    }

    /** Defaults overridden by {@code given}, every key checked and normalized. */
    Map<String, Object> resolve(Map<String, ?> given) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        opts.forEach((k, o) -> out.put(k, o.def));
        given.forEach((k, v) -> out.put(k, normalize(k, v)));
        out.forEach((k, v) -> {
            if (v == REQUIRED) throw new IllegalArgumentException(owner + ": option '" + k + "' is required");
        });
        return out;
    }

    /** True for an option this optimizer defines (groups may also carry others, e.g. a scheduler's initialLr). */
    boolean knows(String key) {
        return opts.containsKey(key);
    }

    /** Checks a group's own options (unknown keys and types); defaults are filled in by the optimizer. */
    Map<String, Object> check(Map<String, ?> given) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        given.forEach((k, v) -> out.put(k, normalize(k, v)));
        return out;
    }

    private Object normalize(String key, Object v) {
        Opt o = opts.get(key);
        if (o == null) {
            throw new IllegalArgumentException(owner + ": unknown option '" + key + "' (known: "
                    + String.join(", ", opts.keySet()) + ")");
        }
        Class<?> t = o.type;
        if (t == Double.class && v instanceof Number n) return n.doubleValue();
        if (t == Integer.class && v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        if (t == Boolean.class && v instanceof Boolean) return v;
        if (t == String.class && (v == null || v instanceof String)) return v;
        if (t == Integer.class && v == null && o.def == null) return null;
        if (t == double[].class && v instanceof double[] d) return d.clone();
        if (t == double[].class && v instanceof List<?> l && l.stream().allMatch(e -> e instanceof Number)) {
            return l.stream().mapToDouble(e -> ((Number) e).doubleValue()).toArray();
        }
        throw new IllegalArgumentException(owner + ": option '" + key + "' must be a " + t.getSimpleName()
                + ", got " + ParamGroup.describe(v));
    }
}
