package dev.weft.plot;

import java.awt.Color;
import java.util.List;

/**
 * A picture as a flat list of marks in pixel coordinates (origin top left, y down), which {@link PngChart}
 * paints with Java2D and {@link SvgChart} writes as SVG elements, so both files are the same picture.
 * Marks are painted in list order; a colour's alpha is its opacity in both files. The charts come from
 * {@link ChartLayout}; other pictures (the KAN network plot) build their own and write them with
 * {@link Charts#write(Drawing, java.nio.file.Path)}.
 *
 * @param width  the picture's width in pixels, at least 1
 * @param height the picture's height in pixels, at least 1
 * @param marks  what to draw, back to front (copied); marks may reach outside the picture, where they are cut off
 */
public record Drawing(int width, int height, List<Mark> marks) {
    /**
     * Checks the size and copies the marks.
     *
     * @throws IllegalArgumentException if {@code width} or {@code height} is below 1
     */
    public Drawing {
        if (width < 1 || height < 1) throw new IllegalArgumentException("Drawing: size " + width + " x " + height + " must be positive");
        marks = List.copyOf(marks);
    }

    /** Something drawn: a {@link Box}, {@link Line}, {@link Polyline}, {@link Circle} or {@link Text}. */
    public sealed interface Mark {}

    /**
     * A rectangle, filled when {@code fill} is non-null, outlined (1 px) when {@code stroke} is.
     *
     * @param x      the left edge, in pixels
     * @param y      the top edge, in pixels
     * @param w      the width, in pixels
     * @param h      the height, in pixels
     * @param fill   the fill colour, or null for none
     * @param stroke the outline colour, or null for none
     */
    public record Box(double x, double y, double w, double h, Color fill, Color stroke) implements Mark {}

    /**
     * A straight line of the given width, dashed (6 on, 4 off) when {@code dashed}.
     *
     * @param x1     the start's x, in pixels
     * @param y1     the start's y, in pixels
     * @param x2     the end's x, in pixels
     * @param y2     the end's y, in pixels
     * @param color  the line's colour
     * @param width  the stroke width, in pixels
     * @param dashed whether the line is dashed (6 px on, 4 px off) rather than solid
     */
    public record Line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) implements Mark {
        /**
         * A solid line.
         *
         * @param x1    the start's x, in pixels
         * @param y1    the start's y, in pixels
         * @param x2    the end's x, in pixels
         * @param y2    the end's y, in pixels
         * @param color the line's colour
         * @param width the stroke width, in pixels
         */
        public Line(double x1, double y1, double x2, double y2, Color color, double width) {
            this(x1, y1, x2, y2, color, width, false);
        }
    }

    /**
     * A series: joined points (x[i], y[i]), with a filled dot of radius {@code dot} on each when dot > 0, the line
     * dashed (7 on, 4 off) when {@code dashed}. The arrays are kept as given, neither copied nor checked: give
     * {@code x} and {@code y} the same length, at least 1.
     *
     * @param series the series' name (the SVG group's title)
     * @param x      the points' x, in pixels
     * @param y      the points' y, in pixels
     * @param color  the colour of the line and its dots
     * @param width  the stroke width, in pixels
     * @param dot    the radius of the dot on each point, in pixels; 0 for none
     * @param dashed whether the line is dashed (7 px on, 4 px off) rather than solid with round caps
     */
    public record Polyline(String series, double[] x, double[] y, Color color, double width, double dot, boolean dashed)
            implements Mark {
        /**
         * A solid series.
         *
         * @param series the series' name
         * @param x      the points' x, in pixels
         * @param y      the points' y, in pixels
         * @param color  the colour of the line and its dots
         * @param width  the stroke width, in pixels
         * @param dot    the radius of the dot on each point, in pixels; 0 for none
         */
        public Polyline(String series, double[] x, double[] y, Color color, double width, double dot) {
            this(series, x, y, color, width, dot, false);
        }
    }

    /**
     * A circle of radius r around (x, y), filled when {@code fill} is non-null, outlined (1 px) when {@code stroke} is.
     *
     * @param x      the centre's x, in pixels
     * @param y      the centre's y, in pixels
     * @param r      the radius, in pixels
     * @param fill   the fill colour, or null for none
     * @param stroke the outline colour, or null for none
     */
    public record Circle(double x, double y, double r, Color fill, Color stroke) implements Mark {}

    /** Where a text's anchor point lies along it. */
    public enum Anchor {
        /** The anchor is at the text's start: it runs right (or up, when vertical) from there. */
        START,
        /** The anchor is at the text's middle: it is centred there. */
        MIDDLE,
        /** The anchor is at the text's end: it runs up to there. */
        END
    }

    /**
     * A line of text with its baseline's anchor at (x, y), upright or turned a quarter left (reading upwards). Text is
     * set in sans-serif (Java2D's SansSerif in the PNG, the viewer's sans-serif in the SVG).
     *
     * @param text     the text, one line
     * @param x        the anchor's x, in pixels
     * @param y        the anchor's y (on the baseline), in pixels
     * @param size     the font size, in pixels
     * @param bold     whether the text is bold
     * @param anchor   which point of the text lies at (x, y)
     * @param vertical whether the text is turned a quarter turn anticlockwise about (x, y), reading upwards
     * @param color    the text's colour
     */
    public record Text(String text, double x, double y, double size, boolean bold, Anchor anchor, boolean vertical, Color color)
            implements Mark {}
}
