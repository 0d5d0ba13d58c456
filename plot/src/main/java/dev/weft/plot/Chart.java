package dev.weft.plot;

import java.util.List;

/**
 * What a line chart shows: title, axis labels and scales, the series in legend order, an optional dashed
 * horizontal reference line at {@code refY} (y = 1 on a fraction chart) and an optional dashed vertical marker
 * at {@code markX} with its label (a crossover); NaN for none. {@link ChartLayout} turns it into a {@link Drawing}.
 * A chart is immutable: the {@code with...} methods return a changed copy.
 *
 * @param title     the title, bold and centred above the plot
 * @param xLabel    the x axis' label, centred under its ticks
 * @param yLabel    the y axis' label, turned to read upwards left of its ticks
 * @param xScale    how the x axis maps values
 * @param yScale    how the y axis maps values
 * @param series    the lines, drawn and listed in the legend in this order (copied)
 * @param refY      the y value of a dashed horizontal reference line across the plot, or NaN for none; the y axis
 *                  grows to include it
 * @param markX     the x value of a dashed vertical marker (clamped to the plot's edges), or NaN for none
 * @param markLabel the text beside the marker, or empty (null becomes empty)
 */
public record Chart(String title, String xLabel, String yLabel, Scale xScale, Scale yScale, List<Series> series,
                    double refY, double markX, String markLabel) {

    /** How an axis maps values to positions, and where its ticks go. */
    public enum Scale {
        /** Linear, ticks on 1, 2 or 5 x 10^k over the data (x: the data's ends; y: out to the ticks around it). */
        LINEAR,
        /** Linear over the data and 0 (a y axis that starts at 0, or ends there when all values are negative). */
        LINEAR_FROM_ZERO,
        /** Base-10 logarithmic, one tick per decade (or per few decades); points with a value {@code <= 0} are left out. */
        LOG10,
        /**
         * Base-2 logarithmic for sizes, ticks at powers of two labelled "64", "1K", "1M"; points with a value
         * {@code <= 0} are left out.
         */
        LOG2
    }

    /** Copies the series list and turns a null marker label into an empty one. */
    public Chart {
        series = List.copyOf(series);
        if (markLabel == null) markLabel = "";
    }

    /**
     * A chart with linear axes and no reference line or marker.
     *
     * @param title  the title above the plot
     * @param xLabel the x axis' label
     * @param yLabel the y axis' label
     * @param series the lines, in legend order
     * @return the chart
     */
    public static Chart lines(String title, String xLabel, String yLabel, List<Series> series) {
        return new Chart(title, xLabel, yLabel, Scale.LINEAR, Scale.LINEAR, series, Double.NaN, Double.NaN, "");
    }

    /**
     * {@return this chart with other axis scales}
     *
     * @param x the x axis' scale
     * @param y the y axis' scale
     */
    public Chart withScales(Scale x, Scale y) {
        return new Chart(title, xLabel, yLabel, x, y, series, refY, markX, markLabel);
    }

    /**
     * {@return this chart with a dashed horizontal reference line at {@code y}}
     *
     * @param y the line's value on the y axis, in data units (NaN: none)
     */
    public Chart withReference(double y) {
        return new Chart(title, xLabel, yLabel, xScale, yScale, series, y, markX, markLabel);
    }

    /**
     * {@return this chart with a dashed vertical marker at {@code x} and a label beside it}
     *
     * @param x     the marker's value on the x axis, in data units (NaN: none)
     * @param label the text drawn right of the marker near the plot's bottom (empty or null: none)
     */
    public Chart withMarker(double x, String label) {
        return new Chart(title, xLabel, yLabel, xScale, yScale, series, refY, x, label);
    }
}
