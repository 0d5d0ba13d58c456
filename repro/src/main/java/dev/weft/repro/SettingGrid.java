package dev.weft.repro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The runs that {@code weft repro NAME --set name=value ... --grid name=v1,v2,... ...} asks for: the fixed values of
 * every {@code --set} and the cartesian product of the {@code --grid} lists (the first grid varies slowest), each point
 * a full {@link Settings}. Everything is checked before anything runs: an unknown name, a malformed value, an empty
 * list, a name given twice, or settings on a reproduction that declares none fail with an IllegalArgumentException
 * naming the reproduction, the setting and the allowed names.
 */
public final class SettingGrid {
    private SettingGrid() {}

    /**
     * {@return the grid points, at least one (the defaults with the fixed values when there is no grid)}
     *
     * @param r the reproduction
     * @param sets "name=value" pairs (--set)
     * @param grids "name=v1,v2,..." lists (--grid)
     * @throws IllegalArgumentException as the class comment says
     */
    public static List<Settings> points(Reproduction r, List<String> sets, List<String> grids) {
        Map<String, Setting> declared = declared(r);
        LinkedHashMap<String, Object> fixed = new LinkedHashMap<>();
        LinkedHashMap<String, List<Object>> axes = new LinkedHashMap<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String pair : sets) {
            String[] nv = split(r, "--set", pair);
            Setting s = find(r, declared, "--set", nv[0]);
            if (!seen.add(s.name())) throw twice(r, s.name());
            fixed.put(s.name(), s.parse(r.name(), nv[1]));
        }
        for (String list : grids) {
            String[] nv = split(r, "--grid", list);
            Setting s = find(r, declared, "--grid", nv[0]);
            if (!seen.add(s.name())) throw twice(r, s.name());
            List<Object> values = new ArrayList<>();
            for (String v : nv[1].split(",", -1)) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException(r.name() + ": --grid " + list + ": an empty value in the list of " + s.name()
                            + " (give --grid " + s.name() + "=v1,v2,...)");
                }
                Object parsed = s.parse(r.name(), v);
                if (values.contains(parsed)) {
                    throw new IllegalArgumentException(r.name() + ": --grid " + list + ": " + s.name() + " = " + v + " is listed twice");
                }
                values.add(parsed);
            }
            axes.put(s.name(), values);
        }
        List<Map<String, Object>> products = new ArrayList<>();
        products.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : products) {
                for (Object v : axis.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            products = next;
        }
        List<Settings> points = new ArrayList<>();
        for (Map<String, Object> p : products) {
            Map<String, Object> values = new LinkedHashMap<>(Settings.defaults(r).values());
            values.putAll(fixed);
            values.putAll(p);
            List<String> given = new ArrayList<>(fixed.keySet());
            given.addAll(p.keySet());
            points.add(values.isEmpty() ? Settings.NONE : new Settings(r.name(), values, given));
        }
        return points;
    }

    /**
     * {@return one point from "name=value" pairs, as {@link Settings#givenPairs} writes them}
     *
     * @param r the reproduction
     * @param pairs the given settings
     */
    public static Settings point(Reproduction r, List<String> pairs) {
        return points(r, pairs, List.of()).get(0);
    }

    private static Map<String, Setting> declared(Reproduction r) {
        Map<String, Setting> m = new LinkedHashMap<>();
        for (Setting s : r.settings()) {
            if (m.put(s.name(), s) != null) throw new IllegalStateException(r.name() + " declares setting " + s.name() + " twice");
        }
        return m;
    }

    private static String[] split(Reproduction r, String option, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(r.name() + ": " + option + " takes name=" + (option.equals("--grid") ? "v1,v2,..." : "value")
                    + ", got '" + text + "' (settings: " + names(r) + ")");
        }
        String value = text.substring(eq + 1);
        if (value.isBlank()) {
            throw new IllegalArgumentException(r.name() + ": " + option + " " + text + ": no value for " + text.substring(0, eq).strip());
        }
        return new String[] {text.substring(0, eq).strip(), value};
    }

    private static Setting find(Reproduction r, Map<String, Setting> declared, String option, String name) {
        Setting s = declared.get(name);
        if (s == null) {
            throw new IllegalArgumentException(r.name() + ": " + option + ": unknown setting '" + name + "' (settings: " + names(r) + ")");
        }
        return s;
    }

    private static IllegalArgumentException twice(Reproduction r, String name) {
        return new IllegalArgumentException(r.name() + ": setting " + name + " is given more than once (by --set or --grid)");
    }

    /**
     * {@return the declared names, comma-separated, or "none (it declares no settings)"}
     * @param r the reproduction
     */
    static String names(Reproduction r) {
        List<String> n = r.settings().stream().map(Setting::name).toList();
        return n.isEmpty() ? "none: " + r.name() + " declares no settings" : String.join(", ", n);
    }
}
