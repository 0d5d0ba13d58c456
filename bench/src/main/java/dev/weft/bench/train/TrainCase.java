package dev.weft.bench.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a train suite times: the JSON {@code case} name, a label for the human table ("784-256-128-10
 * Adam"), the shape fields its JSON lines carry (in order, after the common ones) and a factory that
 * builds the seeded model, optimizer and batch, so each thread count (and the first-steps run) starts
 * from the same state.
 */
record TrainCase(String caseName, String label, Map<String, Object> shape, Supplier<TrainStep> factory) {
    /** Shape fields in the order given: shape("seq_len", 50, "input", 32). */
    static Map<String, Object> shape(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}
