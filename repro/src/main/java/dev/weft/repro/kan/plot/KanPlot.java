package dev.weft.repro.kan.plot;

import dev.weft.nn.kan.KAN;
import dev.weft.plot.Charts;
import dev.weft.plot.Drawing;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The network plot of a KAN (pykan's MultKAN.plot): nodes per layer, each edge's activation curve in a small box on
 * the edge, opacity tanh(beta * score) from the edges' attribution scores, symbolic edges in red with their function's
 * name (purple when spline and symbolic are both on), masked edges left out. Written as PNG and SVG with the JDK's
 * own imaging ({@link Charts#write(Drawing, Path)}: Java2D + ImageIO, headless; the SVG as text), the same picture in
 * both. Layout: {@link KanPlotLayout}; what is drawn: {@link KanEdges}.
 *
 * <pre>
 *   KanPlot.write(model, xTrain, Path.of("out/kan"), KanPlot.options().title("exp(sin(pi x) + y^2)"));  // out/kan.png, .svg
 * </pre>
 */
public final class KanPlot {
    private KanPlot() {}

    /** Defaults as pykan's plot(): beta 3, no title, inputs x_1 .. x_n, outputs y_1 .. y_m. */
    public static Options options() {
        return new Options();
    }

    /** The picture of model; samples (B, n_0) set the scores and curve ranges, or null for none (see {@link KanEdges}). */
    public static Drawing drawing(KAN model, Tensor samples, Options o) {
        int[] width = model.width();
        check("inVars", o.inVars, width[0]);
        check("outVars", o.outVars, width[width.length - 1]);
        int points = o.points > 0 ? o.points : autoPoints(width);
        return KanPlotLayout.layout(width, KanEdges.of(model, samples, points), o);
    }

    /** Writes {@code base}.png and {@code base}.svg; returns both paths. */
    public static List<Path> write(KAN model, Tensor samples, Path base, Options o) throws IOException {
        return Charts.write(drawing(model, samples, o), base);
    }

    /** Points per curve: 64, fewer for big models (at least 8), so the SVG holds at most about 10^5 points. */
    static int autoPoints(int[] width) {
        long edges = 0;
        for (int l = 0; l + 1 < width.length; l++) edges += (long) width[l] * width[l + 1];
        return (int) Math.clamp(100_000 / Math.max(1, edges), 8, 64);
    }

    private static void check(String what, List<String> names, int n) {
        if (names != null && names.size() != n) {
            throw new IllegalArgumentException("KanPlot: " + what + " names " + names.size() + " variables " + names + ", the model has " + n);
        }
    }

    /** The plot's options, pykan's plot() arguments where they apply. */
    public static final class Options {
        private double beta = 3;
        private String title;
        private List<String> inVars, outVars;
        private int points, width;

        private Options() {}

        /** Opacity tanh(beta * score) (pykan's beta, default 3); > 0. */
        public Options beta(double beta) {
            if (!(beta > 0 && Double.isFinite(beta))) throw new IllegalArgumentException("KanPlot: beta must be > 0, got " + beta);
            this.beta = beta;
            return this;
        }

        /** A title over the plot (none by default). */
        public Options title(String title) { this.title = title; return this; }

        /** Names under the input nodes (pykan's in_vars; default x_1 .. x_n). */
        public Options inVars(List<String> names) { this.inVars = names == null ? null : List.copyOf(names); return this; }

        /** Names over the output nodes (pykan's out_vars; default y_1 .. y_m). */
        public Options outVars(List<String> names) { this.outVars = names == null ? null : List.copyOf(names); return this; }

        /** Points on each curve (>= 2; 0: 64, fewer for big models). */
        public Options points(int points) {
            if (points != 0 && points < 2) throw new IllegalArgumentException("KanPlot: points must be >= 2 (or 0: automatic), got " + points);
            this.points = points;
            return this;
        }

        /** The picture's width in pixels (>= 100; 0: 64 per edge of the widest layer, 480 .. 2400); the height follows. */
        public Options width(int width) {
            if (width != 0 && width < 100) throw new IllegalArgumentException("KanPlot: width must be >= 100 px (or 0: automatic), got " + width);
            this.width = width;
            return this;
        }

        double beta() { return beta; }

        String title() { return title; }

        List<String> inVars() { return inVars; }

        List<String> outVars() { return outVars; }

        int width() { return width; }
    }
}
