package dev.weft.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A suite's picocli command: one {@code --name} option per {@link BenchSuite#flags() flag} (no value) and
 * {@link BenchSuite#valued() valued} option (a String; the suite reads and checks it through {@link BenchArgs}).
 * {@link #of} adds what the help needs: {@code -h/--help}, the suite's description, each option's value label and
 * description taken from the suite's {@link BenchSuite#usage() usage text} (the lines {@code "  --name LABEL  text"}
 * and their indented continuations), and the usage text's other lines as the footer.
 */
public final class SuiteSpec {
    private SuiteSpec() {}

    private static final Pattern OPTION = Pattern.compile("^ {1,4}--([a-z0-9-]+)(?:[ =](\\S+))?(?: {2,}(.*))?$");
    private static final Pattern MORE = Pattern.compile("^ {5,}(\\S.*)$");

    /** Just the options (no help option, no descriptions): what {@link BenchArgs#parse} parses with. */
    public static CommandSpec options(String suite, Set<String> flags, Set<String> valued) {
        CommandSpec spec = CommandSpec.create().name(suite);
        for (String f : new TreeSet<>(flags)) spec.addOption(OptionSpec.builder("--" + f).arity("0").type(boolean.class).build());
        for (String v : new TreeSet<>(valued)) {
            spec.addOption(OptionSpec.builder("--" + v).arity("1").type(String.class).paramLabel(v.toUpperCase(java.util.Locale.ROOT)).build());
        }
        return spec;
    }

    /** {@link #of(BenchSuite, Object)} with no command object (for help and completion only). */
    public static CommandSpec of(BenchSuite suite) {
        return of(suite, null);
    }

    /**
     * The suite's command as {@code weft bench SUITE}: options, help option, description and option texts;
     * {@code command} (a Callable or Runnable, or null) is what picocli runs when the command line names the suite.
     */
    public static CommandSpec of(BenchSuite suite, Object command) {
        Map<String, String[]> described = new LinkedHashMap<>();
        List<String> footer = new ArrayList<>();
        String last = null;
        for (String line : suite.usage().split("\n")) {
            Matcher o = OPTION.matcher(line), more = MORE.matcher(line);
            if (o.matches() && (suite.flags().contains(o.group(1)) || suite.valued().contains(o.group(1)))) {
                last = o.group(1);
                described.put(last, new String[] {o.group(2), o.group(3) == null ? "" : o.group(3).strip()});
            } else if (last != null && more.matches()) {
                String[] d = described.get(last);
                d[1] = (d[1] + " " + more.group(1).strip()).strip();
            } else {
                last = null;
                if (!line.isBlank() && !line.startsWith("weft bench " + suite.name())) footer.add(line);
            }
        }
        CommandSpec spec = (command == null ? CommandSpec.create() : CommandSpec.wrapWithoutInspection(command)).name(suite.name());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        spec.usageMessage().description(suite.description()).footer(footer.toArray(String[]::new));
        spec.usageMessage().sortOptions(false).sortSynopsis(false);
        // options in the usage text's order, then any it does not describe, by name
        List<String> order = new ArrayList<>(described.keySet());
        for (String o : new TreeSet<>(union(suite.flags(), suite.valued()))) if (!order.contains(o)) order.add(o);
        for (String o : order) {
            String[] d = described.get(o);
            if (suite.flags().contains(o)) {
                spec.addOption(OptionSpec.builder("--" + o).arity("0").type(boolean.class).description(d == null ? "" : join(d)).build());
            } else {
                String label = d != null && d[0] != null ? d[0] : o.toUpperCase(java.util.Locale.ROOT);
                spec.addOption(OptionSpec.builder("--" + o).arity("1").type(String.class).paramLabel(label)
                        .description(d == null ? "" : d[1]).build());
            }
        }
        return spec;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** A flag's label column holds the start of its text ("--json  one JSON object ..."). */
    private static String join(String[] d) {
        return d[0] == null ? d[1] : (d[0] + " " + d[1]).strip();
    }

    /** The parser settings every Weft command line uses: no @file expansion, a repeated option's last value wins. */
    public static CommandLine configure(CommandLine cl) {
        return cl.setExpandAtFiles(false).setOverwrittenOptionsAllowed(true);
    }
}
