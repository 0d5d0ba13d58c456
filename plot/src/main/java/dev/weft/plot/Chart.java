package dev.weft.plot;

import java.util.List;

/**
 * What a line chart shows: title, axis labels and scales, the series in legend order, an optional dashed
 * horizontal reference line at {@code refY} (y = 1 on a fraction chart) and an optional dashed vertical marker
 * at {@code markX} with its label (a crossover); NaN for none. {@link ChartLayout} turns it into a {@link Drawing}.
 */
public record Chart(String title, String xLabel, String yLabel, Scale xScale, Scale yScale, List<Series> series,
                    double refY, double markX, String markLabel) {

    /**
     * How an axis maps values. LINEAR: ticks on 1, 2, 5 x 10^k over the data (x: the data's ends; y: out to the ticks
     * around it); LINEAR_FROM_ZERO: a linear y axis that starts at 0; LOG10: one tick per decade (values <= 0 left out);
     * LOG2: ticks at powers of two labelled 64, 1K, 1M (sizes; values <= 0 left out).
     */
    public enum Scale { LINEAR, LINEAR_FROM_ZERO, LOG10, LOG2 }

    public Chart {
        series = List.copyOf(series);
        if (markLabel == null) markLabel = "";
    }

    /** Linear axes, no reference line or marker. */
    public static Chart lines(String title, String xLabel, String yLabel, List<Series> series) {
        return new Chart(title, xLabel, yLabel, Scale.LINEAR, Scale.LINEAR, series, Double.NaN, Double.NaN, "");
    }

    public Chart withScales(Scale x, Scale y) {
        return new Chart(title, xLabel, yLabel, x, y, series, refY, markX, markLabel);
    }

    /** A dashed horizontal line at y. */
    public Chart withReference(double y) {
        return new Chart(title, xLabel, yLabel, xScale, yScale, series, y, markX, markLabel);
    }

    /** A dashed vertical line at x with a label beside it (NaN: none). */
    public Chart withMarker(double x, String label) {
        return new Chart(title, xLabel, yLabel, xScale, yScale, series, refY, x, label);
    }
}
