package dev.weft.bench;

import java.util.Arrays;

/** Small statistics over repeated timings: medians are what benches report. */
public final class Stats {
    private Stats() {}

    public static double median(double[] xs) {
        if (xs.length == 0) throw new IllegalArgumentException("Stats.median: no samples");
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
