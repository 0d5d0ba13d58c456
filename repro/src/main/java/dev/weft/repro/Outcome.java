package dev.weft.repro;

import java.util.List;
import java.util.Map;

/**
 * What one run (one seed) of a reproduction returns: a value per claimed metric name, its curves, and the names of
 * the files it wrote itself into {@link RunContext#out} (relative to that folder; they are listed with the charts).
 */
public record Outcome(Map<String, Double> values, List<Curve> curves, List<String> files) {
    public Outcome {
        values = Map.copyOf(values);
        curves = List.copyOf(curves);
        files = List.copyOf(files);
    }

    /** An outcome that wrote no files of its own. */
    public Outcome(Map<String, Double> values, List<Curve> curves) {
        this(values, curves, List.of());
    }
}
