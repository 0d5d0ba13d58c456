//@class BSpline
package dev.weft.kernels.kan;

import dev.weft.kernels.Bounds;
import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * B-spline bases of KAN layers (Liu et al. 2024, eq. 2.9) by the Cox–de Boor recursion, and the input
 * gradient of a loss through them, over row-major arrays. Input j of a row x (rows, in) has its own knots,
 * row j of grid (in, m) (ascending; pykan's extended grid of G intervals has m = G + 2k + 1), and the
 * order-k bases are
 * <pre>
 *   B_{i,0}(x) = [t_i &lt;= x &lt; t_{i+1}]
 *   B_{i,q}(x) = (x - t_i) / (t_{i+q} - t_i) B_{i,q-1}(x) + (t_{i+q+1} - x) / (t_{i+q+1} - t_{i+1}) B_{i+1,q-1}(x)
 * </pre>
 * for i &lt; nb = m - k - 1 (= G + k), with a term whose knot span is zero taken as 0. Their derivative is
 * B'_{i,k} = k / (t_{i+k} - t_i) B_{i,k-1} - k / (t_{i+k+1} - t_{i+1}) B_{i+1,k-1}, so the backward,
 * dx = sum_i dBasis_i B'_{i,k}(x), needs only the order-(k-1) bases, recomputed in the same pass.
 * Inside [t_k, t_{m-k-1}) the bases are non-negative and sum to 1; each is zero outside [t_i, t_{i+k+1}).
 *
 * <p>Runs {@link BSplineSimdF32}/{@link BSplineSimdF64} (lanes along the inputs) or the scalar reference,
 * rows split over the shared pool (each row written by one task: the bits depend neither on the thread
 * count nor on the implementation). F32 computes in float: the reciprocals of knot spans are rounded to
 * float, so F32 results differ from a division-based formula by a few ulps. Only the output is modified.
 */
public final class BSpline {
    private BSpline() {}

    /**
     * {@return the number of order-k bases on m knots: m - k - 1}
     *
     * @param m number of knots per input
     * @param k the spline order (0 is piecewise constant)
     */
    public static int bases(int m, int k) {
        return m - k - 1;
    }

    private static void check(String kernel, int rows, int in, int m, int k, int xLen, int xOff, int gLen, int gOff) {
        if (rows < 0 || in < 0 || k < 0 || m < k + 2) {
            throw new IllegalArgumentException(kernel + ": rows " + rows + ", in " + in + ", m " + m + " knots, order " + k
                    + ": need rows, in, k >= 0 and m >= k + 2 knots (at least one basis)");
        }
        Bounds.block(kernel, "x", xLen, xOff, in, rows, in);
        Bounds.block(kernel, "grid", gLen, gOff, m, in, m);
    }

    private static long rowCost(int in, int m, int k) {
        return 4L * in * m * (k + 1);
    }

    //@each F32 F64
    /**
     * ${D}: out (rows, in, nb) at outOff = the order-k bases of x (rows, in) at xOff on grid (in, m) at gOff,
     * nb = m - k - 1.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param rows number of rows of x
     * @param in number of inputs per row
     * @param grid the knots (in, m), ascending per input
     * @param gOff index of g's first element
     * @param m number of knots per input
     * @param k the spline order (0 is piecewise constant)
     * @param out the bases (rows, in, nb), written
     * @param outOff index of out's first element
     */
    public static void basis(${s}[] x, int xOff, int rows, int in, ${s}[] grid, int gOff, int m, int k, ${s}[] out, int outOff) {
        check("bsplineBasis", rows, in, m, k, x.length, xOff, grid.length, gOff);
        int nb = bases(m, k);
        Bounds.block("bsplineBasis", "out", out.length, outOff, in * nb, rows, in * nb);
        if (rows == 0 || in == 0) return;
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        BSplineSimd${D}.Tables tb = simd ? new BSplineSimd${D}.Tables(grid, gOff, in, m, k) : null;
        Parallel.forRows(rows, rowCost(in, m, k), (r0, r1) -> {
            if (simd) BSplineSimd${D}.basis(tb, x, xOff, r0, r1, in, out, outOff);
            else BSplineScalar${D}.basis(x, xOff, r0, r1, in, grid, gOff, m, k, out, outOff);
        });
    }

    /**
     * ${D}: dx (rows, in) at dxOff = sum_i g[r, j, i] B'_{i,k}(x[r, j]) for g = dL/dbasis (rows, in, nb) at gdOff:
     * the input gradient through {@link #basis}, written (not accumulated); zero for k = 0.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param rows number of rows of x
     * @param in number of inputs per row
     * @param grid the knots (in, m), ascending per input
     * @param gOff index of g's first element
     * @param m number of knots per input
     * @param k the spline order (0 is piecewise constant)
     * @param g dL/dbasis (rows, in, nb)
     * @param gdOff index of g's first element
     * @param dx the input gradient (rows, in), written
     * @param dxOff index of dx's first element
     */
    public static void basisGrad(${s}[] x, int xOff, int rows, int in, ${s}[] grid, int gOff, int m, int k, ${s}[] g, int gdOff,
                                 ${s}[] dx, int dxOff) {
        check("bsplineBasisGrad", rows, in, m, k, x.length, xOff, grid.length, gOff);
        int nb = bases(m, k);
        Bounds.block("bsplineBasisGrad", "dBasis", g.length, gdOff, in * nb, rows, in * nb);
        Bounds.block("bsplineBasisGrad", "dx", dx.length, dxOff, in, rows, in);
        if (rows == 0 || in == 0) return;
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        BSplineSimd${D}.Tables tb = simd ? new BSplineSimd${D}.Tables(grid, gOff, in, m, k) : null;
        Parallel.forRows(rows, rowCost(in, m, k), (r0, r1) -> {
            if (simd) BSplineSimd${D}.basisGrad(tb, x, xOff, r0, r1, in, g, gdOff, dx, dxOff);
            else BSplineScalar${D}.basisGrad(x, xOff, r0, r1, in, grid, gOff, m, k, g, gdOff, dx, dxOff);
        });
    }
    //@end
}
