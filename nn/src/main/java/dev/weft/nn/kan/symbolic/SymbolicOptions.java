package dev.weft.nn.kan.symbolic;

import dev.weft.nn.OptionChecks;
import java.util.List;

/**
 * The keyword arguments of pykan's fix_symbolic, suggest_symbolic and auto_symbolic: the library searched (null:
 * all of {@link SymbolicLib}), the (a, b) search ranges, the grid of {@link FitParams}, the simplicity weight of the
 * ranking, the R^2 below which auto-symbolic leaves an edge alone, and how many suggestions are returned.
 * Defaults are pykan's: a, b in [-10, 10], 101 points, 3 iterations, weightSimple 0.8, r2Threshold 0, topk 5.
 */
public final class SymbolicOptions {
    private List<String> lib;
    private double[] aRange = {-10, 10}, bRange = {-10, 10};
    private int gridNumber = 101, iteration = 3, topk = 5;
    private double weightSimple = 0.8, r2Threshold = 0;

    private SymbolicOptions() {}

    /** pykan's defaults. */
    public static SymbolicOptions defaults() {
        return new SymbolicOptions();
    }

    /** The candidate functions by name (null: the whole library). */
    public SymbolicOptions lib(List<String> names) {
        if (names != null) SymbolicLib.of(names);         // names checked now
        this.lib = names == null ? null : List.copyOf(names);
        return this;
    }

    public SymbolicOptions aRange(double lo, double hi) { this.aRange = new double[] {lo, hi}; return this; }

    public SymbolicOptions bRange(double lo, double hi) { this.bRange = new double[] {lo, hi}; return this; }

    public SymbolicOptions gridNumber(int n) { this.gridNumber = n; return this; }

    public SymbolicOptions iteration(int n) { this.iteration = n; return this; }

    /** The simplicity weight w: suggestions rank by w * complexity + (1 - w) * log2(1 + 1e-5 - R^2). */
    public SymbolicOptions weightSimple(double w) {
        this.weightSimple = OptionChecks.probability("SymbolicOptions", "weightSimple", w);
        return this;
    }

    /** Auto-symbolic leaves an edge numeric when its best suggestion's R^2 is below this. */
    public SymbolicOptions r2Threshold(double t) { this.r2Threshold = t; return this; }

    public SymbolicOptions topk(int k) { this.topk = OptionChecks.atLeast("SymbolicOptions", "topk", k, 1); return this; }

    public List<SymbolicFunction> functions() { return SymbolicLib.of(lib); }

    public double[] aRange() { return aRange.clone(); }

    public double[] bRange() { return bRange.clone(); }

    public int gridNumber() { return gridNumber; }

    public int iteration() { return iteration; }

    public double weightSimple() { return weightSimple; }

    public double r2Threshold() { return r2Threshold; }

    public int topk() { return topk; }

    /** {@link FitParams#fit} of f with these ranges and grid. */
    public FitParams.Fit fit(double[] x, double[] y, SymbolicFunction f) {
        return FitParams.fit(x, y, f, aRange, bRange, gridNumber, iteration);
    }
}
