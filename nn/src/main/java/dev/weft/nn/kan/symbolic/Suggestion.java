package dev.weft.nn.kan.symbolic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One candidate of pykan's suggest_symbolic for an edge: the function, its fit, R^2, complexity, and the
 * ranking loss w * complexity + (1 - w) * log2(1 + 1e-5 - R^2) (w the simplicity weight; lower is better).
 *
 * @param function the library function
 * @param fit its fitted a, b, c, d
 * @param r2 the fit's R^2 ({@link #MASKED_R2} for a masked edge)
 * @param complexity the function's complexity
 * @param loss the ranking loss
 */
public record Suggestion(SymbolicFunction function, FitParams.Fit fit, double r2, int complexity, double loss) {
    /** pykan's R^2 of an edge that is masked: every candidate gets it, so the simplest wins. */
    public static final double MASKED_R2 = -1e8;

    /** {@return the function's name} */
    public String name() {
        return function.name();
    }

    /**
     * The library ranked for the samples (x, y) of one edge, best first, at most topk (pykan's ranking; ties keep
     * the library's order).
     *
     * @param x the edge's inputs
     * @param y the edge's outputs, as long as x
     * @param masked true when the edge's numeric mask is 0: pykan scores every candidate {@link #MASKED_R2}
     * @param o the library, search ranges, simplicity weight and topk
     * @return the best suggestions, first the lowest loss
     */
    public static List<Suggestion> rank(double[] x, double[] y, boolean masked, SymbolicOptions o) {
        List<Suggestion> all = new ArrayList<>();
        double w = o.weightSimple();
        for (SymbolicFunction f : o.functions()) {
            FitParams.Fit fit = o.fit(x, y, f);
            double r2 = masked ? MASKED_R2 : fit.r2();
            double loss = w * f.complexity() + (1 - w) * (Math.log(1 + 1e-5 - r2) / Math.log(2));
            all.add(new Suggestion(f, fit, r2, f.complexity(), loss));
        }
        all.sort(Comparator.comparingDouble(Suggestion::loss));
        return List.copyOf(all.subList(0, Math.min(o.topk(), all.size())));
    }
}
