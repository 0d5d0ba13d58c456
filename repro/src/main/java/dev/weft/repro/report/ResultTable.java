package dev.weft.repro.report;

import dev.weft.repro.Claim;
import dev.weft.repro.MetricResult;
import dev.weft.repro.Result;
import dev.weft.repro.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-run table: per metric the paper's value (± spread where the paper gives one), our bound,
 * Weft's mean ± std over seeds, the difference to the paper, and a verdict; a last row with the time per
 * seed; then where each paper value comes from. Plain text, aligned columns.
 */
public final class ResultTable {
    private ResultTable() {}

    /** The header cells, also used by the HTML report. */
    public static final List<String> HEADER = List.of("metric", "paper", "bound", "weft", "diff", "verdict");

    /** One row of cells per metric, then the time row. */
    public static List<List<String>> rows(Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (MetricResult m : r.metrics()) {
            Claim c = m.claim();
            rows.add(List.of(c.metric() + " (" + c.unit().symbol() + ")", c.paperText(), c.boundText(r.quick()), m.weftText(),
                    c.unit().formatSigned(m.difference()), m.pass(r.quick()) ? "[pass]" : "[FAIL]"));
        }
        MetricResult time = new MetricResult(new Claim("time per seed", Unit.SECONDS, false, Double.NaN, Double.NaN, null,
                Double.NaN, Double.NaN), r.secondsPerSeed());
        rows.add(List.of("time per seed (s)", "-", "-", time.weftText(), "-", "-"));
        return rows;
    }

    /** The table as text; "±" becomes "+-" where stdout's encoding (a C locale's ASCII) cannot print it. */
    public static String format(Result r) {
        String text = formatUtf8(r);
        return stdoutHasPlusMinus() ? text : text.replace("±", "+-");
    }

    static boolean stdoutHasPlusMinus() {
        try {
            return java.nio.charset.Charset.forName(System.getProperty("stdout.encoding", "UTF-8")).newEncoder().canEncode('±');
        } catch (RuntimeException unknownCharset) {
            return false;
        }
    }

    /** The table with "±" whatever the console. */
    public static String formatUtf8(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (%s): %d seed%s %s, %.1f s in all; paper: %s%n", r.repro(),
                r.quick() ? "--quick, judged against the quick bounds" : "full protocol", r.seeds().size(),
                r.seeds().size() == 1 ? "" : "s", r.seeds(), r.seconds(), r.paper().shortCite()));
        if (!r.settings().values().isEmpty()) sb.append(settingsLine(r.settings())).append('\n');
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(rows(r));
        int[] w = new int[HEADER.size()];
        for (List<String> row : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], row.get(i).length());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                String cell = row.get(i);
                // text left, numbers right
                line.append(i == 0 || i == w.length - 1 ? pad(cell, w[i], false) : pad(cell, w[i], true)).append("  ");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        for (MetricResult m : r.metrics()) {
            if (m.claim().source() != null) sb.append("  paper's ").append(m.claim().metric()).append(": ")
                    .append(m.claim().source()).append('\n');
        }
        sb.append(r.pass() ? "verdict: every metric within its bound\n" : "verdict: some metric outside its bound\n");
        return sb.toString();
    }

    /**
     * {@return the grid's summary: one row per point, the given settings as leading columns, then each metric's mean ±
     * std over the seeds and the verdict; the same for a local and a Spark run (no times)}
     *
     * @param results one result per grid point, as {@link dev.weft.repro.Harness#runGrid} returns them
     */
    public static String gridSummary(List<Result> results) {
        Result first = results.get(0);
        List<String> header = new ArrayList<>(first.settings().given());
        for (MetricResult m : first.metrics()) header.add(m.claim().metric() + " (" + m.claim().unit().symbol() + ")");
        header.add("verdict");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Result r : results) {
            List<String> row = new ArrayList<>();
            for (String g : first.settings().given()) row.add(dev.weft.repro.Setting.format(r.settings().get(g)));
            for (MetricResult m : r.metrics()) row.add(m.weftText());
            row.add(r.pass() ? "[pass]" : "[FAIL]");
            rows.add(row);
        }
        int[] w = new int[header.size()];
        for (List<String> row : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], row.get(i).length());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "grid of %s: %d points x %d seed%s %s%n", first.repro(),
                results.size(), first.seeds().size(), first.seeds().size() == 1 ? "" : "s", first.seeds()));
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            // settings and verdict left, the metrics right
            for (int i = 0; i < w.length; i++) line.append(pad(row.get(i), w[i], i >= first.settings().given().size() && i < w.length - 1)).append("  ");
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        String text = sb.toString();
        return stdoutHasPlusMinus() ? text : text.replace("±", "+-");
    }

    /** "settings: lr=0.005 dropout=0.3 (the rest at the protocol's defaults)", or "settings: the protocol's defaults". */
    public static String settingsLine(dev.weft.repro.Settings s) {
        return s.given().isEmpty() ? "settings: the protocol's defaults"
                : "settings: " + s.label() + (s.given().size() < s.values().size() ? " (the rest at the protocol's defaults)" : "");
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(w - s.length());
        return right ? fill + s : s + fill;
    }
}
