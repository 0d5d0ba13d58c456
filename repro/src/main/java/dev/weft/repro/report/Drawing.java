package dev.weft.repro.report;

import java.awt.Color;
import java.util.List;

/**
 * A chart as a flat list of marks in pixel coordinates (origin top left, y down), which {@link PngChart}
 * paints with Java2D and {@link SvgChart} writes as SVG elements, so both files are the same picture.
 * Marks are painted in list order.
 */
record Drawing(int width, int height, List<Mark> marks) {
    Drawing {
        marks = List.copyOf(marks);
    }

    /** Something drawn. */
    sealed interface Mark {}

    /** A rectangle, filled when {@code fill} is non-null, outlined when {@code stroke} is. */
    record Box(double x, double y, double w, double h, Color fill, Color stroke) implements Mark {}

    /** A straight line of the given width. */
    record Line(double x1, double y1, double x2, double y2, Color color, double width) implements Mark {}

    /** A series: joined points (x[i], y[i]), with a filled dot of radius {@code dot} on each when dot > 0. */
    record Polyline(String series, double[] x, double[] y, Color color, double width, double dot) implements Mark {}

    /** Where a text's anchor point lies along it. */
    enum Anchor { START, MIDDLE, END }

    /** A line of text with its baseline's anchor at (x, y), upright or turned a quarter left (reading upwards). */
    record Text(String text, double x, double y, double size, boolean bold, Anchor anchor, boolean vertical, Color color)
            implements Mark {}
}
