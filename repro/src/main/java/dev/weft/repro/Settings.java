package dev.weft.repro;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a reproduction's {@link Setting}s for one run (one grid point): every declared setting, in
 * declaration order, at its default unless given; {@link #given} names those set by {@code --set} or {@code --grid}
 * (they label the point in the table and in the result file's name). {@link #NONE} is the empty set of a run built
 * without settings; reading any setting from it fails.
 *
 * @param repro the reproduction's name (for messages)
 * @param values name to value (Double, Integer or String), every declared setting
 * @param given the names set explicitly, in the order they were given
 */
public record Settings(String repro, Map<String, Object> values, List<String> given) {
    /** No settings (a context built without them). */
    public static final Settings NONE = new Settings("", Map.of(), List.of());

    public Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        given = List.copyOf(given);
        for (String g : given) {
            if (!values.containsKey(g)) throw new IllegalArgumentException(repro + ": given setting '" + g + "' has no value");
        }
    }

    /**
     * {@return every setting of {@code r} at its default, none given; {@link #NONE} when it declares none}
     *
     * @param r the reproduction
     */
    public static Settings defaults(Reproduction r) {
        if (r.settings().isEmpty()) return NONE;
        Map<String, Object> v = new LinkedHashMap<>();
        for (Setting s : r.settings()) v.put(s.name(), s.defaultValue());
        return new Settings(r.name(), v, List.of());
    }

    /**
     * {@return the value of {@code name}}
     *
     * @param name a declared setting
     * @throws IllegalArgumentException naming the reproduction and the known settings when it is not one
     */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException((repro.isEmpty() ? "this run" : repro) + ": no setting '" + name + "' (settings: "
                    + (values.isEmpty() ? "none" : String.join(", ", values.keySet())) + ")");
        }
        return v;
    }

    /**
     * {@return a double setting's value}
     *
     * @param name the setting
     */
    public double getDouble(String name) {
        return typed(name, Number.class).doubleValue();
    }

    /**
     * {@return an int setting's value}
     *
     * @param name the setting
     */
    public int getInt(String name) {
        Number n = typed(name, Number.class);
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(repro + ": setting " + name + " = " + n + " is not an integer");
        }
        return n.intValue();
    }

    /**
     * {@return a text setting's value}
     *
     * @param name the setting
     */
    public String getString(String name) {
        return typed(name, String.class);
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = get(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(repro + ": setting " + name + " = " + v + " is a " + v.getClass().getSimpleName()
                    + ", read as a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /** {@return the given settings as "name=value" pairs, in the order given (what {@link SettingGrid#point} reads back)} */
    public List<String> givenPairs() {
        List<String> out = new ArrayList<>();
        for (String g : given) out.add(g + "=" + Setting.format(values.get(g)));
        return out;
    }

    /** {@return "lr=0.005 dropout=0.3", or "defaults" when none was given} */
    public String label() {
        return given.isEmpty() ? "defaults" : String.join(" ", givenPairs());
    }

    /** {@return the part of a file name that tells this point apart: "" for the defaults, else "-lr=0.005-dropout=0.3"} */
    public String fileSuffix() {
        StringBuilder sb = new StringBuilder();
        for (String p : givenPairs()) sb.append('-').append(p.replaceAll("[^A-Za-z0-9_.=+-]", "_"));
        return sb.toString();
    }
}
