package dev.weft.repro;

import java.util.List;

/** One series of a {@link Figure}: points (x[i], y[i]) named {@code series}, e.g. "test error". */
public record Curve(String figure, String series, List<Double> x, List<Double> y) {
    public Curve {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException("Curve " + series + ": " + x.size() + " x values but " + y.size() + " y values");
        }
        x = List.copyOf(x);
        y = List.copyOf(y);
    }

    /** The same points under another series name (the harness adds the seed when it runs several). */
    public Curve renamed(String name) {
        return new Curve(figure, name, x, y);
    }
}
