package dev.weft.nn.kan.symbolic;

import dev.weft.kernels.Parallel;
import dev.weft.tensor.Tensor;
import java.util.Arrays;

/**
 * pykan's fit_params (kan/utils.py): the a, b, c, d of y ~ c * f(a * x + b) + d. A grid search over (a, b) in
 * aRange x bRange (gridNumber points each) scores every pair by
 * <pre>
 *   R^2(a, b) = (sum_n (f_n - mean f)(y_n - mean y))^2 / (sum_n (f_n - mean f)^2 * sum_n (y_n - mean y)^2 + 1e-4),
 *   f_n = f(a x_n + b),
 * </pre>
 * (0 where it is not finite), then zooms in iteration times: to the grid cells either side of the best pair, or,
 * when the best is on the border, to the border cell of each coordinate that is (pykan's rule, kept as is). The
 * last best pair gives a and b; c and d are the least-squares line of y on f(a x + b) (NaN read as 0), and r2 is
 * the last grid's score of that pair. Ties go to the first pair in (a, b) row order, as torch.argmax. The rows of
 * a grid run in parallel; each score is computed alone, so the result does not depend on the thread count.
 */
public final class FitParams {
    private FitParams() {}

    /**
     * The fitted y ~ c * f(a * x + b) + d and the grid's R^2 at (a, b).
     *
     * @param a the input scale
     * @param b the input shift
     * @param c the output scale
     * @param d the output shift
     * @param r2 the last grid's R^2 score of (a, b)
     */
    public record Fit(double a, double b, double c, double d, double r2) {
        /**
         * {@return c * f(a * u + b) + d}
         *
         * @param f the function the fit was made for
         * @param u the input
         */
        public double apply(SymbolicFunction f, double u) {
            return c * f.apply(a * u + b) + d;
        }

        /** {@return {a, b, c, d}, pykan's affine order} */
        public double[] affine() {
            return new double[] {a, b, c, d};
        }
    }

    /**
     * The fit with pykan's defaults: a and b in [-10, 10], 101 grid points, 3 iterations.
     *
     * @param x the inputs
     * @param y the targets, as long as x
     * @param f the candidate function
     * @return the fitted a, b, c, d and R^2
     */
    public static Fit fit(double[] x, double[] y, SymbolicFunction f) {
        return fit(x, y, f, new double[] {-10, 10}, new double[] {-10, 10}, 101, 3);
    }

    /**
     * The fit of 1-d tensors of one length (any floating dtype; the fit runs in F64).
     *
     * @param x the inputs (n)
     * @param y the targets (n)
     * @param f the candidate function
     * @param aRange {lo, hi} of the search over a
     * @param bRange {lo, hi} of the search over b
     * @param gridNumber the grid points per coordinate
     * @param iteration how many times the search zooms in
     * @return the fitted a, b, c, d and R^2
     * @throws IllegalArgumentException when x or y is not 1-d, or the arguments fail the checks of the array form
     */
    public static Fit fit(Tensor x, Tensor y, SymbolicFunction f, double[] aRange, double[] bRange, int gridNumber, int iteration) {
        if (x.dim() != 1 || y.dim() != 1) {
            throw new IllegalArgumentException("fitParams: x " + Arrays.toString(x.shape()) + " and y " + Arrays.toString(y.shape()) + " must be 1-d");
        }
        return fit(x.contiguous().toDoubleArray(), y.contiguous().toDoubleArray(), f, aRange, bRange, gridNumber, iteration);
    }

    /**
     * The fit, as the class comment describes.
     *
     * @param x the inputs
     * @param y the targets, as long as x
     * @param f the candidate function
     * @param aRange {lo, hi} of the search over a
     * @param bRange {lo, hi} of the search over b
     * @param gridNumber the grid points per coordinate
     * @param iteration how many times the search zooms in
     * @return the fitted a, b, c, d and R^2
     * @throws IllegalArgumentException when f is null, x and y differ in length or have fewer than 2 points, a range is not
     *         finite and increasing, gridNumber is below 3 or iteration below 1
     */
    public static Fit fit(double[] x, double[] y, SymbolicFunction f, double[] aRange, double[] bRange, int gridNumber, int iteration) {
        check(x, y, f, aRange, bRange, gridNumber, iteration);
        int n = x.length, g = gridNumber;
        double yMean = mean(y);
        double[] yc = new double[n];
        double syy = 0;
        for (int k = 0; k < n; k++) {
            yc[k] = y[k] - yMean;
            syy += yc[k] * yc[k];
        }
        double aLo = aRange[0], aHi = aRange[1], bLo = bRange[0], bHi = bRange[1];
        double[] as = null, bs = null, r2 = new double[g * g];
        int ia = 0, ib = 0;
        for (int it = 0; it < iteration; it++) {
            as = linspace(aLo, aHi, g);
            bs = linspace(bLo, bHi, g);
            double[] aa = as, bb = bs;
            double s = syy;
            Parallel.forRows(g, (long) g * n * 8, (from, to) -> {
                double[] fv = new double[n];
                for (int i = from; i < to; i++) for (int j = 0; j < g; j++) r2[i * g + j] = score(f, aa[i], bb[j], x, yc, s, fv);
            });
            int best = 0;
            for (int q = 1; q < g * g; q++) if (r2[q] > r2[best]) best = q;
            ia = best / g;
            ib = best % g;
            boolean border = ia == 0 || ia == g - 1 || ib == 0 || ib == g - 1;
            if (border) {
                if (ia == 0) { aLo = as[0]; aHi = as[1]; }
                if (ia == g - 1) { aLo = as[g - 2]; aHi = as[g - 1]; }
                if (ib == 0) { bLo = bs[0]; bHi = bs[1]; }
                if (ib == g - 1) { bLo = bs[g - 2]; bHi = bs[g - 1]; }
            } else {
                aLo = as[ia - 1]; aHi = as[ia + 1];
                bLo = bs[ib - 1]; bHi = bs[ib + 1];
            }
        }
        double a = as[ia], b = bs[ib];
        double[] post = new double[n];
        for (int k = 0; k < n; k++) post[k] = nanToNum(f.apply(a * x[k] + b));
        double pMean = mean(post), sxy = 0, sxx = 0;
        for (int k = 0; k < n; k++) {
            sxy += (post[k] - pMean) * yc[k];
            sxx += (post[k] - pMean) * (post[k] - pMean);
        }
        double c = sxx > 0 ? sxy / sxx : 0;
        return new Fit(a, b, c, yMean - c * pMean, r2[ia * g + ib]);
    }

    /** R^2 of f(a x + b) against y (centered: yc, sum of squares syy); fv is scratch of x's length. */
    private static double score(SymbolicFunction f, double a, double b, double[] x, double[] yc, double syy, double[] fv) {
        int n = x.length;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            fv[k] = f.apply(a * x[k] + b);
            sum += fv[k];
        }
        double mean = sum / n, sfy = 0, sff = 0;
        for (int k = 0; k < n; k++) {
            double fc = fv[k] - mean;
            sfy += fc * yc[k];
            sff += fc * fc;
        }
        double r2 = sfy * sfy / (sff * syy + 1e-4);
        return Double.isFinite(r2) ? r2 : 0;       // torch.nan_to_num: NaN -> 0 (an infinite score needs infinite f, then NaN)
    }

    /** torch.nan_to_num: NaN -> 0, +-inf -> the largest finite value of that sign. */
    private static double nanToNum(double v) {
        if (Double.isNaN(v)) return 0;
        if (v == Double.POSITIVE_INFINITY) return Double.MAX_VALUE;
        if (v == Double.NEGATIVE_INFINITY) return -Double.MAX_VALUE;
        return v;
    }

    private static double[] linspace(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double e : v) s += e;
        return s / v.length;
    }

    private static void check(double[] x, double[] y, SymbolicFunction f, double[] aRange, double[] bRange, int gridNumber, int iteration) {
        String me = "fitParams";
        if (f == null) throw new IllegalArgumentException(me + ": no function");
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException(me + ": x (" + x.length + ") and y (" + y.length + ") need one length >= 2");
        }
        for (double[] r : new double[][] {aRange, bRange}) {
            if (r == null || r.length != 2 || !(r[0] < r[1]) || !Double.isFinite(r[0]) || !Double.isFinite(r[1])) {
                throw new IllegalArgumentException(me + ": ranges must be finite (lo, hi) with lo < hi, got a " + Arrays.toString(aRange)
                        + ", b " + Arrays.toString(bRange));
            }
        }
        if (gridNumber < 3 || iteration < 1) {
            throw new IllegalArgumentException(me + ": gridNumber must be >= 3 and iteration >= 1, got " + gridNumber + ", " + iteration);
        }
    }
}
