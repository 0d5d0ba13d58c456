package dev.weft.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A suite's parsed {@code --name value} / {@code --name=value} / {@code --flag} options: picocli parses them with
 * the suite's command ({@link SuiteSpec#options}); this class reads the values with the suite's defaults. Unknown
 * options, a missing value or a value on a flag are an IllegalArgumentException naming the suite and the option.
 */
public final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();
    private final String suite;

    private BenchArgs(String suite) {
        this.suite = suite;
    }

    /** The options the suite declares ({@link BenchSuite#flags()}, {@link BenchSuite#valued()}). */
    public static BenchArgs parse(BenchSuite suite, List<String> args) {
        return parse(suite.name(), args, suite.flags(), suite.valued());
    }

    /** flags: options without a value (e.g. "json"); valued: options with one (e.g. "sizes"). */
    public static BenchArgs parse(String suite, List<String> args, Set<String> flags, Set<String> valued) {
        CommandLine cl = SuiteSpec.configure(new CommandLine(SuiteSpec.options(suite, flags, valued)));
        ParseResult r;
        try {
            r = cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("bench " + suite + ": " + e.getMessage()
                    + (e instanceof CommandLine.UnmatchedArgumentException ? " (known: " + String.join(", ", known(flags, valued)) + ")" : ""), e);
        }
        BenchArgs a = new BenchArgs(suite);
        for (OptionSpec o : r.matchedOptions()) {
            String name = o.longestName().substring(2);
            List<String> given = o.originalStringValues();
            a.values.put(name, flags.contains(name) ? "true" : given.getLast());
        }
        return a;
    }

    private static List<String> known(Set<String> a, Set<String> b) {
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
