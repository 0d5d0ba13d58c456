package dev.weft.plot;

/**
 * One line of a {@link Chart}: its legend label, the points (x[i], y[i]), the {@link Charts#PALETTE} index of
 * its colour, and whether it is drawn dashed (a derived series, e.g. a GPU rate with its transfers counted).
 */
public record Series(String label, double[] x, double[] y, int color, boolean dashed) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Series " + label + ": " + x.length + " x values but " + y.length + " y values");
        }
        if (color < 0) throw new IllegalArgumentException("Series " + label + ": colour index " + color + " must be >= 0");
        x = x.clone();
        y = y.clone();
    }

    /** A solid series in palette colour {@code color}. */
    public static Series of(String label, double[] x, double[] y, int color) {
        return new Series(label, x, y, color, false);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
