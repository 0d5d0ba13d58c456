package dev.weft.cli;

import dev.weft.bench.BenchSuite;
import java.io.PrintStream;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** {@code weft bench SUITE [options]}: runs one registered benchmark suite. */
final class BenchCommand {
    private BenchCommand() {}

    static TreeMap<String, BenchSuite> suites() {
        TreeMap<String, BenchSuite> all = new TreeMap<>();
        for (BenchSuite s : ServiceLoader.load(BenchSuite.class)) all.put(s.name(), s);
        return all;
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        TreeMap<String, BenchSuite> all = suites();
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.println("usage: ./weft bench SUITE [options]   (--json: one JSON object per result line)");
            out.println("suites:");
            all.values().forEach(s -> out.printf("  %-14s %s%n", s.name(), s.description()));
            return args.isEmpty() ? 2 : 0;
        }
        BenchSuite suite = all.get(args.get(0));
        if (suite == null) {
            err.println("weft bench: unknown suite '" + args.get(0) + "' (known: " + String.join(", ", all.keySet()) + ")");
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(suite.usage());
            return 0;
        }
        return suite.run(rest, out);
    }
}
