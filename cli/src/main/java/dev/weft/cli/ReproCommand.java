package dev.weft.cli;

import dev.weft.repro.Budget;
import dev.weft.repro.DataSet;
import dev.weft.repro.Harness;
import dev.weft.repro.MissingDataException;
import dev.weft.repro.ReproArgs;
import dev.weft.repro.Reproduction;
import dev.weft.repro.Result;
import dev.weft.repro.ResultFile;
import dev.weft.repro.report.HtmlReport;
import dev.weft.repro.report.Outputs;
import dev.weft.repro.report.ResultTable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * {@code weft repro}: without a name, lists the registered reproductions (paper, data present or not,
 * approximate time); {@code weft repro NAME [--quick] [--seed N | --seeds K] [--out DIR] [--json]
 * [--data DIR]} runs one through the {@link Harness} and prints its table, writes its charts and result
 * file; {@code weft repro report [--out DIR]} gathers the result files of a folder into one HTML page.
 * Exit codes: 0 every metric within its bound, 3 some metric outside it, 2 bad usage or missing data.
 */
final class ReproCommand {
    private ReproCommand() {}

    static final int VERDICT_FAILED = 3;

    static TreeMap<String, Reproduction> all() {
        TreeMap<String, Reproduction> all = new TreeMap<>();
        for (Reproduction r : ServiceLoader.load(Reproduction.class)) all.put(r.name(), r);
        return all;
    }

    /** The parsed command line. */
    record Options(List<String> names, boolean quick, boolean json, String data, Long seed, Integer seeds, String out,
                   boolean help) {
        List<Long> seedList() {
            long first = seed == null ? 0 : seed;
            return LongStream.range(first, first + (seeds == null ? 1 : seeds)).boxed().toList();
        }

        Path outDir() {
            return Path.of(out == null ? Outputs.DEFAULT_DIR : out);
        }
    }

    static Options parse(List<String> args) {
        List<String> names = new ArrayList<>();
        boolean quick = false, json = false, help = false;
        String data = null, out = null;
        Long seed = null;
        Integer seeds = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--quick" -> quick = true;
                case "--json" -> json = true;
                case "--help", "-h" -> help = true;
                case "--data", "--seed", "--seeds", "--out" -> {
                    if (i + 1 >= args.size()) throw new IllegalArgumentException(a + " needs a value");
                    String v = args.get(++i);
                    switch (a) {
                        case "--data" -> data = v;
                        case "--out" -> out = v;
                        case "--seed" -> seed = parseLong(a, v);
                        default -> {
                            long k = parseLong(a, v);
                            if (k < 1 || k > 1000) throw new IllegalArgumentException("--seeds must be 1..1000, got " + v);
                            seeds = (int) k;
                        }
                    }
                }
                default -> {
                    if (a.startsWith("--")) throw new IllegalArgumentException("unknown option '" + a + "'");
                    names.add(a);
                }
            }
        }
        return new Options(names, quick, json, data, seed, seeds, out, help);
    }

    private static long parseLong(String option, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes an integer, got '" + v + "'");
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        TreeMap<String, Reproduction> all = all();
        Options o = parse(args);
        if (o.help() || o.names().isEmpty()) {
            usage(out, all, ReproArgs.dataDir(o.data()));
            return 0;
        }
        if (o.names().size() > 1) throw new IllegalArgumentException("one reproduction at a time, got " + o.names());
        if (o.names().getFirst().equals("report")) {
            HtmlReport.Written w = HtmlReport.write(o.outDir());
            out.println("report of " + w.results().size() + " result file(s): " + w.page().toAbsolutePath());
            w.skipped().forEach(s -> out.println("  skipped " + s));
            return 0;
        }
        Reproduction r = all.get(o.names().getFirst());
        if (r == null) {
            err.println("weft repro: unknown reproduction '" + o.names().getFirst() + "' (known: " + String.join(", ", all.keySet())
                    + "; 'report' builds the HTML page)");
            return 2;
        }
        // progress: a bar on stderr when on a terminal, plain lines on stdout otherwise (stderr with --json)
        boolean terminal = onTerminal();
        PrintStream log = o.json() || terminal ? err : out;
        Result result;
        try {
            result = Harness.run(r, ReproArgs.dataDir(o.data()), o.quick(), o.seedList(), log, terminal, o.outDir());
        } catch (MissingDataException missing) {
            err.println("weft " + missing.getMessage());
            return 2;
        }
        Outputs.Saved saved = Outputs.save(result, o.outDir());
        if (o.json()) {
            out.println(ResultFile.jsonLine(saved.result(), saved.file().toAbsolutePath()));
        } else {
            out.println();
            out.print(ResultTable.format(saved.result()));
        }
        printFiles(log, saved);
        return saved.result().pass() ? 0 : VERDICT_FAILED;
    }

    /** Where the charts and the result file went. */
    static void printFiles(PrintStream out, Outputs.Saved saved) {
        Path dir = saved.file().toAbsolutePath().getParent();
        out.println("charts:      " + (saved.result().charts().isEmpty() ? "(none)" : dir + "/{" + String.join(", ",
                saved.result().charts()) + "}"));
        out.println("result file: " + saved.file().toAbsolutePath() + "  (./weft repro report --out " + dir
                + " gathers the folder into one page)");
    }

    /** True when the JVM's console is an interactive terminal: then progress is a bar redrawn in place. */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    private static void usage(PrintStream out, TreeMap<String, Reproduction> all, Path data) {
        out.println("""
                usage: ./weft repro NAME [--quick] [--seed N | --seeds K] [--out DIR] [--json] [--data DIR]
                       ./weft repro report [--out DIR]
                  --quick      a reduced budget (fewer epochs or samples) that runs in seconds: a smoke check of the same
                               code, judged against looser "quick" bounds, not against the paper
                  --seed N     the seed (default 0); --seeds K runs seeds N .. N+K-1 and reports mean ± std
                  --out DIR    where charts (PNG, SVG) and the result file NAME[-quick].json go (default: ./repro-results)
                  --json       one JSON object on stdout (repro, quick, seconds, metrics: name, paper, weft, unit,
                               higher_is_better, ...); progress goes to stderr
                  --data DIR   the folder holding the data sets (default: -Dweft.data, $WEFT_DATA, ../shared/data)
                  report       one HTML page (report.html) from every result file in --out DIR
                exit code: 0 every metric within its bound, 3 some metric outside it, 2 bad usage or missing data""");
        out.println("reproductions (data folder " + data.toAbsolutePath().normalize() + "):");
        if (all.isEmpty()) {
            out.println("  (none registered)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "paper", "data", "full", "--quick"});
        for (Reproduction r : all.values()) {
            List<String> sets = new ArrayList<>();
            for (DataSet d : r.data()) sets.add(d.folder() + "/ " + (d.present(data) ? "(present)" : "(MISSING)"));
            rows.add(new String[] {r.name(), r.paper().shortCite(), sets.isEmpty() ? "none (generated)" : String.join(", ", sets),
                    Budget.format(r.time().fullSeconds()), Budget.format(r.time().quickSeconds())});
        }
        int[] w = new int[5];
        for (String[] row : rows) for (int i = 0; i < 5; i++) w[i] = Math.max(w[i], row[i].length());
        for (int k = 0; k < rows.size(); k++) {
            String[] row = rows.get(k);
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < 5; i++) line.append(row[i]).append(" ".repeat(w[i] - row[i].length() + 2));
            out.println(line.toString().stripTrailing());
            if (k > 0) out.println("      " + all.get(row[0]).description() + "; " + all.get(row[0]).paper().title());
        }
        out.println("time: one seed on a 2-core machine; a missing data set's message names the files to get and where.");
    }
}
