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

    /** {@return fresh options with pykan's defaults} */
    public static SymbolicOptions defaults() {
        return new SymbolicOptions();
    }

    /**
     * The candidate functions by name (default null: the whole library).
     *
     * @param names names in {@link SymbolicLib}, or null
     * @return these options
     * @throws IllegalArgumentException when a name is not in the library
     */
    public SymbolicOptions lib(List<String> names) {
        if (names != null) SymbolicLib.of(names);         // names checked now
        this.lib = names == null ? null : List.copyOf(names);
        return this;
    }

    /**
     * The search range of a (default [-10, 10]).
     *
     * @param lo the lower end
     * @param hi the upper end
     * @return these options
     */
    public SymbolicOptions aRange(double lo, double hi) { this.aRange = new double[] {lo, hi}; return this; }

    /**
     * The search range of b (default [-10, 10]).
     *
     * @param lo the lower end
     * @param hi the upper end
     * @return these options
     */
    public SymbolicOptions bRange(double lo, double hi) { this.bRange = new double[] {lo, hi}; return this; }

    /**
     * The grid points per coordinate of the (a, b) search (default 101).
     *
     * @param n the points
     * @return these options
     */
    public SymbolicOptions gridNumber(int n) { this.gridNumber = n; return this; }

    /**
     * How many times the search zooms in (default 3).
     *
     * @param n the zooms
     * @return these options
     */
    public SymbolicOptions iteration(int n) { this.iteration = n; return this; }

    /**
     * The simplicity weight w (default 0.8): suggestions rank by w * complexity + (1 - w) * log2(1 + 1e-5 - R^2).
     *
     * @param w the weight, in [0, 1]
     * @return these options
     */
    public SymbolicOptions weightSimple(double w) {
        this.weightSimple = OptionChecks.probability("SymbolicOptions", "weightSimple", w);
        return this;
    }

    /**
     * Auto-symbolic leaves an edge numeric when its best suggestion's R^2 is below this (default 0).
     *
     * @param t the threshold
     * @return these options
     */
    public SymbolicOptions r2Threshold(double t) { this.r2Threshold = t; return this; }

    /**
     * How many suggestions are returned (default 5).
     *
     * @param k the count, at least 1
     * @return these options
     */
    public SymbolicOptions topk(int k) { this.topk = OptionChecks.atLeast("SymbolicOptions", "topk", k, 1); return this; }

    /** {@return the candidate functions} */
    public List<SymbolicFunction> functions() { return SymbolicLib.of(lib); }

    /** {@return a copy of a's search range {lo, hi}} */
    public double[] aRange() { return aRange.clone(); }

    /** {@return a copy of b's search range {lo, hi}} */
    public double[] bRange() { return bRange.clone(); }

    /** {@return the grid points per coordinate} */
    public int gridNumber() { return gridNumber; }

    /** {@return how many times the search zooms in} */
    public int iteration() { return iteration; }

    /** {@return the simplicity weight of the ranking} */
    public double weightSimple() { return weightSimple; }

    /** {@return the R^2 below which auto-symbolic leaves an edge alone} */
    public double r2Threshold() { return r2Threshold; }

    /** {@return how many suggestions are returned} */
    public int topk() { return topk; }

    /**
     * {@link FitParams#fit} of f with these ranges and grid.
     *
     * @param x the inputs
     * @param y the targets, as long as x
     * @param f the candidate function
     * @return the fitted a, b, c, d and R^2
     */
    public FitParams.Fit fit(double[] x, double[] y, SymbolicFunction f) {
        return FitParams.fit(x, y, f, aRange, bRange, gridNumber, iteration);
    }
}
