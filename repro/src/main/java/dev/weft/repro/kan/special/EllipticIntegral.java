package dev.weft.repro.kan.special;

/**
 * Legendre's elliptic integral of the first kind (SciPy's ellipkinc(phi, m) and ellipk(m), parameter m = k^2 <= 1):
 * F(phi | m) = int_0^phi dt / sqrt(1 - m sin^2 t) = sin(phi) R_F(cos^2 phi, 1 - m sin^2 phi, 1) for |phi| <= pi/2, and
 * F(phi + j pi | m) = F(phi | m) + 2 j K(m) beyond; K(m) = R_F(0, 1 - m, 1). Carlson's symmetric R_F by duplication
 * (Carlson 1995, eq. 2.2-2.4), stopped when the relative spread is below 1e-3: the truncated series' error is then
 * below 1e-18 relative.
 */
public final class EllipticIntegral {
    private EllipticIntegral() {}

    /** Carlson's R_F(x, y, z) = 1/2 int_0^inf dt / sqrt((t + x)(t + y)(t + z)), x, y, z >= 0, at most one of them 0. */
    public static double carlsonRF(double x, double y, double z) {
        if (!(x >= 0 && y >= 0 && z >= 0) || (x == 0 ? 1 : 0) + (y == 0 ? 1 : 0) + (z == 0 ? 1 : 0) > 1) {
            throw new IllegalArgumentException("carlsonRF: arguments (" + x + ", " + y + ", " + z + ") must be >= 0 with at most one 0");
        }
        double mu, dx, dy, dz;
        for (int i = 0; ; i++) {
            mu = (x + y + z) / 3;
            dx = 1 - x / mu;
            dy = 1 - y / mu;
            dz = 1 - z / mu;
            if (Math.max(Math.abs(dx), Math.max(Math.abs(dy), Math.abs(dz))) < 1e-3) break;
            if (i == 200) throw new IllegalStateException("carlsonRF: no convergence at (" + x + ", " + y + ", " + z + ")");
            double sx = Math.sqrt(x), sy = Math.sqrt(y), sz = Math.sqrt(z), lambda = sx * (sy + sz) + sy * sz;
            x = (x + lambda) / 4;
            y = (y + lambda) / 4;
            z = (z + lambda) / 4;
        }
        double e2 = dx * dy - dz * dz, e3 = dx * dy * dz;
        return (1 - e2 / 10 + e3 / 14 + e2 * e2 / 24 - 3 * e2 * e3 / 44) / Math.sqrt(mu);
    }

    /** K(m), m < 1. */
    public static double ellipk(double m) {
        if (!(m < 1)) throw new IllegalArgumentException("ellipk: m = " + m + " must be < 1");
        return carlsonRF(0, 1 - m, 1);
    }

    /** F(phi | m), m <= 1 (m = 1 only for |phi| < pi/2). */
    public static double ellipkinc(double phi, double m) {
        if (!Double.isFinite(phi) || !(m <= 1)) throw new IllegalArgumentException("ellipkinc: phi = " + phi + ", m = " + m + " (needs finite phi, m <= 1)");
        double j = Math.rint(phi / Math.PI), r = phi - j * Math.PI;     // r in [-pi/2, pi/2]
        if (j != 0 && m == 1) throw new IllegalArgumentException("ellipkinc: F(phi | 1) is infinite beyond |phi| = pi/2, phi = " + phi);
        double s = Math.sin(r), c = Math.cos(r);
        double f = s * carlsonRF(c * c, 1 - m * s * s, 1);
        return j == 0 ? f : f + 2 * j * ellipk(m);
    }
}
