package dev.weft.cli;

import dev.weft.repro.Budget;
import dev.weft.repro.DataSet;
import dev.weft.repro.Harness;
import dev.weft.repro.MissingDataException;
import dev.weft.repro.ReproArgs;
import dev.weft.repro.Reproduction;
import dev.weft.repro.Result;
import dev.weft.repro.ResultFile;
import dev.weft.repro.SeedRunner;
import dev.weft.repro.Setting;
import dev.weft.repro.SettingGrid;
import dev.weft.repro.Settings;
import dev.weft.repro.report.HtmlReport;
import dev.weft.repro.report.Outputs;
import dev.weft.repro.report.ResultTable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft repro}: without a name, lists the registered reproductions (paper, data present or not,
 * approximate time, settings); {@code weft repro NAME [--quick] [--seed N | --seeds K] [--out DIR] [--json]
 * [--data DIR] [--spark MASTER] [--set NAME=VALUE]... [--grid NAME=V1,V2,...]...} runs one through the {@link Harness}
 * (every seed at every point of the grid) and prints its table (one per grid point, then the grid's summary; with
 * --json one line per point), writes its charts and result file (one per point); {@code weft repro report [--out DIR]} ({@link Report}) gathers the result files of a folder into one HTML page.
 * Exit codes: 0 every metric within its bound, 3 some metric outside it, 2 bad usage or missing data.
 */
@Command(name = "repro", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        description = {"Paper reproductions: without NAME the list (paper, data present or missing, time full and "
                + "--quick); with NAME a run with progress, then a table, PNG and SVG charts and a JSON "
                + "result file in --out."},
        footer = {"exit code: 0 every metric within its bound, 3 some metric outside it, 2 bad usage or missing data"})
final class ReproCommand implements Callable<Integer> {
    static final int VERDICT_FAILED = 3;

    private final Io io;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "the reproduction to run (without it: the list)")
    String name;

    @Option(names = "--quick", description = {"a reduced budget (fewer epochs or samples) that runs in seconds: a smoke check of the same "
            + "code, judged against looser \"quick\" bounds, not against the paper"})
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", description = "the seed (default 0); --seeds K runs seeds N .. N+K-1 and reports mean ± std")
    Long seed;

    @Option(names = "--seeds", paramLabel = "K", description = "how many seeds, 1..1000 (default 1)")
    Integer seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "where charts (PNG, SVG) and the result file NAME[-quick].json go (default: "
            + "./repro-results)")
    String out;

    @Option(names = "--json", description = {"one JSON object on stdout (repro, quick, seconds, metrics: name, paper, weft, unit, "
            + "higher_is_better, ...); progress goes to stderr"})
    boolean json;

    @Option(names = "--data", paramLabel = "DIR", description = "the folder holding the data sets (default: -Dweft.data, $WEFT_DATA, ../shared/data)")
    String data;

    @Option(names = "--spark", paramLabel = "MASTER", description = {"run the seeds as Spark tasks on MASTER (local[2], "
            + "spark://HOST:7077, ...) and gather the same table; needs the spark module (./weft adds it and Spark's jars "
            + "for this option) and JDK 25.0.3 or newer"})
    String spark;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = {"fix one of the reproduction's settings (repeatable; "
            + "'weft repro NAME --help' and the list show them with their defaults)"})
    List<String> set = new ArrayList<>();

    @Option(names = "--grid", paramLabel = "NAME=V1,V2,...", description = {"sweep a setting (repeatable): every point of the "
            + "product of the lists runs every seed (as Spark tasks with --spark), one table and result file per point"})
    List<String> grid = new ArrayList<>();

    private ReproCommand(Io io) {
        this.io = io;
    }

    static TreeMap<String, Reproduction> all() {
        TreeMap<String, Reproduction> all = new TreeMap<>();
        for (Reproduction r : ServiceLoader.load(Reproduction.class)) all.put(r.name(), r);
        return all;
    }

    /** repro with its report subcommand. */
    static CommandLine commandLine(Io io) {
        ReproCommand repro = new ReproCommand(io);
        CommandLine cl = new CommandLine(repro).addSubcommand(new Report(repro, io));
        // 'weft repro NAME --help': the usage, then NAME's settings (the section is drawn after parsing, so name is set)
        var footer = cl.getHelpSectionMap().get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            Reproduction r = repro.name == null ? null : all().get(repro.name);
            return (r == null ? "" : settingsHelp(r)) + footer.render(help);
        });
        return cl;
    }

    List<Long> seedList() {
        if (seeds != null && (seeds < 1 || seeds > 1000)) throw new IllegalArgumentException("--seeds must be 1..1000, got " + seeds);
        long first = seed == null ? 0 : seed;
        return LongStream.range(first, first + (seeds == null ? 1 : seeds)).boxed().toList();
    }

    static Path outDir(String out) {
        return Path.of(out == null ? Outputs.DEFAULT_DIR : out);
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = io.out(), err = io.err();
        TreeMap<String, Reproduction> all = all();
        List<Long> seedList = seedList();
        if (name == null) {
            spec.commandLine().usage(out);
            list(out, all, ReproArgs.dataDir(data));
            return 0;
        }
        Reproduction r = all.get(name);
        if (r == null) {
            err.println("weft repro: unknown reproduction '" + name + "' (known: " + String.join(", ", all.keySet())
                    + "; 'report' builds the HTML page)");
            return 2;
        }
        // the settings are checked before anything runs
        List<Settings> points;
        try {
            points = SettingGrid.points(r, set, grid);
        } catch (IllegalArgumentException bad) {
            err.println("weft repro " + bad.getMessage());
            return 2;
        }
        // progress: a bar on stderr when on a terminal, plain lines on stdout otherwise (stderr with --json)
        boolean terminal = onTerminal();
        PrintStream log = json || terminal ? err : out;
        List<Result> results;
        SeedRunner runner;
        try {
            runner = spark == null ? SeedRunner.LOCAL : SeedRunner.forMaster("spark", spark);
        } catch (IllegalStateException noSpark) {
            err.println("weft repro --spark: " + noSpark.getMessage());
            return 2;
        }
        try (runner) {
            results = Harness.runGrid(r, ReproArgs.dataDir(data), quick, points, seedList, log, terminal, outDir(this.out), runner);
        } catch (MissingDataException missing) {
            err.println("weft " + missing.getMessage());
            return 2;
        }
        boolean pass = true;
        for (Result result : results) {
            Outputs.Saved saved = Outputs.save(result, outDir(this.out));
            if (json) {
                out.println(ResultFile.jsonLine(saved.result(), saved.file().toAbsolutePath()));
            } else {
                out.println();
                out.print(ResultTable.format(saved.result()));
            }
            printFiles(log, saved);
            pass &= saved.result().pass();
        }
        if (!json && results.size() > 1) {
            out.println();
            out.print(ResultTable.gridSummary(results));
        }
        return pass ? 0 : VERDICT_FAILED;
    }

    /** {@code weft repro report [--out DIR]}: one HTML page from the result files of a folder. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "One HTML page, DIR/report.html, from every result file in the folder.")
    static final class Report implements Callable<Integer> {
        private final ReproCommand parent;
        private final Io io;

        @Option(names = "--out", paramLabel = "DIR", description = "the folder of result files (default: ./repro-results)")
        String out;

        Report(ReproCommand parent, Io io) {
            this.parent = parent;
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            HtmlReport.Written w = HtmlReport.write(outDir(out != null ? out : parent.out));
            io.out().println("report of " + w.results().size() + " result file(s): " + w.page().toAbsolutePath());
            w.skipped().forEach(s -> io.out().println("  skipped " + s));
            return 0;
        }
    }

    /** Where the charts and the result file went. */
    static void printFiles(PrintStream out, Outputs.Saved saved) {
        Path dir = saved.file().toAbsolutePath().getParent();
        out.println("charts:      " + (saved.result().charts().isEmpty() ? "(none)" : dir + "/{" + String.join(", ",
                saved.result().charts()) + "}"));
        out.println("result file: " + saved.file().toAbsolutePath() + "  (./weft repro report --out " + dir
                + " gathers the folder into one page)");
    }

    /** True when progress may be a bar redrawn in place ({@link dev.weft.repro.Terminal#interactive()}). */
    static boolean onTerminal() {
        return dev.weft.repro.Terminal.interactive();
    }

    /** NAME's settings for its --help: one line each, or a line saying it has none. */
    static String settingsHelp(Reproduction r) {
        StringBuilder sb = new StringBuilder("\n");
        if (r.settings().isEmpty()) {
            sb.append(r.name()).append(" has no settings (--set and --grid do not apply).\n");
        } else {
            sb.append("Settings of ").append(r.name()).append(" (--set NAME=VALUE, --grid NAME=V1,V2,...):\n");
            for (Setting s : r.settings()) sb.append("  ").append(s.describe()).append('\n');
        }
        return sb.append('\n').toString();
    }

    /** The registered reproductions as a table, with whether their data is in {@code data}. */
    private static void list(PrintStream out, TreeMap<String, Reproduction> all, Path data) {
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
            if (k > 0 && !all.get(row[0]).settings().isEmpty()) {
                List<String> s = new ArrayList<>();
                for (Setting x : all.get(row[0]).settings()) s.add(x.name() + "=" + Setting.format(x.defaultValue()));
                out.println("      settings (--set, --grid): " + String.join(" ", s));
            }
        }
        out.println("time: one seed on a 2-core machine; a missing data set's message names the files to get and where.");
    }
}
