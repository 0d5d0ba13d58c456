package dev.weft.bench;

import dev.weft.nn.io.JsonStrings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code --json} result line: fields in insertion order, e.g.
 * {"suite":"gemm","case":"square","impl":"simd","threads":1,"device":"cpu","m":512,...,"gflops":91.2}.
 * Metric keys name their unit: gflops, gbps, ms, steps_per_s, epochs_per_s, us_per_op, first_10_s (seconds), bytes_per_step.
 */
public final class JsonLine {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public static JsonLine of(String suite, String caseName, String impl, int threads, String device) {
        return new JsonLine().put("suite", suite).put("case", caseName).put("impl", impl)
                .put("threads", threads).put("device", device);
    }

    public JsonLine put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            JsonStrings.quote(sb, e.getKey());
            sb.append(':');
            Object v = e.getValue();
            if (v == null) sb.append("null");
            else if (v instanceof Double d) sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null");
            else if (v instanceof Float f) sb.append(Float.isFinite(f) ? String.format(Locale.ROOT, "%.6g", f) : "null");
            else if (v instanceof Number || v instanceof Boolean) sb.append(v);
            else JsonStrings.quote(sb, v.toString());
        }
        return sb.append('}').toString();
    }
}
