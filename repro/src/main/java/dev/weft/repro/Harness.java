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
 * their series name when there are several seeds.
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
     * same result from what it returns.
     */
    public static Result run(Reproduction r, Path data, boolean quick, List<Long> seeds, PrintStream log, boolean terminal, Path out,
                             SeedRunner runner) throws Exception {
        if (seeds.isEmpty()) throw new IllegalArgumentException("needs at least one seed");
        for (DataSet d : r.data()) d.require(r.name(), data);
        log.println("== " + r.name() + ": " + r.description());
        log.println("paper:    " + r.paper().cite());
        log.println(wrap("protocol: ", r.protocol()));
        if (quick) {
            log.println(wrap("--quick:  ", r.quickProtocol() + " A quick run is a smoke check of the same code path, "
                    + "judged against the looser quick bounds, not against the paper."));
        }
        log.printf(Locale.ROOT, "seeds:    %s (%s per seed)%n", seeds, Budget.format(quick ? r.time().quickSeconds()
                : r.time().fullSeconds()));
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Claim c : r.claims()) values.put(c.metric(), new ArrayList<>());
        List<Curve> curves = new ArrayList<>();
        LinkedHashSet<String> files = new LinkedHashSet<>();
        List<Double> seconds = new ArrayList<>();
        for (SeedRunner.SeedRun run : runner.run(r, new RunContext(data, quick, seeds.get(0), log, terminal, out), seeds)) {
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
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
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
