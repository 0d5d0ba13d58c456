package dev.weft.repro;

/**
 * One figure compared with the paper. {@code paper} is the paper's own number (NaN where the paper
 * reports none) with its spread ({@code paperSpread}, NaN where none is given), taken from
 * {@code source} (table or figure). Separate from it is our bound: the verdict passes when Weft's mean
 * over seeds is at least {@code target} (higher is better) or at most it (lower is better), and a
 * {@code --quick} run is judged against the looser {@code quickTarget}, since its budget is smaller than
 * the paper's.
 */
public record Claim(String metric, Unit unit, boolean higherIsBetter, double paper, double paperSpread, String source,
                    double target, double quickTarget) {
    /** The bound that applies to a run of this kind. */
    public double bound(boolean quick) {
        return quick ? quickTarget : target;
    }

    /** True when {@code value} is on the good side of the bound (the bound itself included). */
    public boolean meets(double value, boolean quick) {
        if (Double.isNaN(value)) return false;
        return higherIsBetter ? value >= bound(quick) : value <= bound(quick);
    }

    /** The bound as the table shows it: "&gt;= 98.00" or "&lt;= 1.00e-03". */
    public String boundText(boolean quick) {
        return (higherIsBetter ? ">= " : "<= ") + unit.format(bound(quick));
    }

    /** The paper's value as the table shows it: "99.05", "99.05 ± 0.10", or "-" where the paper has none. */
    public String paperText() {
        if (Double.isNaN(paper)) return "-";
        return Double.isNaN(paperSpread) ? unit.format(paper) : unit.format(paper) + " ± " + unit.format(paperSpread);
    }
}
