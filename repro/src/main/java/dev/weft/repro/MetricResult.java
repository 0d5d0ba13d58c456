package dev.weft.repro;

import java.util.List;

/** One claim and Weft's value for it from each seed: mean, sample standard deviation, difference, verdict. */
public record MetricResult(Claim claim, List<Double> values) {
    public MetricResult {
        values = List.copyOf(values);
    }

    public double mean() {
        double s = 0;
        for (double v : values) s += v;
        return values.isEmpty() ? Double.NaN : s / values.size();
    }

    /** The sample standard deviation over seeds (n - 1 in the denominator); NaN for a single seed. */
    public double std() {
        if (values.size() < 2) return Double.NaN;
        double m = mean(), s = 0;
        for (double v : values) s += (v - m) * (v - m);
        return Math.sqrt(s / (values.size() - 1));
    }

    /** Weft's mean minus the paper's value (NaN where the paper has none). */
    public double difference() {
        return mean() - claim.paper();
    }

    /** The verdict on the mean: within our bound for this kind of run. */
    public boolean pass(boolean quick) {
        return claim.meets(mean(), quick);
    }

    /** "99.12 ± 0.05" over several seeds, "99.12" for one. */
    public String weftText() {
        Unit u = claim.unit();
        return Double.isNaN(std()) ? u.format(mean()) : u.format(mean()) + " ± " + u.format(std());
    }
}
