package dev.weft.nn.kan;

import dev.weft.autograd.GradMode;
import dev.weft.kernels.kan.BSpline;
import dev.weft.tensor.Linalg;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;

/**
 * pykan's spline helpers (kan/spline.py) over tensors: the B-spline basis of each input on its own knots
 * (B_batch), curves from coefficients (coef2curve), coefficients from curves by least squares (curve2coef),
 * and the grid extension by k knots each side (extend_grid). Shapes: x (B, in), grid (in, G + 2k + 1) after
 * extension, coef (in, out, G + k), curves (B, in, out).
 */
public final class Spline {
    private Spline() {}

    /**
     * B_batch: basis[b, j, i] = B_{i,k}(x[b, j]) on the knots grid[j, :] (Cox–de Boor; see
     * {@link dev.weft.kernels.kan.BSpline} for the recursion and its conventions), shape (B, in, m - k - 1).
     * Differentiable in x (one fused function: values forward, derivative backward); the grid is constant.
     * x and grid are CPU F32 or F64 tensors of one dtype.
     *
     * @param x the points (B, in)
     * @param grid the knots of each input (in, m), m at least k + 2
     * @param k the spline order, at least 0
     * @return the bases (B, in, m - k - 1)
     * @throws IllegalArgumentException when the shapes, k, dtypes or devices do not fit
     */
    public static Tensor basis(Tensor x, Tensor grid, int k) {
        if (x.dim() != 2 || grid.dim() != 2 || grid.size(0) != x.size(1) || k < 0 || grid.size(1) < k + 2) {
            throw new IllegalArgumentException("Spline.basis: x " + Shape.format(x.shape()) + ", grid " + Shape.format(grid.shape())
                    + ", k " + k + ": need x (B, in), grid (in, m) with m >= k + 2 and k >= 0");
        }
        if (x.dtype() != grid.dtype() || (x.dtype() != DType.F32 && x.dtype() != DType.F64)
                || x.device() != Device.CPU || grid.device() != Device.CPU) {
            throw new IllegalArgumentException("Spline.basis: x " + x.dtype() + " on " + x.device() + ", grid " + grid.dtype() + " on "
                    + grid.device() + ": need CPU F32 or F64 tensors of one dtype");
        }
        return new BSplineBasis(k).apply(x, grid);
    }

    /**
     * {@return the number of bases on a grid of m knots at order k} m - k - 1 (G + k for pykan's extended grid).
     *
     * @param m the knots
     * @param k the spline order
     */
    public static int numBases(int m, int k) {
        return BSpline.bases(m, k);
    }

    /**
     * extend_grid: adds kExtend knots at each end of every row of grid (in, n), spaced h = (t_{n-1} - t_0) / (n - 1)
     * (the interval of a uniform grid).
     *
     * @param grid the knots (in, n)
     * @param kExtend the knots added at each end
     * @return the extended grid (in, n + 2 kExtend); {@code grid} itself when kExtend is 0
     */
    public static Tensor extendGrid(Tensor grid, int kExtend) {
        int n = grid.size(1);
        if (kExtend == 0) return grid;
        Tensor h = grid.slice(1, n - 1, n).sub(grid.slice(1, 0, 1)).div(n - 1);                 // (in, 1)
        Tensor steps = Tensor.arange(1, kExtend + 1, 1).to(grid.dtype()).reshape(1, kExtend);   // 1..kExtend
        Tensor left = grid.slice(1, 0, 1).sub(h.mul(steps.flip(1)));
        Tensor right = grid.slice(1, n - 1, n).add(h.mul(steps));
        return Tensor.cat(new Tensor[] {left, grid, right}, 1);
    }

    /**
     * coef2curve: y[b, j, o] = sum_i coef[j, o, i] B_{i,k}(x[b, j]).
     *
     * @param x the points (B, in)
     * @param grid the knots (in, m)
     * @param coef the coefficients (in, out, m - k - 1)
     * @param k the spline order
     * @return the curves (B, in, out)
     */
    public static Tensor coefToCurve(Tensor x, Tensor grid, Tensor coef, int k) {
        Tensor b = basis(x, grid, k).permute(1, 0, 2);                  // (in, B, nb)
        return b.bmm(coef.transpose(1, 2)).permute(1, 0, 2);           // (in, B, out) -> (B, in, out)
    }

    /**
     * curve2coef: coef (in, out, nb) minimizing sum_b (sum_i coef[j, o, i] B_{i,k}(x[b, j]) - y[b, j, o])^2 for each
     * input j and output o, by {@link Linalg#lstsq} (minimum-norm when B &lt; nb, as torch.linalg.lstsq's default
     * CPU driver). y (B, in, out). When some input's system is rank-deficient (grid intervals without samples,
     * which torch's gelsy driver resolves by its rank cut), the fit is instead the ridge solution of the normal
     * equations in F64, (A^T A + lambda I) c = A^T y with lambda = 1e-8 max(1, max diag A^T A) (pykan's manual
     * pseudo-inverse), close to the minimum-norm least-squares solution. Not differentiable (runs without recording).
     *
     * @param x the points (B, in)
     * @param y the curve values to fit (B, in, out)
     * @param grid the knots (in, m)
     * @param k the spline order
     * @return coef (in, out, m - k - 1)
     */
    public static Tensor curveToCoef(Tensor x, Tensor y, Tensor grid, int k) {
        try (var s = GradMode.noGrad()) {
            Tensor a = basis(x, grid, k).permute(1, 0, 2).contiguous();   // (in, B, nb)
            Tensor rhs = y.permute(1, 0, 2).contiguous();                   // (in, B, out)
            Tensor sol;
            try {
                sol = Linalg.lstsq(a, rhs);                                  // (in, nb, out)
            } catch (ArithmeticException rankDeficient) {
                sol = ridge(a.to(DType.F64), rhs.to(DType.F64)).to(x.dtype());
            }
            return sol.permute(0, 2, 1).contiguous();                      // (in, out, nb)
        }
    }

    private static Tensor ridge(Tensor a, Tensor rhs) {
        Tensor at = a.transpose(1, 2);
        Tensor ata = at.bmm(a), aty = at.bmm(rhs);                          // (in, nb, nb), (in, nb, out)
        int nb = ata.size(1);
        double lambda = 1e-8 * Math.max(1, ata.diagonal(0, 1, 2).max().item());
        return Linalg.solve(ata.add(Tensor.eye(nb, DType.F64).mul(lambda)), aty);
    }
}
