package dev.weft.examples.serve;

import dev.weft.nn.io.JsonStrings;

/** The JSON bodies the server writes: predictions (nested by shape, shortest round-trip F32 text) and errors. */
final class Responses {
    private Responses() {}

    /**
     * {@code {"outputs": [[...], ...], "shape": [B, ...]}}; each value printed by Float.toString, which
     * Float.parseFloat reads back to the same bits. Null if a value is not finite (JSON cannot carry it).
     */
    static String prediction(ServedModel.Prediction p) {
        float[] v = p.values();
        for (float f : v) {
            if (!Float.isFinite(f)) return null;
        }
        StringBuilder sb = new StringBuilder(v.length * 12 + 64).append("{\"outputs\":");
        nest(sb, v, p.shape(), 0, new int[] {0});
        sb.append(",\"shape\":").append(intArray(p.shape()));
        return sb.append('}').toString();
    }

    private static void nest(StringBuilder sb, float[] v, int[] shape, int dim, int[] at) {
        if (dim == shape.length) {
            sb.append(Float.toString(v[at[0]++]));
            return;
        }
        sb.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) sb.append(',');
            nest(sb, v, shape, dim + 1, at);
        }
        sb.append(']');
    }

    static String intArray(int[] a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(a[i]);
        }
        return sb.append(']').toString();
    }

    /** {@code {"error": {"status": 400, "message": "..."}}}. */
    static String error(int status, String message) {
        StringBuilder sb = new StringBuilder("{\"error\":{\"status\":").append(status).append(",\"message\":");
        JsonStrings.quote(sb, message);
        return sb.append("}}").toString();
    }

    /** {@code {"status":"ok","model":{...}}} for GET /health. */
    static String health(ServedModel model, int threads, long maxBody) {
        StringBuilder sb = new StringBuilder("{\"status\":\"ok\",\"model\":{\"kind\":");
        JsonStrings.quote(sb, model.kind());
        sb.append(",\"description\":");
        JsonStrings.quote(sb, model.description());
        sb.append(",\"example_shape\":").append(intArray(model.exampleShape()));
        sb.append(",\"parameters\":").append(model.parameterCount()).append('}');
        sb.append(",\"threads\":").append(threads).append(",\"max_body_bytes\":").append(maxBody);
        return sb.append('}').toString();
    }
}
