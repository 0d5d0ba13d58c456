package dev.weft.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a suite's {@code --name value} / {@code --name=value} / {@code --flag} options.
 * Unknown options are an error naming the option and the suite.
 */
public final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();
    private final String suite;

    private BenchArgs(String suite) {
        this.suite = suite;
    }

    /** flags: options without a value (e.g. "json"); valued: options with one (e.g. "sizes"). */
    public static BenchArgs parse(String suite, List<String> args, Set<String> flags, Set<String> valued) {
        BenchArgs a = new BenchArgs(suite);
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (!s.startsWith("--")) throw new IllegalArgumentException("bench " + suite + ": unexpected argument '" + s + "'");
            String name = s.substring(2), value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) { value = name.substring(eq + 1); name = name.substring(0, eq); }
            if (flags.contains(name)) {
                if (value != null) throw new IllegalArgumentException("bench " + suite + ": --" + name + " takes no value");
                a.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) throw new IllegalArgumentException("bench " + suite + ": --" + name + " needs a value");
                    value = args.get(++i);
                }
                a.values.put(name, value);
            } else {
                throw new IllegalArgumentException("bench " + suite + ": unknown option --" + name
                        + " (known: " + String.join(", ", union(flags, valued)) + ")");
            }
        }
        return a;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>();
        a.forEach(x -> all.add("--" + x));
        b.forEach(x -> all.add("--" + x));
        all.sort(null);
        return all;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    /** A comma-separated int list, e.g. "256,512"; errors name the option and the bad item. */
    public int[] ints(String name, String dflt) {
        String v = get(name, dflt);
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench " + suite + ": --" + name + ": '" + parts[i] + "' is not an integer");
            }
        }
        return out;
    }

    /** A comma-separated string list. */
    public List<String> list(String name, String dflt) {
        List<String> out = new ArrayList<>();
        for (String p : get(name, dflt).split(",")) if (!p.isBlank()) out.add(p.trim());
        return out;
    }
}
