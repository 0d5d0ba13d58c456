package dev.weft.plot;

/**
 * One line of a {@link Chart}: its legend label, the points (x[i], y[i]), the {@link Charts#PALETTE} index of
 * its colour, and whether it is drawn dashed (a derived series, e.g. a GPU rate with its transfers counted).
 * The arrays are copied in and out, so a series never changes. Points whose x or y is not finite (or not positive
 * on a log axis) are kept here and left out when the chart is drawn.
 *
 * @param label  the name shown in the legend (and as the SVG group's title)
 * @param x      the points' x values, in data units
 * @param y      the points' y values, in data units, as many as {@code x}
 * @param color  the index into {@link Charts#PALETTE}, taken modulo its size, at least 0
 * @param dashed whether the line (and its legend swatch) is dashed
 */
public record Series(String label, double[] x, double[] y, int color, boolean dashed) {
    /**
     * Checks the lengths and the colour index, and copies the arrays.
     *
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length or {@code color} is negative
     */
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Series " + label + ": " + x.length + " x values but " + y.length + " y values");
        }
        if (color < 0) throw new IllegalArgumentException("Series " + label + ": colour index " + color + " must be >= 0");
        x = x.clone();
        y = y.clone();
    }

    /**
     * A solid series in palette colour {@code color}.
     *
     * @param label the name shown in the legend
     * @param x     the points' x values
     * @param y     the points' y values, as many as {@code x}
     * @param color the index into {@link Charts#PALETTE}, at least 0
     * @return the series
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length or {@code color} is negative
     */
    public static Series of(String label, double[] x, double[] y, int color) {
        return new Series(label, x, y, color, false);
    }

    /** {@return a copy of the points' x values} */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** {@return a copy of the points' y values} */
    @Override
    public double[] y() {
        return y.clone();
    }
}
