package dev.weft.repro;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a reproduction once per seed and gathers a {@link Result}: it first says what is run (paper,
 * protocol, and for {@code --quick} what is cut and that the quick bounds apply), checks the data before
 * any training, then runs the seeds in order, each seed's progress to {@code log}. Curves get the seed in
 * their series name when there are several seeds. A parameter grid ({@link #runGrid}) runs every seed at every point
 * and gives one result per point.
 */
public final class Harness {
    private Harness() {}

    /** {@link #run(Reproduction, Path, boolean, List, PrintStream, boolean, Path)} with no output folder: the run writes no files of its own. */
    public static Result run(Reproduction r, Path data, boolean quick, List<Long> seeds, PrintStream log, boolean terminal)
            throws Exception {
        return run(r, data, quick, seeds, log, terminal, null);
    }

    /**
     * Runs the seeds; out (or null) is where a reproduction may write files of its own ({@link RunContext#out}), which
     * the result then lists with its charts (a later seed's file of the same name replaces an earlier's).
     */
    public static Result run(Reproduction r, Path data, boolean quick, List<Long> seeds, PrintStream log, boolean terminal, Path out)
            throws Exception {
        return run(r, data, quick, seeds, log, terminal, out, SeedRunner.LOCAL);
    }

    /**
     * Runs the seeds through {@code runner} (where they run: {@link SeedRunner#LOCAL}, or a cluster) and gathers the
     * same result from what it returns; every setting at its default.
     */
    public static Result run(Reproduction r, Path data, boolean quick, List<Long> seeds, PrintStream log, boolean terminal, Path out,
                             SeedRunner runner) throws Exception {
        return runGrid(r, data, quick, List.of(Settings.defaults(r)), seeds, log, terminal, out, runner).get(0);
    }

    /**
     * Runs every seed at every grid point ({@link SettingGrid#points}) through {@code runner} and gathers one result per
     * point, in the points' order, each recording its settings; the header (paper, protocol, settings, seeds) is printed
     * once.
     *
     * @param r the reproduction
     * @param data the data folder
     * @param quick the --quick budget
     * @param points the grid points, at least one, each a full set of r's settings
     * @param seeds the seeds, at least one
     * @param log where progress goes
     * @param terminal whether log is a terminal
     * @param out where a run may write files of its own, or null
     * @param runner where the runs run
     * @return one result per point
     * @throws Exception what a run threw
     */
    public static List<Result> runGrid(Reproduction r, Path data, boolean quick, List<Settings> points, List<Long> seeds, PrintStream log,
                                       boolean terminal, Path out, SeedRunner runner) throws Exception {
        if (seeds.isEmpty()) throw new IllegalArgumentException("needs at least one seed");
        if (points.isEmpty()) throw new IllegalArgumentException(r.name() + ": needs at least one grid point");
        List<String> declared = r.settings().stream().map(Setting::name).toList();
        for (Settings p : points) {
            if (!List.copyOf(p.values().keySet()).equals(declared)) {
                throw new IllegalArgumentException(r.name() + ": grid point [" + p.label() + "] has the settings " + p.values().keySet()
                        + ", " + r.name() + " declares " + declared + " (make points with SettingGrid.points)");
            }
        }
        for (DataSet d : r.data()) d.require(r.name(), data);
        log.println("== " + r.name() + ": " + r.description());
        log.println("paper:    " + r.paper().cite());
        log.println(wrap("protocol: ", r.protocol()));
        if (quick) {
            log.println(wrap("--quick:  ", r.quickProtocol() + " A quick run is a smoke check of the same code path, "
                    + "judged against the looser quick bounds, not against the paper."));
        }
        if (!r.settings().isEmpty()) {
            List<String> given = points.get(0).given();
            List<String> rest = new ArrayList<>();
            for (Setting s : r.settings()) if (!given.contains(s.name())) rest.add(s.name() + "=" + Setting.format(s.defaultValue()));
            log.println(wrap("settings: ", (points.size() > 1 ? points.size() + " grid points: " + labels(points) + "; " : given.isEmpty()
                    ? "" : points.get(0).label() + "; ") + (rest.isEmpty() ? "" : "defaults " + String.join(" ", rest))));
        }
        log.printf(Locale.ROOT, "seeds:    %s (%s per seed)%n", seeds, Budget.format(quick ? r.time().quickSeconds()
                : r.time().fullSeconds()));
        List<List<SeedRunner.SeedRun>> runs = runner.runGrid(r, new RunContext(data, quick, seeds.get(0), log, terminal, out, points.get(0)),
                points, seeds);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) results.add(gather(r, quick, seeds, points.get(i), runs.get(i)));
        return results;
    }

    private static String labels(List<Settings> points) {
        List<String> l = new ArrayList<>();
        for (Settings p : points) l.add("[" + p.label() + "]");
        return String.join(" ", l);
    }

    private static Result gather(Reproduction r, boolean quick, List<Long> seeds, Settings settings, List<SeedRunner.SeedRun> runs) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Claim c : r.claims()) values.put(c.metric(), new ArrayList<>());
        List<Curve> curves = new ArrayList<>();
        LinkedHashSet<String> files = new LinkedHashSet<>();
        List<Double> seconds = new ArrayList<>();
        for (SeedRunner.SeedRun run : runs) {
            long seed = run.seed();
            Outcome o = run.outcome();
            seconds.add(run.seconds());
            for (Claim c : r.claims()) {
                Double v = o.values().get(c.metric());
                if (v == null) throw new IllegalStateException(r.name() + " returned no value for '" + c.metric() + "'");
                values.get(c.metric()).add(v);
            }
            files.addAll(o.files());
            for (Curve c : o.curves()) curves.add(seeds.size() > 1 ? c.renamed(c.series() + ", seed " + seed) : c);
        }
        List<MetricResult> metrics = new ArrayList<>();
        for (Claim c : r.claims()) metrics.add(new MetricResult(c, values.get(c.metric())));
        return new Result(r.name(), r.description(), r.paper(), r.protocol(), r.quickProtocol(), quick, seeds, seconds,
                metrics, r.figures(), curves, List.copyOf(files), Version.weft(), Machine.current(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), settings);
    }

    /** {@code text} after {@code head}, wrapped at 110 columns with the continuation lines indented. */
    static String wrap(String head, String text) {
        StringBuilder sb = new StringBuilder(head);
        int col = head.length();
        for (String word : text.split(" ")) {
            if (col + word.length() + 1 > 110 && col > head.length()) {
                sb.append('\n').append(" ".repeat(head.length()));
                col = head.length();
            } else if (col > head.length()) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        return sb.toString();
    }
}
