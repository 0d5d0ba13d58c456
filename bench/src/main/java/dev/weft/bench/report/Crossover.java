package dev.weft.bench.report;

import java.util.Locale;

/**
 * The size from which the GPU beats the best CPU implementation, host&lt;-&gt;device transfers included.
 * Given per measured size s_i (ascending) the CPU time c_i and the GPU time g_i (kernel + copies in + copies
 * out), let d_i = ln(g_i / c_i), negative where the GPU wins. The GPU "starts to win" after the last size
 * where it does not (d_j &gt;= 0, every later d &lt; 0); between s_j and s_(j+1) the crossover is where the
 * straight line through (ln s, d) at those two sizes is zero:
 * ln s* = ln s_j + (ln s_(j+1) - ln s_j) * d_j / (d_j - d_(j+1)).
 * If the GPU wins at every measured size the answer is "at or below" the smallest; if it does not win at
 * the largest, it never does in the measured range.
 */
record Crossover(Kind kind, double size, double below, double above) {

    enum Kind { NO_GPU, ALWAYS, NEVER, AT }

    static final Crossover NO_GPU = new Crossover(Kind.NO_GPU, Double.NaN, Double.NaN, Double.NaN);

    /** The crossover of GPU times {@code gpu} against CPU times {@code cpu} (seconds, both > 0) at ascending {@code sizes}. */
    static Crossover find(double[] sizes, double[] cpu, double[] gpu) {
        int n = sizes.length;
        if (n == 0 || cpu.length != n || gpu.length != n) {
            throw new IllegalArgumentException("Crossover.find: " + n + " sizes, " + cpu.length + " CPU times, " + gpu.length
                    + " GPU times (need the same number, at least one)");
        }
        for (int i = 0; i < n; i++) {
            if (!(sizes[i] > 0) || !(cpu[i] > 0) || !(gpu[i] > 0) || (i > 0 && !(sizes[i] > sizes[i - 1]))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Crossover.find: at %d size %s, cpu %s s, gpu %s s"
                        + " (sizes must ascend, every value be > 0)", i, sizes[i], cpu[i], gpu[i]));
            }
        }
        int j = -1;   // the last size where the GPU does not win
        for (int i = 0; i < n; i++) if (gpu[i] >= cpu[i]) j = i;
        if (j == n - 1) return new Crossover(Kind.NEVER, Double.NaN, sizes[n - 1], Double.NaN);
        if (j < 0) return new Crossover(Kind.ALWAYS, sizes[0], Double.NaN, sizes[0]);
        double dj = Math.log(gpu[j] / cpu[j]), dk = Math.log(gpu[j + 1] / cpu[j + 1]);
        double ls = Math.log(sizes[j]) + (Math.log(sizes[j + 1]) - Math.log(sizes[j])) * dj / (dj - dk);
        return new Crossover(Kind.AT, Math.exp(ls), sizes[j], sizes[j + 1]);
    }

    /** One sentence for the page, sizes printed by {@code fmt}. */
    String describe(java.util.function.DoubleFunction<String> fmt) {
        return switch (kind) {
            case NO_GPU -> "no GPU series: no crossover";
            case ALWAYS -> "the GPU, transfers included, wins at every measured size (from " + fmt.apply(size) + " or below)";
            case NEVER -> "the GPU, transfers included, does not beat the best CPU implementation up to " + fmt.apply(below)
                    + " (the largest size measured)";
            case AT -> "the GPU, transfers included, starts to win at about " + fmt.apply(size) + " (it loses at "
                    + fmt.apply(below) + " and wins from " + fmt.apply(above) + " on)";
        };
    }
}
