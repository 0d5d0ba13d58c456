package dev.weft.repro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Result} as JSON: the result file {@code NAME[-quick].json} that {@code weft repro} writes
 * and {@code weft repro report} reads, and (one line of it) the {@code --json} stdout contract:
 * {@code repro}, {@code quick}, {@code seconds}, {@code metrics} with {@code name}, {@code paper},
 * {@code weft}, {@code unit}, {@code higher_is_better}, then the added fields. NaN is written as null.
 */
public final class ResultFile {
    private ResultFile() {}

    /** Marks a JSON file as a result file (the report skips other JSON). */
    public static final String FORMAT = "weft-repro-result/1";

    public static Map<String, Object> toJson(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repro", r.repro());
        m.put("quick", r.quick());
        m.put("seconds", round3(r.seconds()));
        List<Object> metrics = new ArrayList<>();
        for (MetricResult mr : r.metrics()) metrics.add(metric(mr, r.quick()));
        m.put("metrics", metrics);
        m.put("pass", r.pass());
        m.put("format", FORMAT);
        m.put("description", r.description());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", r.paper().title());
        p.put("authors", r.paper().authors());
        p.put("year", r.paper().year());
        p.put("venue", r.paper().venue());
        m.put("paper", p);
        m.put("protocol", r.protocol());
        m.put("quick_protocol", r.quickProtocol());
        m.put("seeds", r.seeds());
        m.put("settings", new LinkedHashMap<>(r.settings().values()));
        m.put("settings_given", r.settings().given());
        Map<String, Object> types = new LinkedHashMap<>();
        r.settings().values().forEach((k, v) -> types.put(k, v instanceof Integer ? "int" : v instanceof Double ? "double" : "string"));
        m.put("settings_types", types);
        m.put("seconds_per_seed", r.secondsPerSeed());
        List<Object> figures = new ArrayList<>();
        for (Figure f : r.figures()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("id", f.id());
            fm.put("title", f.title());
            fm.put("x_label", f.xLabel());
            fm.put("y_label", f.yLabel());
            fm.put("log_y", f.logY());
            fm.put("source", f.source());
            figures.add(fm);
        }
        m.put("figures", figures);
        List<Object> curves = new ArrayList<>();
        for (Curve c : r.curves()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("figure", c.figure());
            cm.put("series", c.series());
            cm.put("x", c.x());
            cm.put("y", c.y());
            curves.add(cm);
        }
        m.put("curves", curves);
        m.put("charts", r.charts());
        m.put("weft_version", r.weftVersion());
        m.put("machine", r.machine().toJson());
        m.put("date", r.date());
        return m;
    }

    /** The stdout line of {@code --json}: the contract's fields and the metrics' added ones, no curves. */
    public static String jsonLine(Result r, Path resultFile) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> all = toJson(r);
        for (String k : List.of("repro", "quick", "seconds", "metrics", "pass", "seeds", "settings")) m.put(k, all.get(k));
        m.put("result_file", resultFile == null ? null : resultFile.toString());
        m.put("charts", r.charts());
        return Json.writeLine(m);
    }

    private static Map<String, Object> metric(MetricResult mr, boolean quick) {
        Claim c = mr.claim();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.metric());
        m.put("paper", c.paper());
        m.put("weft", mr.mean());
        m.put("unit", c.unit().symbol());
        m.put("higher_is_better", c.higherIsBetter());
        m.put("paper_spread", c.paperSpread());
        m.put("source", c.source());
        m.put("weft_std", mr.std());
        m.put("weft_values", mr.values());
        m.put("difference", mr.difference());
        m.put("target", c.target());
        m.put("quick_target", c.quickTarget());
        m.put("bound", c.bound(quick));
        m.put("verdict", mr.pass(quick) ? "pass" : "fail");
        return m;
    }

    private static Double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    public static void write(Result r, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.write(toJson(r)) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads a result file; an IllegalArgumentException when it is not one. */
    public static Result read(Path file) throws IOException {
        Object v = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (!(v instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException(file + " is not a Weft reproduction result (no \"format\": \"" + FORMAT + "\")");
        }
        return fromJson(m);
    }

    static Result fromJson(Map<?, ?> m) {
        boolean quick = (Boolean) m.get("quick");
        List<MetricResult> metrics = new ArrayList<>();
        for (Object o : (List<?>) m.get("metrics")) {
            Map<?, ?> mm = (Map<?, ?>) o;
            Claim c = new Claim((String) mm.get("name"), Unit.of((String) mm.get("unit")), (Boolean) mm.get("higher_is_better"),
                    num(mm.get("paper")), num(mm.get("paper_spread")), (String) mm.get("source"), num(mm.get("target")),
                    num(mm.get("quick_target")));
            metrics.add(new MetricResult(c, doubles(mm.get("weft_values"))));
        }
        Map<?, ?> p = (Map<?, ?>) m.get("paper");
        Paper paper = new Paper((String) p.get("title"), (String) p.get("authors"), ((Double) p.get("year")).intValue(),
                (String) p.get("venue"));
        List<Figure> figures = new ArrayList<>();
        for (Object o : (List<?>) m.get("figures")) {
            Map<?, ?> f = (Map<?, ?>) o;
            figures.add(new Figure((String) f.get("id"), (String) f.get("title"), (String) f.get("x_label"),
                    (String) f.get("y_label"), (Boolean) f.get("log_y"), (String) f.get("source")));
        }
        List<Curve> curves = new ArrayList<>();
        for (Object o : (List<?>) m.get("curves")) {
            Map<?, ?> c = (Map<?, ?>) o;
            curves.add(new Curve((String) c.get("figure"), (String) c.get("series"), doubles(c.get("x")), doubles(c.get("y"))));
        }
        List<Long> seeds = ((List<?>) m.get("seeds")).stream().map(s -> ((Double) s).longValue()).toList();
        List<String> charts = ((List<?>) m.get("charts")).stream().map(String.class::cast).toList();
        return new Result((String) m.get("repro"), (String) m.get("description"), paper, (String) m.get("protocol"),
                (String) m.get("quick_protocol"), quick, seeds, doubles(m.get("seconds_per_seed")), metrics, figures, curves,
                charts, (String) m.get("weft_version"), Machine.fromJson((Map<?, ?>) m.get("machine")), (String) m.get("date"), settings(m));
    }

    /** The settings of a result file, typed as "settings_types" says (an int back as Integer); none in older files. */
    private static Settings settings(Map<?, ?> m) {
        if (!(m.get("settings") instanceof Map<?, ?> values) || values.isEmpty()) return Settings.NONE;
        Map<?, ?> types = m.get("settings_types") instanceof Map<?, ?> t ? t : Map.of();
        Map<String, Object> v = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            Object x = e.getValue();
            if ("int".equals(types.get(e.getKey())) && x instanceof Double d) x = d.intValue();
            v.put((String) e.getKey(), x);
        }
        List<String> given = m.get("settings_given") instanceof List<?> g ? g.stream().map(String.class::cast).toList() : List.of();
        return new Settings((String) m.get("repro"), v, given);
    }

    private static double num(Object o) {
        return o == null ? Double.NaN : (Double) o;
    }

    private static List<Double> doubles(Object o) {
        return ((List<?>) o).stream().map(ResultFile::num).toList();
    }
}
