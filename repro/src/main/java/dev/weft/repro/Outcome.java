package dev.weft.repro;

import java.util.List;
import java.util.Map;

/** What one run (one seed) of a reproduction returns: a value per claimed metric name, and its curves. */
public record Outcome(Map<String, Double> values, List<Curve> curves) {
    public Outcome {
        values = Map.copyOf(values);
        curves = List.copyOf(curves);
    }
}
