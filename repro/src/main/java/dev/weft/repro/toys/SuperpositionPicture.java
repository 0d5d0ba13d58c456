package dev.weft.repro.toys;

import dev.weft.plot.Drawing;
import dev.weft.plot.Drawing.Anchor;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The picture of Elhage et al. 2022, Fig. 3, as a {@link Drawing}: one panel per sparsity, W^T W (n x n) as a heatmap
 * (blue -1, white 0, red +1, clipped) and below it a bar per feature of ||W_i|| (dark when the feature is represented,
 * ||W_i|| > 0.5), features in order of importance.
 */
final class SuperpositionPicture {
    private SuperpositionPicture() {}

    static final int CELL = 7, GAP = 24, LEFT = 20, TOP = 46, BAR_HEIGHT = 60;

    static Drawing draw(String title, double[] sparsities, List<double[][]> wtw, List<double[]> norms) {
        int n = wtw.getFirst().length, side = n * CELL, k = sparsities.length;
        int width = LEFT * 2 + k * side + (k - 1) * GAP, height = TOP + side + 28 + BAR_HEIGHT + 34;
        List<Drawing.Mark> marks = new ArrayList<>();
        marks.add(new Drawing.Box(0, 0, width, height, Color.WHITE, null));
        marks.add(new Drawing.Text(title, width / 2.0, 22, 14, true, Anchor.MIDDLE, false, Color.BLACK));
        for (int s = 0; s < k; s++) {
            double x0 = LEFT + s * (side + GAP);
            double[][] g = wtw.get(s);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    marks.add(new Drawing.Box(x0 + j * CELL, TOP + i * CELL, CELL, CELL, diverging(g[i][j]), null));
                }
            }
            marks.add(new Drawing.Box(x0, TOP, side, side, null, Color.GRAY));
            marks.add(new Drawing.Text(String.format(Locale.ROOT, "1 - S = %s", fmt(1 - sparsities[s])), x0 + side / 2.0, TOP - 6, 11, false,
                    Anchor.MIDDLE, false, Color.BLACK));
            double base = TOP + side + 20 + BAR_HEIGHT;
            double[] w = norms.get(s);
            for (int i = 0; i < n; i++) {
                double h = Math.min(1.2, w[i]) / 1.2 * BAR_HEIGHT;
                marks.add(new Drawing.Box(x0 + i * CELL + 1, base - h, CELL - 2, h, w[i] > 0.5 ? new Color(0x0072B2) : new Color(0xB0C4DE), null));
            }
            marks.add(new Drawing.Line(x0, base, x0 + side, base, Color.GRAY, 1));
            double y1 = base - 1 / 1.2 * BAR_HEIGHT;
            marks.add(new Drawing.Line(x0, y1, x0 + side, y1, new Color(0xCCCCCC), 1));
            int represented = 0;
            for (double v : w) if (v > 0.5) represented++;
            marks.add(new Drawing.Text(represented + " of " + n + " represented", x0 + side / 2.0, base + 16, 11, false, Anchor.MIDDLE, false,
                    Color.BLACK));
        }
        marks.add(new Drawing.Text("W^T W (blue -1, red +1); bars: ||W_i|| by importance (line at 1)", width / 2.0, height - 6, 10, false,
                Anchor.MIDDLE, false, Color.DARK_GRAY));
        return new Drawing(width, height, marks);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /** -1 blue, 0 white, +1 red (clipped). */
    static Color diverging(double v) {
        double t = Math.max(-1, Math.min(1, v));
        int fade = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }
}
