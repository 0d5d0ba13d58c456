package dev.weft.repro.report;

import dev.weft.repro.Result;
import dev.weft.repro.ResultFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code weft repro report}: one HTML page, {@code report.html} in the folder, gathering every result
 * file found there (other JSON is skipped): a summary of all runs, then per run its paper, protocol,
 * table and charts (the SVG inline as an image, linked to the PNG). The page only references files in
 * the same folder, so the folder can be moved or published as it is.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** What {@link #write} did: the page and the results it gathered. */
    public record Written(Path page, List<Result> results, List<String> skipped) {}

    public static Written write(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no folder " + dir.toAbsolutePath());
        List<Result> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    results.add(ResultFile.read(p));
                } catch (RuntimeException notAResult) {
                    skipped.add(p.getFileName() + " (" + notAResult.getMessage() + ")");
                }
            }
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no result files (*.json written by ./weft repro NAME) in " + dir.toAbsolutePath());
        }
        Path page = dir.resolve("report.html");
        Files.writeString(page, html(results), StandardCharsets.UTF_8);
        return new Written(page, results, skipped);
    }

    static String html(List<Result> results) {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Weft reproductions</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
                table { border-collapse: collapse; margin: 0.5em 0 1em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
                th:first-child, td:first-child { text-align: left; }
                .pass { color: #06772b; font-weight: bold; } .fail { color: #b00020; font-weight: bold; }
                .note { color: #555; font-size: 0.92em; } img { max-width: 100%; border: 1px solid #eee; }
                </style></head><body>
                <h1>Weft reproductions</h1>
                """);
        Result first = results.getFirst();
        sb.append("<p class=\"note\">Weft ").append(esc(first.weftVersion())).append(" on ").append(esc(first.machine().summary()))
                .append(". Paper values are the papers' own numbers; a run passes when Weft's mean over seeds is within our "
                        + "bound (quick runs: the looser quick bound).</p>\n");
        sb.append("<table><tr><th>reproduction</th><th>paper</th><th>kind</th><th>seeds</th><th>time (s)</th><th>verdict</th></tr>\n");
        for (Result r : results) {
            sb.append("<tr><td><a href=\"#").append(esc(r.stem())).append("\">").append(esc(r.repro())).append("</a></td><td>")
                    .append(esc(r.paper().shortCite())).append("</td><td>").append(r.quick() ? "--quick" : "full").append("</td><td>")
                    .append(r.seeds().size()).append("</td><td>").append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append("</td><td>").append(verdict(r.pass())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (Result r : results) section(sb, r);
        return sb.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder sb, Result r) {
        sb.append("<h2 id=\"").append(esc(r.stem())).append("\">").append(esc(r.repro())).append(r.quick() ? " (--quick)" : "")
                .append(r.settings().given().isEmpty() ? "" : " (" + esc(r.settings().label()) + ")")
                .append("</h2>\n<p>").append(esc(r.description())).append("</p>\n");
        sb.append("<p><b>Paper:</b> ").append(esc(r.paper().cite())).append("</p>\n");
        sb.append("<p><b>Protocol:</b> ").append(esc(r.protocol())).append("</p>\n");
        if (r.quick()) sb.append("<p><b>--quick:</b> ").append(esc(r.quickProtocol())).append("</p>\n");
        sb.append("<p class=\"note\">seeds ").append(esc(r.seeds().toString())).append(", ").append(esc(r.date()))
                .append(", ").append(esc(r.machine().summary())).append("</p>\n<table><tr>");
        for (String h : ResultTable.HEADER) sb.append("<th>").append(esc(h)).append("</th>");
        sb.append("</tr>\n");
        for (List<String> row : ResultTable.rows(r)) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String cls = cell.equals("[pass]") ? " class=\"pass\"" : cell.equals("[FAIL]") ? " class=\"fail\"" : "";
                sb.append("<td").append(cls).append('>').append(esc(cell)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
        r.metrics().stream().filter(m -> m.claim().source() != null).forEach(m -> sb.append("<p class=\"note\">paper's ")
                .append(esc(m.claim().metric())).append(": ").append(esc(m.claim().source())).append("</p>\n"));
        for (String chart : r.charts()) {
            if (!chart.endsWith(".svg")) continue;
            String png = chart.substring(0, chart.length() - 4) + ".png";
            sb.append("<p><a href=\"").append(esc(png)).append("\"><img src=\"").append(esc(chart)).append("\" alt=\"")
                    .append(esc(chart)).append("\"></a></p>\n");
        }
        r.figures().forEach(f -> sb.append("<p class=\"note\">").append(esc(f.title())).append(": ").append(esc(f.source()))
                .append("</p>\n"));
    }

    private static String verdict(boolean pass) {
        return pass ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">FAIL</span>";
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
