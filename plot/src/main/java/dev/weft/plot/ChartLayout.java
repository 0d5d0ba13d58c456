package dev.weft.plot;

import dev.weft.plot.Drawing.Anchor;
import dev.weft.plot.Drawing.Box;
import dev.weft.plot.Drawing.Line;
import dev.weft.plot.Drawing.Mark;
import dev.weft.plot.Drawing.Polyline;
import dev.weft.plot.Drawing.Text;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a {@link Chart}: title on top, y axis (linear, linear from 0, log10 or log2) on the left with its label
 * turned upwards, x axis below, a light grid at the ticks, one polyline per series in its palette colour (dashed
 * where the series says so; dots on the points when a series has at most {@link #MAX_DOTS}), the dashed reference
 * line and marker when the chart has them, and a legend under the plot naming every series, empty ones included.
 * Points whose x or y is not finite, or not positive on a log axis, are left out (the line joins their
 * neighbours). Text widths are measured with Java2D's SansSerif.
 */
public final class ChartLayout {
    private ChartLayout() {}

    static final int MAX_DOTS = 60;
    static final double TITLE = 16, LABEL = 12, TICK = 11;
    private static final Color INK = new Color(0x333333), GRID = new Color(0xDDDDDD), FRAME = new Color(0x888888),
            MARKER = new Color(0x555555);

    /**
     * Lays out {@code chart} in a picture of the given size. Axis ranges come from the finite points of all series
     * (and the reference line); with no such points an axis spans [0, 1] (log10: [0.1, 1], log2: [1, 2]).
     *
     * @param chart  the chart
     * @param width  the picture's width in pixels
     * @param height the picture's height in pixels; the plot area gets what the title, the x axis and the
     *               legend leave (height - 120 with one legend row)
     * @return the drawing, its marks back to front: background, title, grid and ticks, frame, axis labels, series,
     *         reference line, marker, legend
     * @throws IllegalArgumentException if {@code width} or {@code height} is below 1
     */
    public static Drawing layout(Chart chart, int width, int height) {
        List<Series> own = chart.series();
        boolean logX = chart.xScale() == Chart.Scale.LOG10 || chart.xScale() == Chart.Scale.LOG2;
        boolean logY = chart.yScale() == Chart.Scale.LOG10 || chart.yScale() == Chart.Scale.LOG2;
        List<double[][]> points = new ArrayList<>();
        double xMin = Double.NaN, xMax = Double.NaN, yMin = Double.NaN, yMax = Double.NaN;
        for (Series c : own) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            double[] cx = c.x(), cy = c.y();
            for (int i = 0; i < cx.length; i++) {
                double x = cx[i], y = cy[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || (logY && y <= 0) || (logX && x <= 0)) continue;
                xs.add(x);
                ys.add(y);
                xMin = Double.isNaN(xMin) ? x : Math.min(xMin, x);
                xMax = Double.isNaN(xMax) ? x : Math.max(xMax, x);
                yMin = Double.isNaN(yMin) ? y : Math.min(yMin, y);
                yMax = Double.isNaN(yMax) ? y : Math.max(yMax, y);
            }
            points.add(new double[][] {unbox(xs), unbox(ys)});
        }
        if (Double.isFinite(chart.refY()) && !(logY && chart.refY() <= 0)) {
            yMin = Double.isNaN(yMin) ? chart.refY() : Math.min(yMin, chart.refY());
            yMax = Double.isNaN(yMax) ? chart.refY() : Math.max(yMax, chart.refY());
        }
        Axis xAxis = axis(chart.xScale(), xMin, xMax, false);
        Axis yAxis = axis(chart.yScale(), yMin, yMax, true);

        // The legend's rows, from the bottom up: entries flow left to right and wrap at the chart's width.
        double swatch = 22, gap = 18, rowH = 18, margin = 16;
        List<List<Integer>> rows = new ArrayList<>();
        List<Double> rowWidths = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            double w = swatch + 6 + width(own.get(i).label(), LABEL, false);
            if (rows.isEmpty() || rowWidths.getLast() + gap + w > width - 2 * margin) {
                rows.add(new ArrayList<>());
                rowWidths.add(-gap);
            }
            rows.getLast().add(i);
            rowWidths.set(rowWidths.size() - 1, rowWidths.getLast() + gap + w);
        }
        double yLabelW = 0;
        for (Axis.Tick t : yAxis.ticks()) yLabelW = Math.max(yLabelW, width(t.label(), TICK, false));
        double left = margin + LABEL + 10 + yLabelW + 6, right = width - 24, top = 44;
        double bottom = height - margin - rows.size() * rowH - 2 * LABEL - 18;
        double pw = right - left, ph = bottom - top;

        List<Mark> marks = new ArrayList<>();
        marks.add(new Box(0, 0, width, height, Color.WHITE, null));
        marks.add(new Text(chart.title(), width / 2.0, 26, TITLE, true, Anchor.MIDDLE, false, Color.BLACK));
        for (Axis.Tick t : xAxis.ticks()) {
            double x = left + xAxis.fraction(t.value()) * pw;
            marks.add(new Line(x, top, x, bottom, GRID, 1));
            marks.add(new Line(x, bottom, x, bottom + 4, FRAME, 1));
            marks.add(new Text(t.label(), x, bottom + 6 + TICK, TICK, false, Anchor.MIDDLE, false, INK));
        }
        for (Axis.Tick t : yAxis.ticks()) {
            double y = bottom - yAxis.fraction(t.value()) * ph;
            marks.add(new Line(left, y, right, y, GRID, 1));
            marks.add(new Line(left - 4, y, left, y, FRAME, 1));
            marks.add(new Text(t.label(), left - 6, y + TICK * 0.35, TICK, false, Anchor.END, false, INK));
        }
        marks.add(new Box(left, top, pw, ph, null, FRAME));
        marks.add(new Text(chart.xLabel(), left + pw / 2, bottom + 10 + TICK + LABEL + 4, LABEL, false, Anchor.MIDDLE, false, INK));
        marks.add(new Text(chart.yLabel(), margin + LABEL, top + ph / 2, LABEL, false, Anchor.MIDDLE, true, INK));

        for (int i = 0; i < own.size(); i++) {
            double[] xs = points.get(i)[0], ys = points.get(i)[1];
            if (xs.length == 0) continue;
            double[] px = new double[xs.length], py = new double[ys.length];
            for (int j = 0; j < xs.length; j++) {
                px[j] = left + xAxis.fraction(xs[j]) * pw;
                py[j] = bottom - yAxis.fraction(ys[j]) * ph;
            }
            Series c = own.get(i);
            marks.add(new Polyline(c.label(), px, py, color(c.color()), 2, xs.length <= MAX_DOTS ? 3 : 0, c.dashed()));
        }
        if (Double.isFinite(chart.refY()) && !(logY && chart.refY() <= 0)) {
            double y = bottom - yAxis.fraction(chart.refY()) * ph;
            marks.add(new Line(left, y, right, y, FRAME, 1.5, true));
        }
        if (Double.isFinite(chart.markX()) && !(logX && chart.markX() <= 0)) {
            double x = Math.clamp(left + xAxis.fraction(chart.markX()) * pw, left, right);
            marks.add(new Line(x, top, x, bottom, MARKER, 1.5, true));
            if (!chart.markLabel().isEmpty()) {
                marks.add(new Text(chart.markLabel(), x + 4, bottom - 8, TICK, false, Anchor.START, false, MARKER));
            }
        }

        double rowY = height - margin - (rows.size() - 1) * rowH;
        for (int r = 0; r < rows.size(); r++, rowY += rowH) {
            double x = (width - rowWidths.get(r)) / 2;
            for (int i : rows.get(r)) {
                double mid = rowY - LABEL * 0.35;
                marks.add(new Line(x, mid, x + swatch, mid, color(own.get(i).color()), 2, own.get(i).dashed()));
                marks.add(new Text(own.get(i).label(), x + swatch + 6, rowY, LABEL, false, Anchor.START, false, INK));
                x += swatch + 6 + width(own.get(i).label(), LABEL, false) + gap;
            }
        }
        return new Drawing(width, height, marks);
    }

    /** The axis of this scale over the data range [min, max] (NaNs when there is none); {@code loose}: the y axis. */
    static Axis axis(Chart.Scale scale, double min, double max, boolean loose) {
        return switch (scale) {
            case LINEAR -> Axis.linear(min, max, loose);
            case LINEAR_FROM_ZERO -> Axis.linear(Double.isNaN(min) ? 0 : Math.min(0, min), Double.isNaN(max) ? 1 : Math.max(max, 0), loose);
            case LOG10 -> Axis.log(min, max);
            case LOG2 -> Axis.log2(min, max);
        };
    }

    /**
     * {@return the colour of palette index {@code i}, repeating {@link Charts#PALETTE} beyond its end}
     *
     * @param i the colour index, at least 0
     */
    public static Color color(int i) {
        return Charts.PALETTE.get(i % Charts.PALETTE.size());
    }

    /** The Java2D font of a text mark. */
    static Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    /** The width of {@code s} in pixels at this size (SVG viewers use their own sans-serif, close to it). */
    static double width(String s, double size, boolean bold) {
        return font(size, bold).getStringBounds(s, FRC).getWidth();
    }

    /** Antialiased, fractional metrics: what {@link PngChart} paints with. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static double[] unbox(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        return a;
    }
}
