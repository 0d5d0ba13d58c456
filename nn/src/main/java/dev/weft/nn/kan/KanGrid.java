package dev.weft.nn.kan;

import dev.weft.tensor.Tensor;

/**
 * The grid operations of {@link KANLayer} (pykan's update_grid_from_samples and initialize_grid_from_parent,
 * mode 'sample'), as pure functions from the old grid and coefficients to new ones: a new grid, then the new
 * coefficients fit by least squares to the old splines evaluated at the (sorted) samples. Callers run them
 * without recording. Shapes: x (B, in), grid (in, G + 2k + 1), coef (in, out, G + k).
 */
final class KanGrid {
    private KanGrid() {}

    /**
     * {new grid, new coef} with the same G: per input, the sorted samples' points at ranks floor(B / G * i)
     * (i &lt; G) and B - 1 (the adaptive grid), a uniform grid over the same range, mixed as
     * eps * uniform + (1 - eps) * adaptive, extended by k knots each side.
     */
    static Tensor[] fromSamples(Tensor x, Tensor grid, Tensor coef, int num, int k, double eps) {
        Tensor xs = x.sort(0).values();
        Tensor y = Spline.coefToCurve(xs, grid, coef, k);                   // (B, in, out): the curves to keep
        int b = xs.size(0);
        long[] ids = new long[num + 1];
        for (int i = 0; i < num; i++) ids[i] = (long) ((double) b / num * i);
        ids[num] = b - 1;
        Tensor adaptive = xs.indexSelect(0, Tensor.of(ids)).t();           // (in, G + 1)
        Tensor lo = adaptive.slice(1, 0, 1), h = adaptive.slice(1, num, num + 1).sub(lo).div(num);
        Tensor uniform = lo.add(h.mul(Tensor.arange(0, num + 1, 1).to(x.dtype()).reshape(1, num + 1)));
        Tensor g = uniform.mul(eps).add(adaptive.mul(1 - eps));
        Tensor newGrid = Spline.extendGrid(g.contiguous(), k);
        return new Tensor[] {newGrid, Spline.curveToCoef(xs, y, newGrid, k)};
    }

    /**
     * {new grid, new coef} with newNum intervals: the new inner points interpolate the old ones linearly at
     * newNum + 1 evenly spaced positions (pykan fits an order-1 spline through the old points for this), extended
     * by k knots; the coefficients fit the old splines at the samples.
     */
    static Tensor[] refined(Tensor x, Tensor grid, Tensor coef, int num, int newNum, int k) {
        Tensor xs = x.sort(0).values();
        Tensor y = Spline.coefToCurve(xs, grid, coef, k);
        int in = grid.size(0);
        double[] old = grid.slice(1, k, k + num + 1).contiguous().toDoubleArray();
        double[] pts = new double[in * (newNum + 1)];
        for (int j = 0; j < in; j++) {
            for (int q = 0; q <= newNum; q++) {
                double pos = (double) q * num / newNum;
                int i = Math.min((int) Math.floor(pos), num - 1);
                double f = pos - i, a = old[j * (num + 1) + i], c = old[j * (num + 1) + i + 1];
                pts[j * (newNum + 1) + q] = a + (c - a) * f;
            }
        }
        Tensor newGrid = Spline.extendGrid(Tensor.of(pts, in, newNum + 1).to(grid.dtype()), k);
        return new Tensor[] {newGrid, Spline.curveToCoef(xs, y, newGrid, k)};
    }
}
