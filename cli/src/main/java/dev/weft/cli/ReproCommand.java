package dev.weft.cli;

import dev.weft.repro.MissingDataException;
import dev.weft.repro.ReproArgs;
import dev.weft.repro.Reproduction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * {@code weft repro [NAME] [--quick] [--json] [--data PATH] [--seed N]}: lists the registered
 * reproductions, or runs one and prints the paper's figures beside Weft's (a table, or one JSON
 * object as ARCHITECTURE.md fixes: repro, quick, seconds, metrics).
 */
final class ReproCommand {
    private ReproCommand() {}

    static TreeMap<String, Reproduction> all() {
        TreeMap<String, Reproduction> all = new TreeMap<>();
        for (Reproduction r : ServiceLoader.load(Reproduction.class)) all.put(r.name(), r);
        return all;
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        TreeMap<String, Reproduction> all = all();
        List<String> names = new ArrayList<>();
        boolean quick = false, json = false;
        String data = null;
        long seed = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--quick" -> quick = true;
                case "--json" -> json = true;
                case "--data", "--seed" -> {
                    if (i + 1 >= args.size()) {
                        err.println("weft repro: " + a + " needs a value");
                        return 2;
                    }
                    String v = args.get(++i);
                    if (a.equals("--data")) data = v;
                    else seed = Long.parseLong(v);
                }
                case "--help", "-h" -> {
                    usage(out, all);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("weft repro: unknown option '" + a + "'");
                        return 2;
                    }
                    names.add(a);
                }
            }
        }
        if (names.isEmpty()) {
            usage(out, all);
            return 0;
        }
        if (names.size() > 1) {
            err.println("weft repro: one reproduction at a time, got " + names);
            return 2;
        }
        Reproduction r = all.get(names.get(0));
        if (r == null) {
            err.println("weft repro: unknown reproduction '" + names.get(0) + "' (known: " + String.join(", ", all.keySet()) + ")");
            return 2;
        }
        long t0 = System.nanoTime();
        List<Reproduction.Metric> metrics;
        try {
            metrics = r.run(ReproArgs.dataDir(data), quick, seed, json ? err : out);
        } catch (MissingDataException missing) {
            err.println("weft " + missing.getMessage());
            return 2;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            StringBuilder sb = new StringBuilder("{\"repro\": \"").append(r.name()).append("\", \"quick\": ").append(quick)
                    .append(", \"seconds\": ").append(String.format(Locale.ROOT, "%.3f", seconds)).append(", \"metrics\": [");
            for (int i = 0; i < metrics.size(); i++) {
                Reproduction.Metric m = metrics.get(i);
                sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"name\": \"%s\", \"paper\": %s, \"weft\": %s, \"unit\": \"%s\", \"higher_is_better\": %b}",
                        m.name(), num(m.paper()), num(m.weft()), m.unit(), m.higherIsBetter()));
            }
            out.println(sb.append("]}"));
        } else {
            out.printf(Locale.ROOT, "%n%s%s: %.1f s%n", r.name(), quick ? " (quick)" : "", seconds);
            out.printf(Locale.ROOT, "%-28s %12s %12s  %s%n", "metric", "paper", "weft", "unit");
            for (Reproduction.Metric m : metrics) {
                out.printf(Locale.ROOT, "%-28s %12s %12s  %s%n", m.name(), num(m.paper()), num(m.weft()), m.unit());
            }
        }
        return 0;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static void usage(PrintStream out, TreeMap<String, Reproduction> all) {
        out.println("usage: ./weft repro NAME [--quick] [--json] [--data PATH] [--seed N]");
        out.println("  --data PATH   folder holding the data sets (default: -Dweft.data, $WEFT_DATA, ../shared/data)");
        out.println("reproductions:");
        if (all.isEmpty()) out.println("  (none registered)");
        all.values().forEach(r -> out.printf("  %-16s %s%n", r.name(), r.description()));
    }
}
