package dev.weft.repro;

import java.util.Locale;

/** Approximate wall time of one run (one seed) on a 2-core machine: the full protocol and {@code --quick}. */
public record Budget(double fullSeconds, double quickSeconds) {
    /** "about 5 min", "about 12 s". */
    public static String format(double seconds) {
        if (seconds < 90) return String.format(Locale.ROOT, "~%.0f s", seconds);
        if (seconds < 5400) return String.format(Locale.ROOT, "~%.0f min", seconds / 60);
        return String.format(Locale.ROOT, "~%.1f h", seconds / 3600);
    }
}
