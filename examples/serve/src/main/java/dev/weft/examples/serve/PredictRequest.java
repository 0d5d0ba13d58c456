package dev.weft.examples.serve;

import dev.weft.examples.serve.Json.JsonNumber;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The body of POST /v1/predict, checked against the model before anything runs:
 * {@code {"inputs": [example, ...]}} where each example is a nested array of the model's example shape
 * (a flat array of C numbers for an MLP taking (B, C)). Every number must be finite in F32. Any other
 * key, an empty batch, a ragged or mis-sized example is a {@link BadRequest} naming the place.
 *
 * @param values the examples flattened row-major, F32
 * @param batch  how many examples (B >= 1)
 */
record PredictRequest(float[] values, int batch) {
    /** A request the model cannot run: answered with 400 and this message. */
    static final class BadRequest extends IllegalArgumentException {
        BadRequest(String message) {
            super(message);
        }
    }

    /** Reads and checks {@code body} for a model whose examples have {@code exampleShape}. */
    static PredictRequest parse(byte[] body, int[] exampleShape, int maxBatch) {
        Object root;
        try {
            root = Json.parse(body);
        } catch (Json.JsonException e) {
            throw new BadRequest(e.getMessage());
        }
        if (!(root instanceof Map<?, ?> m)) throw new BadRequest("predict: the body must be a JSON object {\"inputs\": [...]}");
        for (Object k : m.keySet()) {
            if (!"inputs".equals(k)) throw new BadRequest("predict: unknown key \"" + k + "\" (the body takes only \"inputs\")");
        }
        if (!(m.get("inputs") instanceof List<?> inputs)) {
            throw new BadRequest("predict: \"inputs\" must be an array of examples, got " + describe(m.get("inputs")));
        }
        if (inputs.isEmpty()) throw new BadRequest("predict: \"inputs\" is an empty batch; send at least one example");
        if (inputs.size() > maxBatch) {
            throw new BadRequest("predict: batch of " + inputs.size() + " examples exceeds the limit " + maxBatch);
        }
        int size = 1;
        for (int d : exampleShape) size *= d;
        float[] values = new float[Math.multiplyExact(inputs.size(), size)];
        int[] at = {0};
        for (int i = 0; i < inputs.size(); i++) {
            fill(inputs.get(i), exampleShape, 0, "inputs[" + i + "]", values, at);
        }
        return new PredictRequest(values, inputs.size());
    }

    private static void fill(Object v, int[] shape, int dim, String path, float[] out, int[] at) {
        if (dim == shape.length) {
            if (!(v instanceof JsonNumber n)) throw new BadRequest("predict: " + path + " must be a number, got " + describe(v));
            float f = n.toFloat();
            if (!Float.isFinite(f)) {
                throw new BadRequest("predict: " + path + " = " + n.text() + " is not a finite F32 number");
            }
            out[at[0]++] = f;
            return;
        }
        if (!(v instanceof List<?> a)) {
            throw new BadRequest("predict: " + path + " must be an array of " + shape[dim] + expectedShape(shape) + ", got " + describe(v));
        }
        if (a.size() != shape[dim]) {
            throw new BadRequest("predict: " + path + " has length " + a.size() + ", expected " + shape[dim] + expectedShape(shape));
        }
        for (int i = 0; i < a.size(); i++) fill(a.get(i), shape, dim + 1, path + "[" + i + "]", out, at);
    }

    private static String expectedShape(int[] exampleShape) {
        StringBuilder sb = new StringBuilder(" (the model takes (B");
        for (int d : exampleShape) sb.append(", ").append(d);
        return sb.append("))").toString();
    }

    private static String describe(Object v) {
        if (v == null) return "nothing";
        if (v == Json.NULL) return "null";
        if (v instanceof JsonNumber n) return "the number " + n.text();
        if (v instanceof String) return "a string";
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof List<?> l) return "an array of length " + l.size();
        return "an object";
    }

    @Override
    public String toString() {
        return "PredictRequest(batch=" + batch + ", values=" + Arrays.toString(Arrays.copyOf(values, Math.min(8, values.length))) + "...)";
    }
}
