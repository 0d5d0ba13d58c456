package dev.weft.cli;

import dev.weft.bench.BenchSuite;
import dev.weft.bench.SuiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * {@code weft bench SUITE [options]}: one picocli command per registered benchmark suite ({@link SuiteSpec#of}: its
 * declared options, help from its usage text), which runs the suite with the options given. Without a suite: the
 * list of suites, exit code 2 (as before); an unknown suite: its name and the known ones, exit code 2.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark suites (scalar vs SIMD vs CUDA); 'bench report' builds an HTML page.",
                "'weft bench SUITE --help' shows a suite's options; --json: one JSON object per result line."})
final class BenchCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(arity = "0..1", paramLabel = "SUITE", description = "a suite not listed below is an error naming the known ones")
    String unknown;

    private BenchCommand(Io io) {
        this.io = io;
    }

    static TreeMap<String, BenchSuite> suites() {
        TreeMap<String, BenchSuite> all = new TreeMap<>();
        for (BenchSuite s : ServiceLoader.load(BenchSuite.class)) all.put(s.name(), s);
        return all;
    }

    /** bench with a subcommand per suite. */
    static CommandLine commandLine(Io io) {
        CommandLine bench = new CommandLine(new BenchCommand(io));
        for (BenchSuite s : suites().values()) {
            SuiteRun run = new SuiteRun(s, io);
            run.spec = SuiteSpec.of(s, run);
            bench.addSubcommand(s.name(), new CommandLine(run.spec));
        }
        return bench;
    }

    /** Lists the suites (no suite given, exit 2) or names the unknown one (exit 2). */
    @Override
    public Integer call() {
        TreeMap<String, BenchSuite> all = suites();
        if (unknown != null) {
            io.err().println("weft bench: unknown suite '" + unknown + "' (known: " + String.join(", ", all.keySet()) + ")");
            return Main.USAGE;
        }
        io.out().println("usage: ./weft bench SUITE [options]   (--json: one JSON object per result line; SUITE --help: its options)");
        io.out().println("suites:");
        all.values().forEach(s -> io.out().printf("  %-14s %s%n", s.name(), s.description()));
        return Main.USAGE;
    }

    /** Runs one suite with the options picocli matched, given again as --name / --name=value in order. */
    private static final class SuiteRun implements Callable<Integer> {
        private final BenchSuite suite;
        private final Io io;
        CommandSpec spec;

        SuiteRun(BenchSuite suite, Io io) {
            this.suite = suite;
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            return suite.run(args(spec.commandLine().getParseResult()), io.out());
        }
    }

    /** The matched options as the suite's argument list. */
    static List<String> args(ParseResult r) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : r.matchedOptions()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            if (o.arity().max() == 0) out.add(o.longestName());
            else for (String v : o.originalStringValues()) out.add(o.longestName() + "=" + v);
        }
        return out;
    }
}
