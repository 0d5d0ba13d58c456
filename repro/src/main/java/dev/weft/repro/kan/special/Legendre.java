package dev.weft.repro.kan.special;

/**
 * The Legendre function of the first kind P_v(x) of real degree v (SciPy's lpmv(0, v, x)) on -1 < x <= 1, from its
 * hypergeometric series P_v(x) = 2F1(-v, v + 1; 1; z), z = (1 - x)/2: sum_k t_k with t_0 = 1 and
 * t_{k+1} = t_k (k - v)(k + v + 1) z / (k + 1)^2. For integer v it is the Legendre polynomial (the series stops); it
 * converges like z^k, so x is limited to [-0.9, 1] (z <= 0.95), where 2,000 terms reach rounding. The terms cancel
 * more as v and z grow: about 1e-15 for v <= 3, 2e-13 at v = 6, x = -0.8 (measured against Bonnet's recurrence).
 */
public final class Legendre {
    static final double X_MIN = -0.9;

    private Legendre() {}

    /** P_v(x), -0.9 <= x <= 1. */
    public static double lpmv0(double v, double x) {
        if (!Double.isFinite(v) || !(x >= X_MIN && x <= 1)) {
            throw new IllegalArgumentException("lpmv0: degree v = " + v + " must be finite and x = " + x + " in [" + X_MIN + ", 1]");
        }
        double z = (1 - x) / 2, t = 1, sum = 1;
        for (int k = 0; k < 2000; k++) {
            t *= (k - v) * (k + v + 1) * z / ((k + 1.0) * (k + 1.0));
            sum += t;
            if (t == 0 || (Math.abs(t) < 1e-17 * Math.abs(sum) && k > Math.abs(v))) break;
        }
        return sum;
    }

    /** The Legendre polynomial P_n(x) by Bonnet's recurrence (n + 1) P_{n+1} = (2n + 1) x P_n - n P_{n-1}; any x. */
    public static double legendreP(int n, double x) {
        if (n < 0) throw new IllegalArgumentException("legendreP: degree n = " + n + " must be >= 0");
        double prev = 1, cur = x;
        if (n == 0) return 1;
        for (int k = 1; k < n; k++) {
            double next = ((2 * k + 1) * x * cur - k * prev) / (k + 1);
            prev = cur;
            cur = next;
        }
        return cur;
    }
}
