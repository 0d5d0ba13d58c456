package dev.weft.repro.kan.plot;

import dev.weft.plot.Drawing;
import dev.weft.plot.Drawing.Anchor;
import dev.weft.plot.Drawing.Box;
import dev.weft.plot.Drawing.Circle;
import dev.weft.plot.Drawing.Line;
import dev.weft.plot.Drawing.Mark;
import dev.weft.plot.Drawing.Polyline;
import dev.weft.plot.Drawing.Text;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a KAN as pykan's MultKAN.plot() does, in pixels: node layer l on a row (inputs at the bottom, outputs on
 * top), the n_l nodes of a row at x = (1/(2 n_l) + i / n_l) W. Each layer is 0.4 W tall (pykan's y0 = 0.3 from a node
 * row to the sums, z0 = 0.1 from the sums to the next row). Edge i -> j of layer l (id = i n_{l+1} + j of N_l) has a
 * square box of half-size 0.4 W / max(N, 5) (N the most edges of any layer) centred at x = (1/(2 N_l) + id / N_l) W,
 * halfway up to the sums: a line from node i to the box's bottom, the activation curve inside, a line from its top to
 * the sum of node j, then a short line from that sum up to node j. Every part of an edge takes the edge's colour
 * (black spline, red symbolic, purple both) at opacity tanh(beta * score), pykan's score2alpha; a symbolic edge
 * writes its function's name in its box. Masked edges are absent from the edge list, so nothing of them is drawn.
 */
final class KanPlotLayout {
    private KanPlotLayout() {}

    static final Color NUMERIC = Color.BLACK, SYMBOLIC = new Color(0xFF0000), BOTH = new Color(0x800080);
    static final Color INK = new Color(0x333333);
    static final double LAYER = 0.4, TO_SUM = 0.3;

    static int autoWidth(int[] width) {
        return Math.clamp(64L * maxEdges(width), 480, 2400);
    }

    static Drawing layout(int[] width, List<KanEdge> edges, KanPlot.Options o) {
        int depth = width.length - 1, w = o.width() > 0 ? o.width() : autoWidth(width);
        int maxNodes = 0;
        for (int n : width) maxNodes = Math.max(maxNodes, n);
        double unit = w;                                                 // pykan's x axis [0, 1] spans the picture
        double half = LAYER / Math.max(maxEdges(width), 5) * unit;       // pykan's y1
        double r = Math.clamp(0.078 * unit / Math.max(maxNodes, 5), 2, 12);
        double titleH = o.title() == null ? 0 : 34, labelH = 26;
        double top = 10 + titleH + labelH, bottom = 10 + labelH;
        int h = (int) Math.ceil(top + depth * LAYER * unit + bottom);

        List<Mark> marks = new ArrayList<>();
        marks.add(new Box(0, 0, w, h, Color.WHITE, null));
        if (o.title() != null) marks.add(new Text(o.title(), w / 2.0, 10 + 20, 15, true, Anchor.MIDDLE, false, Color.BLACK));
        // y of a height (in units of W) above the input row
        java.util.function.DoubleUnaryOperator py = v -> top + (depth * LAYER - v) * unit;

        for (KanEdge e : edges) {
            int nIn = width[e.layer()], nOut = width[e.layer() + 1], n = nIn * nOut, id = e.in() * nOut + e.out();
            double base = e.layer() * LAYER;
            double x0 = nodeX(e.in(), nIn, unit), x1 = nodeX(e.out(), nOut, unit), cx = nodeX(id, n, unit);
            double cy = py.applyAsDouble(base + TO_SUM / 2), ySum = py.applyAsDouble(base + TO_SUM);
            Color c = colour(e, o.beta());
            double lw = 1.5;
            marks.add(new Line(x0, py.applyAsDouble(base), cx, cy + half, c, lw));
            marks.add(new Line(cx, cy - half, x1, ySum, c, lw));
            marks.add(new Box(cx - half, cy - half, 2 * half, 2 * half, null, c));
            Polyline curve = curve(e, cx - half, cy - half, 2 * half, c);
            if (curve != null) marks.add(curve);
            if (e.function() != null) {
                double fs = Math.clamp(0.2 * 2 * half, 7, 12);
                marks.add(new Text(e.function(), cx - half + 2, cy - half + fs + 1, fs, false, Anchor.START, false, c));
            }
        }
        // sums (small open circles) joined to the node above them, then the nodes themselves
        for (int l = 0; l < depth; l++) {
            for (int j = 0; j < width[l + 1]; j++) {
                double x = nodeX(j, width[l + 1], unit), ySum = py.applyAsDouble(l * LAYER + TO_SUM), yNode = py.applyAsDouble((l + 1) * LAYER);
                marks.add(new Line(x, ySum, x, yNode, NUMERIC, 1.5));
                marks.add(new Circle(x, ySum, 0.5 * r, Color.WHITE, NUMERIC));
            }
        }
        for (int l = 0; l <= depth; l++) {
            for (int i = 0; i < width[l]; i++) marks.add(new Circle(nodeX(i, width[l], unit), py.applyAsDouble(l * LAYER), r, NUMERIC, null));
        }
        List<String> in = o.inVars() != null ? o.inVars() : names("x_", width[0]), out = o.outVars() != null ? o.outVars() : names("y_", width[depth]);
        for (int i = 0; i < width[0]; i++) {
            marks.add(new Text(in.get(i), nodeX(i, width[0], unit), py.applyAsDouble(0) + r + 16, 13, false, Anchor.MIDDLE, false, INK));
        }
        for (int j = 0; j < width[depth]; j++) {
            marks.add(new Text(out.get(j), nodeX(j, width[depth], unit), py.applyAsDouble(depth * LAYER) - r - 8, 13, false, Anchor.MIDDLE,
                    false, INK));
        }
        return new Drawing(w, h, marks);
    }

    /** The curve of e drawn in the box (left, top, size): x over its range, y over [min, max] (a flat curve mid-box), 10% padding. */
    static Polyline curve(KanEdge e, double left, double top, double size, Color c) {
        double[] x = e.x(), y = e.y();
        List<double[]> pts = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < x.length; p++) {
            if (!Double.isFinite(y[p])) continue;                        // outside a symbolic function's domain (sqrt, log)
            pts.add(new double[] {x[p], y[p]});
            lo = Math.min(lo, y[p]);
            hi = Math.max(hi, y[p]);
        }
        if (pts.size() < 2) return null;
        double pad = 0.1 * size, inner = size - 2 * pad, x0 = x[0], xSpan = x[x.length - 1] - x[0];
        boolean flat = !(hi - lo > 1e-12 * Math.max(1, Math.abs(hi)));
        double[] px = new double[pts.size()], pyv = new double[pts.size()];
        for (int p = 0; p < pts.size(); p++) {
            px[p] = left + pad + (xSpan > 0 ? (pts.get(p)[0] - x0) / xSpan : 0.5) * inner;
            pyv[p] = top + pad + (flat ? 0.5 : (hi - pts.get(p)[1]) / (hi - lo)) * inner;
        }
        return new Polyline(e.label(), px, pyv, c, Math.clamp(size / 32, 1, 3), 0);
    }

    /** The edge's colour at opacity tanh(beta * score). */
    static Color colour(KanEdge e, double beta) {
        Color c = switch (e.kind()) {
            case NUMERIC -> NUMERIC;
            case SYMBOLIC -> SYMBOLIC;
            case BOTH -> BOTH;
        };
        int alpha = (int) Math.round(255 * Math.clamp(Math.tanh(beta * e.score()), 0, 1));
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static double nodeX(int i, int n, double unit) {
        return (1.0 / (2 * n) + (double) i / n) * unit;
    }

    static int maxEdges(int[] width) {
        int m = 0;
        for (int l = 0; l + 1 < width.length; l++) m = Math.max(m, width[l] * width[l + 1]);
        return m;
    }

    private static List<String> names(String prefix, int n) {
        List<String> v = new ArrayList<>();
        for (int i = 1; i <= n; i++) v.add(prefix + i);
        return v;
    }
}
