package dev.weft.repro.kan.special;

/**
 * Jacobi's elliptic functions sn, cn, dn (SciPy's ellipj(u, m), parameter m = k^2, 0 <= m <= 1) by the arithmetic-
 * geometric mean and descending Landen transformation (Abramowitz and Stegun 16.4): a_0 = 1, b_0 = sqrt(1 - m),
 * c_0 = sqrt(m); a_{n+1} = (a_n + b_n)/2, b_{n+1} = sqrt(a_n b_n), c_{n+1} = (a_n - b_n)/2 until c_N is below rounding;
 * phi_N = 2^N a_N u, phi_{n-1} = (phi_n + asin(c_n sin(phi_n) / a_n)) / 2; then sn = sin(phi_0), cn = cos(phi_0),
 * dn = cos(phi_0) / cos(phi_1 - phi_0). m = 1 is the limit sn = tanh u, cn = dn = sech u. About 1e-15 absolute.
 */
public final class JacobiElliptic {
    private static final int MAX_STEPS = 64;

    private JacobiElliptic() {}

    /** {sn, cn, dn}(u | m). */
    public static double[] ellipj(double u, double m) {
        if (!(m >= 0 && m <= 1)) throw new IllegalArgumentException("ellipj: parameter m = " + m + " outside [0, 1]");
        if (!Double.isFinite(u)) throw new IllegalArgumentException("ellipj: u = " + u + " is not finite");
        if (m == 1) {
            double sech = 1 / Math.cosh(u);
            return new double[] {Math.tanh(u), sech, sech};
        }
        double[] a = new double[MAX_STEPS + 1], c = new double[MAX_STEPS + 1];
        a[0] = 1;
        double b = Math.sqrt(1 - m);
        c[0] = Math.sqrt(m);
        int n = 0;
        while (Math.abs(c[n]) > 1e-16 * a[n]) {
            if (n == MAX_STEPS) throw new IllegalStateException("ellipj: AGM did not converge for m = " + m);
            a[n + 1] = (a[n] + b) / 2;
            c[n + 1] = (a[n] - b) / 2;
            b = Math.sqrt(a[n] * b);
            n++;
        }
        double phi = Math.scalb(a[n] * u, n), next = phi;
        for (int i = n; i > 0; i--) {
            next = phi;
            phi = (phi + Math.asin(c[i] * Math.sin(phi) / a[i])) / 2;
        }
        double sn = Math.sin(phi), cn = Math.cos(phi);
        return new double[] {sn, cn, n == 0 ? 1 : cn / Math.cos(next - phi)};
    }

    /** sn(u | m). */
    public static double sn(double u, double m) {
        return ellipj(u, m)[0];
    }
}
