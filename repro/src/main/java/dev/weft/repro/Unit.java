package dev.weft.repro;

import java.util.Locale;

/**
 * The unit of a compared figure, with the one format used for it everywhere (tables, JSON stays raw):
 * percentages with two decimals, mean squared errors and root mean squared errors with three significant digits, seconds
 * with one, ratios (one error over another, "x") with three significant digits, training steps as whole numbers, other
 * losses ("loss": a value of the reproduction's own training objective) with three significant digits.
 */
public enum Unit {
    PERCENT("%"), MSE("mse"), SECONDS("s"), RATIO("x"), STEPS("steps"), LOSS("loss"), RMSE("rmse");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** The unit's name in tables and in the JSON ("%", "mse", "s"). */
    public String symbol() {
        return symbol;
    }

    /** The value alone, formatted for this unit; "-" for NaN. */
    public String format(double v) {
        if (Double.isNaN(v)) return "-";
        return switch (this) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f", v);
            case MSE, RMSE -> String.format(Locale.ROOT, "%.2e", v);
            case SECONDS -> String.format(Locale.ROOT, "%.1f", v);
            case RATIO -> String.format(Locale.ROOT, "%.3g", v);
            case STEPS -> String.format(Locale.ROOT, "%.0f", v);
            case LOSS -> String.format(Locale.ROOT, "%.3g", v);
        };
    }

    /** A signed difference in this unit ("+0.07", "-1.20e-03"); "-" for NaN. */
    public String formatSigned(double v) {
        if (Double.isNaN(v)) return "-";
        return (v >= 0 ? "+" : "") + format(v);
    }

    public static Unit of(String symbol) {
        for (Unit u : values()) if (u.symbol.equals(symbol)) return u;
        throw new IllegalArgumentException("unknown unit '" + symbol + "' (expected %, mse, s, x, steps, loss or rmse)");
    }
}
