package dev.weft.plot;

import java.awt.Color;
import java.util.List;

/**
 * A picture as a flat list of marks in pixel coordinates (origin top left, y down), which {@link PngChart}
 * paints with Java2D and {@link SvgChart} writes as SVG elements, so both files are the same picture.
 * Marks are painted in list order; a colour's alpha is its opacity in both files. The charts come from
 * {@link ChartLayout}; other pictures (the KAN network plot) build their own and write them with
 * {@link Charts#write(Drawing, java.nio.file.Path)}.
 */
public record Drawing(int width, int height, List<Mark> marks) {
    public Drawing {
        if (width < 1 || height < 1) throw new IllegalArgumentException("Drawing: size " + width + " x " + height + " must be positive");
        marks = List.copyOf(marks);
    }

    /** Something drawn. */
    public sealed interface Mark {}

    /** A rectangle, filled when {@code fill} is non-null, outlined (1 px) when {@code stroke} is. */
    public record Box(double x, double y, double w, double h, Color fill, Color stroke) implements Mark {}

    /** A straight line of the given width, dashed (6 on, 4 off) when {@code dashed}. */
    public record Line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) implements Mark {
        /** A solid line. */
        public Line(double x1, double y1, double x2, double y2, Color color, double width) {
            this(x1, y1, x2, y2, color, width, false);
        }
    }

    /**
     * A series: joined points (x[i], y[i]), with a filled dot of radius {@code dot} on each when dot > 0, the line
     * dashed (7 on, 4 off) when {@code dashed}.
     */
    public record Polyline(String series, double[] x, double[] y, Color color, double width, double dot, boolean dashed)
            implements Mark {
        /** A solid series. */
        public Polyline(String series, double[] x, double[] y, Color color, double width, double dot) {
            this(series, x, y, color, width, dot, false);
        }
    }

    /** A circle of radius r around (x, y), filled when {@code fill} is non-null, outlined (1 px) when {@code stroke} is. */
    public record Circle(double x, double y, double r, Color fill, Color stroke) implements Mark {}

    /** Where a text's anchor point lies along it. */
    public enum Anchor { START, MIDDLE, END }

    /** A line of text with its baseline's anchor at (x, y), upright or turned a quarter left (reading upwards). */
    public record Text(String text, double x, double y, double size, boolean bold, Anchor anchor, boolean vertical, Color color)
            implements Mark {}
}
