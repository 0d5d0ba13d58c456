package dev.weft.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One chart axis: its range, where a value falls on it, and its ticks with their labels. Linear axes put
 * ticks on 1, 2 or 5 times a power of ten (about six of them); log axes one per power of ten (or per
 * 2, 3, ... powers when the data spans many). Tick values are exact decimals, so labels need no rounding
 * and read the same in every locale. Axes are made by {@link ChartLayout} from a {@link Chart.Scale} and the
 * data's range; {@link #fraction} then places a value between the plot's edges.
 *
 * @param lo    the value at the axis' start (left or bottom edge of the plot)
 * @param hi    the value at the axis' end (right or top edge), greater than {@code lo}
 * @param log   whether the axis is base-10 logarithmic (then {@code lo} and {@code hi} are powers of ten)
 * @param log2  whether the axis is base-2 logarithmic (then {@code lo} and {@code hi} are powers of two)
 * @param ticks the ticks to draw, in increasing value, each between {@code lo} and {@code hi}
 */
public record Axis(double lo, double hi, boolean log, boolean log2, List<Tick> ticks) {

    /**
     * A tick at {@code value}, labelled {@code label}.
     *
     * @param value where the tick sits, in data units
     * @param label the text under (x) or beside (y) the tick, e.g. "0.25", "1000", "1e-5" or "64K"
     */
    public record Tick(double value, String label) {}

    /**
     * Where {@code v} falls on the axis, linearly in {@code v} or in its logarithm on a log axis.
     *
     * @param v a value in data units (positive on a log axis; otherwise the result is NaN or infinite)
     * @return the fraction of the axis' length from {@code lo}: 0 at {@code lo}, 1 at {@code hi}, below 0 or
     *         above 1 outside the range
     */
    public double fraction(double v) {
        if (log2) return (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
        return log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
    }

    /**
     * A linear axis over the data range [min, max] ({@code NaN}s when there is no data: [0, 1]). When
     * {@code loose}, the range grows out to the ticks around it (the y axis); otherwise it stays at the
     * data's ends and only ticks inside are drawn (the x axis, where the ends are the first and last step).
     */
    static Axis linear(double min, double max, boolean loose) {
        if (!(min <= max)) { min = 0; max = 1; }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        BigDecimal step = niceStep((max - min) / 5);
        double s = step.doubleValue();
        double eps = 1e-9;                                   // so 1.0 / 0.2 = 4.9999... still ends on its tick
        long first = (long) (loose ? Math.floor(min / s + eps) : Math.ceil(min / s - eps));
        long last = (long) (loose ? Math.ceil(max / s - eps) : Math.floor(max / s + eps));
        int decimals = Math.max(0, step.scale());
        List<Tick> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            BigDecimal v = step.multiply(BigDecimal.valueOf(k)).setScale(decimals, RoundingMode.UNNECESSARY);
            ticks.add(new Tick(v.doubleValue(), v.toPlainString()));
        }
        return loose ? new Axis(ticks.getFirst().value(), ticks.getLast().value(), false, false, List.copyOf(ticks))
                : new Axis(min, max, false, false, List.copyOf(ticks));
    }

    /** A log axis from the power of ten at or below {@code min} to the one at or above {@code max} (both > 0). */
    static Axis log(double min, double max) {
        if (!(min > 0 && min <= max)) { min = 0.1; max = 1; }
        int a = (int) Math.floor(Math.log10(min)), b = (int) Math.ceil(Math.log10(max));
        if (a == b) b++;
        int every = Math.max(1, (b - a + 7) / 8);               // at most 8 decade steps
        b = a + (b - a + every - 1) / every * every;
        List<Tick> ticks = new ArrayList<>();
        for (int e = a; e <= b; e += every) {
            ticks.add(new Tick(Math.pow(10, e), e >= -3 && e <= 4 ? BigDecimal.ONE.scaleByPowerOfTen(e).toPlainString() : "1e" + e));
        }
        return new Axis(Math.pow(10, a), Math.pow(10, b), true, false, List.copyOf(ticks));
    }

    /**
     * A log2 axis (sizes) from the power of two at or below {@code min} to the one at or above {@code max} (both > 0),
     * ticks at powers of two (every 2nd, 3rd, ... when there would be more than 9) labelled by {@link #sizeLabel}.
     */
    static Axis log2(double min, double max) {
        if (!(min > 0 && min <= max)) { min = 1; max = 2; }
        int a = (int) Math.floor(log2(min) + 1e-9), b = (int) Math.ceil(log2(max) - 1e-9);
        if (a == b) { a--; b++; }
        int every = Math.max(1, (b - a + 7) / 8);
        List<Tick> ticks = new ArrayList<>();
        for (int e = a; e <= b; e += every) ticks.add(new Tick(Math.pow(2, e), sizeLabel(Math.pow(2, e))));
        return new Axis(Math.pow(2, a), Math.pow(2, b), false, true, List.copyOf(ticks));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /**
     * The label of a size on a log2 axis: whole multiples of 2^30, 2^20 or 2^10 with binary G, M or K (the largest
     * that divides it: {@code sizeLabel(65536)} is "64K", {@code sizeLabel(1 << 24)} is "16M"), other integers in plain digits ("64", "1000"), and non-integers
     * to 3 significant digits in the root locale ("1.50").
     *
     * @param v the size
     * @return its label
     */
    public static String sizeLabel(double v) {
        long n = Math.round(v);
        if (n != v) return String.format(java.util.Locale.ROOT, "%.3g", v);
        if (n >= 1L << 30 && n % (1L << 30) == 0) return (n >> 30) + "G";
        if (n >= 1L << 20 && n % (1L << 20) == 0) return (n >> 20) + "M";
        if (n >= 1L << 10 && n % (1L << 10) == 0) return (n >> 10) + "K";
        return Long.toString(n);
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw} (> 0), as an exact decimal. */
    static BigDecimal niceStep(double raw) {
        int e = (int) Math.floor(Math.log10(raw));
        double m = raw / Math.pow(10, e);
        int digit = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
        return BigDecimal.valueOf(digit).scaleByPowerOfTen(e).stripTrailingZeros();
    }
}
