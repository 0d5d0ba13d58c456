package dev.weft.kernels.elementwise;

/**
 * Double-precision special functions the JDK lacks, used by the scalar references.
 * erf is accurate to about 6 ulp in double (checked against a high-precision reference).
 */
public final class SpecialFns {
    private SpecialFns() {}

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

    /**
     * erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt. For {@code |x| < 2.5} the all-positive series
     * erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n 2^n x^(2n+1) / (2n+1)!! (no cancellation);
     * above, 1 - erfc(x) with erfc's continued fraction exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))).
     *
     * @param x the input array
     * @return erf(x)
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 0) return -erf(-x);
        if (x < 2.5) {
            double x2 = x * x, term = x, sum = x;
            for (int n = 1; n < 200; n++) {
                term *= 2 * x2 / (2 * n + 1);
                sum += term;
                if (term < 1e-17 * sum) break;
            }
            return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
        }
        if (x >= 6) return 1.0; // erfc(6) ~ 2e-17 is below half an ulp of 1
        double f = x;
        for (int k = 60; k >= 1; k--) f = x + (k * 0.5) / f;
        return 1.0 - Math.exp(-x * x) * ONE_OVER_SQRT_PI / f;
    }

    /**
     * erfc(x) = 1 - erf(x), without the cancellation for large x: 1 - erf(x) below 2.5, the continued fraction
     * above (relative error about 1e-13 near 2.5, better elsewhere); underflows to 0 past x ~ 27.
     *
     * @param x the input array
     * @return erfc(x)
     */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 2.5) return 1.0 - erf(x);
        if (x > 27) return 0.0;
        double f = x;
        for (int k = 60; k >= 1; k--) f = x + (k * 0.5) / f;
        return Math.exp(-x * x) * ONE_OVER_SQRT_PI / f;
    }
}
