package dev.weft.repro.operator;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Linalg;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * A zero-mean Gaussian random field on [0, 1] with the RBF kernel k(x, x') = exp(-(x - x')^2 / (2 l^2)) (the DeepONet
 * reference's GRF space), sampled on the uniform grid x_j = j / (N - 1) as u = L z, L L^T = K + eps I the Cholesky
 * factor (eps the smallest of 1e-12, 1e-11, ... that factors; K is numerically singular for smooth kernels), z ~ N(0, I)
 * from a seeded generator. Between grid points a sample is read as its piecewise-linear interpolant, so the
 * antiderivative G(u)(y) = int_0^y u(s) ds has the closed form of {@link #antiderivative}.
 */
final class GaussianRandomField {
    final int points;
    final double lengthScale, jitter;
    private final Tensor lowerT;                 // L^T (N, N), F64

    GaussianRandomField(int points, double lengthScale) {
        this.points = points;
        this.lengthScale = lengthScale;
        double[] k = new double[points * points];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                double d = (i - j) / (points - 1.0);
                k[i * points + j] = Math.exp(-d * d / (2 * lengthScale * lengthScale));
            }
        }
        Tensor kernel = Tensor.of(k, points, points);
        double eps = 1e-12;
        Tensor l = null;
        while (l == null) {
            try {
                l = Linalg.cholesky(kernel.add(Tensor.eye(points, DType.F64).mul(eps)));
                double[] v = l.toDoubleArray();
                for (double x : v) if (!Double.isFinite(x)) { l = null; break; }
            } catch (RuntimeException e) {
                l = null;
            }
            if (l == null) {
                eps *= 10;
                if (eps > 1e-4) throw new IllegalStateException("GaussianRandomField: K + eps I did not factor for eps up to 1e-4");
            }
        }
        this.jitter = eps;
        this.lowerT = l.t().contiguous();
    }

    double x(int j) {
        return j / (points - 1.0);
    }

    /** n samples on the grid, row-major (n, N). */
    double[] sample(Generator g, int n) {
        return Tensor.randn(g, DType.F64, n, points).matmul(lowerT).toDoubleArray();
    }

    /** int_0^{x_j} of one sample's interpolant at every grid point j (cumulative trapezoid), length N. */
    double[] cumulative(double[] u, int row) {
        int off = row * points;
        double h = 1.0 / (points - 1);
        double[] c = new double[points];
        for (int j = 1; j < points; j++) c[j] = c[j - 1] + 0.5 * h * (u[off + j - 1] + u[off + j]);
        return c;
    }

    /** int_0^y of the piecewise-linear interpolant of one sample u (its row {@code row} of a sample block). */
    double antiderivative(double[] u, int row, double y) {
        int off = row * points;
        double h = 1.0 / (points - 1), sum = 0;
        int j = Math.min((int) (y / h), points - 2);
        for (int i = 0; i < j; i++) sum += 0.5 * h * (u[off + i] + u[off + i + 1]);
        double t = y - j * h, uy = u[off + j] + (u[off + j + 1] - u[off + j]) * t / h;
        return sum + 0.5 * t * (u[off + j] + uy);
    }
}
