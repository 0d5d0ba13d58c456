package dev.weft.repro.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.tensor.Generator;
import org.junit.jupiter.api.Test;

/**
 * The antiderivative task's data: the GRF's sample covariance against the RBF kernel, the closed-form antiderivative
 * of the piecewise-linear interpolant against a fine midpoint rule and the cumulative trapezoid, and same seed, same
 * samples.
 */
class GaussianRandomFieldTest {
    @Test
    void samplesHaveTheRbfCovariance() {
        GaussianRandomField grf = new GaussianRandomField(101, 0.2);
        int n = 4000;
        double[] u = grf.sample(new Generator(1), n);
        int[][] pairs = {{0, 0}, {50, 50}, {0, 10}, {20, 60}, {30, 100}};
        for (int[] p : pairs) {
            double c = 0;
            for (int i = 0; i < n; i++) c += u[i * 101 + p[0]] * u[i * 101 + p[1]];
            c /= n;
            double d = (p[0] - p[1]) / 100.0, want = Math.exp(-d * d / (2 * 0.04));
            assertEquals(want, c, 0.07, "cov(u(" + p[0] / 100.0 + "), u(" + p[1] / 100.0 + "))");
        }
        assertArrayEquals(u, grf.sample(new Generator(1), n), "same seed, same samples");
    }

    @Test
    void antiderivativeIsTheIntegralOfTheInterpolant() {
        GaussianRandomField grf = new GaussianRandomField(51, 0.2);
        double[] u = grf.sample(new Generator(2), 3);
        for (int row = 0; row < 3; row++) {
            double[] c = grf.cumulative(u, row);
            for (int j = 0; j < 51; j += 10) assertEquals(c[j], grf.antiderivative(u, row, grf.x(j)), 1e-12, "grid point " + j);
            for (double y : new double[] {0.013, 0.37, 0.999, 1.0}) {
                // midpoint rule on the interpolant, 200,000 cells
                int cells = 200000;
                double s = 0, h = y / cells;
                for (int k = 0; k < cells; k++) {
                    double x = (k + 0.5) * h, t = x * 50;
                    int j = Math.min((int) t, 49);
                    s += h * (u[row * 51 + j] + (u[row * 51 + j + 1] - u[row * 51 + j]) * (t - j));
                }
                assertEquals(s, grf.antiderivative(u, row, y), 1e-9, "y = " + y);
            }
        }
    }
}
