package dev.weft.repro.kan.special;

/**
 * The Bessel function of the first kind J_v(x) (SciPy's jv(v, x) and j0(x)) for real order v >= 0 and moderate
 * x >= 0, by its power series J_v(x) = sum_k (-1)^k (x/2)^(2k+v) / (k! Gamma(k + v + 1)), each term from the last
 * (t_{k+1} = -t_k (x/2)^2 / ((k + 1)(k + 1 + v))), Gamma(v + 1) by Lanczos' approximation (g = 7, 9 terms). The terms
 * grow to about e^x / sqrt(x) before they fall, so the absolute error is about 1e-16 times that: 1e-13 at x = 10 (5e-12
 * at x = 15, measured); x is limited to [0, 12].
 */
public final class Bessel {
    static final double X_MAX = 12;
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

    private Bessel() {}

    /** J_v(x), v >= 0, 0 <= x <= 12. */
    public static double jv(double v, double x) {
        if (!(v >= 0) || !(x >= 0 && x <= X_MAX)) {
            throw new IllegalArgumentException("jv: order v = " + v + " must be >= 0 and x = " + x + " in [0, " + X_MAX + "]");
        }
        if (x == 0) return v == 0 ? 1 : 0;
        double h = x / 2, q = -h * h;
        double t = Math.exp(v * Math.log(h) - logGamma(v + 1)), sum = t;
        for (int k = 0; k < 500; k++) {
            t *= q / ((k + 1) * (k + 1 + v));
            sum += t;
            if (Math.abs(t) < 1e-17 * Math.abs(sum) && k > h) break;
        }
        return sum;
    }

    /** J_0(x). */
    public static double j0(double x) {
        return jv(0, Math.abs(x));
    }

    /** ln Gamma(z), z > 0: Lanczos, Gamma(z) = sqrt(2 pi) t^(z - 1/2) e^-t A(z) with t = z + g - 1/2 (reflection below 1/2). */
    static double logGamma(double z) {
        if (!(z > 0)) throw new IllegalArgumentException("logGamma: z = " + z + " must be > 0");
        if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
        double zz = z - 1, a = LANCZOS[0], t = zz + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (zz + i);
        return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
