package dev.weft.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart painted with Java2D (headless): x a size on a log2 axis (ticks at powers of two, labelled
 * 64, 1K, 1M), y linear from 0 (log10 when the values span more than {@link #LOG_Y_RATIO} and no reference
 * line is drawn; points at y = 0 are then left out), one line with dots per series in colour-blind-safe (Okabe-Ito) colours,
 * dashed where a series is derived, a legend to the right, an optional dashed reference line across
 * (y = 1 on a fraction chart) and an optional vertical marker (the GPU crossover). Points whose x or y
 * is not finite and positive (y >= 0) are left out.
 */
final class LineChart {
    private LineChart() {}

    static final int WIDTH = 860, HEIGHT = 440;
    static final double LOG_Y_RATIO = 30;
    private static final int LEFT = 70, RIGHT = 250, TOP = 40, BOTTOM = 60;
    private static final Color INK = new Color(0x333333), GRID = new Color(0xDDDDDD), FRAME = new Color(0x888888);
    static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000));

    static {
        System.setProperty("java.awt.headless", "true");   // before the first font or image is made
    }

    /** One series: its legend label, points (x[i], y[i]), the palette colour index, dashed if derived. */
    record Line(String label, double[] x, double[] y, int color, boolean dashed) {}

    /** The chart as an RGB image of {@link #WIDTH} x {@link #HEIGHT}; {@code refY}, {@code markX}: NaN for none. */
    static BufferedImage draw(String title, String xLabel, String yLabel, List<Line> lines, double refY, double markX, String markLabel) {
        double xMin = Double.POSITIVE_INFINITY, xMax = 0, yMin = Double.POSITIVE_INFINITY, yMax = Double.isFinite(refY) ? refY : 0;
        for (Line l : lines) {
            for (int i = 0; i < l.x().length; i++) {
                if (!kept(l, i)) continue;
                xMin = Math.min(xMin, l.x()[i]);
                xMax = Math.max(xMax, l.x()[i]);
                yMax = Math.max(yMax, l.y()[i]);
                if (l.y()[i] > 0) yMin = Math.min(yMin, l.y()[i]);
            }
        }
        if (xMax == 0) { xMin = 1; xMax = 2; }
        if (yMin == Double.POSITIVE_INFINITY) yMin = 1;
        int e0 = (int) Math.floor(log2(xMin) + 1e-9), e1 = (int) Math.ceil(log2(xMax) - 1e-9);
        if (e0 == e1) { e0--; e1++; }
        int every = Math.max(1, (e1 - e0 + 7) / 8);
        // y: linear from 0, or log10 (decade ticks) when the series span more than LOG_Y_RATIO (a GPU 100x the CPU)
        boolean logY = !Double.isFinite(refY) && yMax > 0 && yMax / yMin > LOG_Y_RATIO;
        List<Double> yTicks = new ArrayList<>();
        double yLo, yHi;
        if (logY) {
            int d0 = (int) Math.floor(Math.log10(yMin) + 1e-9), d1 = (int) Math.ceil(Math.log10(yMax) - 1e-9);
            yLo = Math.pow(10, d0);
            yHi = Math.pow(10, d1);
            for (int d = d0; d <= d1; d++) yTicks.add(Math.pow(10, d));
        } else {
            double step = niceCeiling(yMax > 0 ? yMax / 5 : 0.2);
            yLo = 0;
            yHi = Math.ceil(yMax * 1.02 / step - 1e-9) * step;
            if (yHi <= 0) yHi = step;
            for (int i = 0; i * step <= yHi * (1 + 1e-12); i++) yTicks.add(i * step);
        }
        double yStep = logY ? 1 : yTicks.get(1) - yTicks.get(0);
        double pw = WIDTH - LEFT - RIGHT, ph = HEIGHT - TOP - BOTTOM;
        final int a = e0, b = e1;
        final double lo = yLo, hi = yHi;
        java.util.function.DoubleUnaryOperator px = x -> LEFT + (log2(x) - a) / (b - a) * pw;
        java.util.function.DoubleUnaryOperator py = logY
                ? y -> TOP + ph - (Math.log10(y) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * ph
                : y -> TOP + ph - y / hi * ph;

        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(font(15, true));
            g.setColor(Color.BLACK);
            text(g, title, LEFT + pw / 2, 24, 0.5);
            g.setFont(font(11, false));
            g.setStroke(new BasicStroke(1f));
            for (int e = e0; e <= e1; e += every) {
                double x = px.applyAsDouble(Math.pow(2, e));
                g.setColor(GRID);
                g.draw(new Line2D.Double(x, TOP, x, TOP + ph));
                g.setColor(INK);
                text(g, sizeLabel(Math.pow(2, e)), x, TOP + ph + 16, 0.5);
            }
            for (double v : yTicks) {
                double y = py.applyAsDouble(v);
                g.setColor(GRID);
                g.draw(new Line2D.Double(LEFT, y, LEFT + pw, y));
                g.setColor(INK);
                text(g, logY ? decade(v) : number(v, yStep), LEFT - 6, y + 4, 1);
            }
            g.setColor(FRAME);
            g.draw(new java.awt.geom.Rectangle2D.Double(LEFT, TOP, pw, ph));
            g.setFont(font(12, false));
            g.setColor(INK);
            text(g, xLabel + " (log scale)", LEFT + pw / 2, HEIGHT - 18, 0.5);
            AffineTransform saved = g.getTransform();
            g.translate(18, TOP + ph / 2);
            g.rotate(-Math.PI / 2);
            text(g, yLabel + (logY ? " (log scale)" : ""), 0, 0, 0.5);
            g.setTransform(saved);

            BasicStroke dash = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
            if (Double.isFinite(refY)) {
                g.setColor(FRAME);
                g.setStroke(dash);
                g.draw(new Line2D.Double(LEFT, py.applyAsDouble(refY), LEFT + pw, py.applyAsDouble(refY)));
            }
            if (Double.isFinite(markX) && markX > 0) {
                double x = Math.max(LEFT, Math.min(LEFT + pw, px.applyAsDouble(markX)));
                g.setColor(new Color(0x555555));
                g.setStroke(dash);
                g.draw(new Line2D.Double(x, TOP, x, TOP + ph));
                g.setFont(font(11, false));
                text(g, markLabel, x + 4, TOP + ph - 8, 0);
            }
            for (Line l : lines) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < l.x().length; i++) if (kept(l, i) && (!logY || l.y()[i] > 0)) pts.add(new double[] {px.applyAsDouble(l.x()[i]), py.applyAsDouble(l.y()[i])});
                if (pts.isEmpty()) continue;
                g.setColor(PALETTE.get(l.color() % PALETTE.size()));
                g.setStroke(l.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 4f}, 0f)
                        : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D.Double path = new Path2D.Double();
                path.moveTo(pts.getFirst()[0], pts.getFirst()[1]);
                for (double[] p : pts) path.lineTo(p[0], p[1]);
                g.draw(path);
                for (double[] p : pts) g.fill(new Ellipse2D.Double(p[0] - 3, p[1] - 3, 6, 6));
            }
            g.setFont(font(11, false));
            double ly = TOP + 10;
            for (Line l : lines) {
                double lx = LEFT + pw + 14;
                g.setColor(PALETTE.get(l.color() % PALETTE.size()));
                g.setStroke(l.dashed() ? dash : new BasicStroke(2f));
                g.draw(new Line2D.Double(lx, ly - 4, lx + 22, ly - 4));
                g.setColor(INK);
                text(g, l.label(), lx + 28, ly, 0);
                ly += 18;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static boolean kept(Line l, int i) {
        double x = l.x()[i], y = l.y()[i];
        return Double.isFinite(x) && x > 0 && Double.isFinite(y) && y >= 0;
    }

    /** "0.01", "1", "10000" for decades 1e-3..1e5, else "1e6". */
    private static String decade(double v) {
        int e = (int) Math.round(Math.log10(v));
        return e >= -3 && e <= 5 ? java.math.BigDecimal.ONE.scaleByPowerOfTen(e).toPlainString() : "1e" + e;
    }

    /** Draws s with its baseline at y, its anchor at x: 0 start, 0.5 middle, 1 end. */
    private static void text(Graphics2D g, String s, double x, double y, double anchor) {
        double w = g.getFont().getStringBounds(s, g.getFontRenderContext()).getWidth();
        g.drawString(s, (float) (x - anchor * w), (float) y);
    }

    private static Font font(float size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code v} (> 0). */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= v * (1 - 1e-12)) return m * p;
        return 10 * p;
    }

    /** "64", "1K", "256K", "16M" for powers of two (binary K/M/G); other sizes as plain integers or decimals. */
    static String sizeLabel(double v) {
        long n = Math.round(v);
        if (n != v) return String.format(Locale.ROOT, "%.3g", v);
        if (n >= 1L << 30 && n % (1L << 30) == 0) return (n >> 30) + "G";
        if (n >= 1L << 20 && n % (1L << 20) == 0) return (n >> 20) + "M";
        if (n >= 1L << 10 && n % (1L << 10) == 0) return (n >> 10) + "K";
        return Long.toString(n);
    }

    /** A tick value with as many decimals as the step needs (step 0.25 -> 2, step 50 -> 0). */
    private static String number(double v, double step) {
        int decimals = Math.max(0, new java.math.BigDecimal(step, new java.math.MathContext(12)).stripTrailingZeros().scale());
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
