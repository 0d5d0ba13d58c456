//@twins BSplineScalar${D} F32 F64 literals
package dev.weft.kernels.kan;

/**
 * The scalar reference of {@link BSpline} on ${D}: one element at a time, every value in ${t}, in the order
 * the Vector API twin uses lane by lane (no fma), so the two give the same bits. No checks, no threading.
 */
final class BSplineScalar${D} {
    private BSplineScalar${D}() {}

    /** 1 / d, and 0 for a zero-length knot span (the convention 0/0 = 0 of degenerate grids). */
    static ${t} recip(${t} d) {
        return d == 0 ? 0 : 1 / d;
    }

    /**
     * Cox–de Boor for one x on the knots t[to .. to + m): n[i] = B_{i,p}(x) for i &lt; m - 1 - p after
     * B_{i,0} = [t_i &lt;= x &lt; t_{i+1}] and, for q = 1..p,
     * B_{i,q} = (x - t_i) / (t_{i+q} - t_i) B_{i,q-1} + (t_{i+q+1} - x) / (t_{i+q+1} - t_{i+1}) B_{i+1,q-1}.
     */
    static void recurse(${t} x, ${t}[] t, int to, int m, int p, ${t}[] n) {
        for (int i = 0; i < m - 1; i++) n[i] = x >= t[to + i] && x < t[to + i + 1] ? 1 : 0;
        for (int q = 1; q <= p; q++) {
            for (int i = 0; i < m - 1 - q; i++) {
                ${t} wl = (x - t[to + i]) * recip(t[to + i + q] - t[to + i]);
                ${t} wr = (t[to + i + q + 1] - x) * recip(t[to + i + q + 1] - t[to + i + 1]);
                n[i] = wl * n[i] + wr * n[i + 1];
            }
        }
    }

    /** Rows [r0, r1) of out (rows, in, nb) from x (rows, in) and grid (in, m). */
    static void basis(${t}[] x, int xOff, int r0, int r1, int in, ${t}[] grid, int gOff, int m, int k, ${t}[] out, int outOff) {
        int nb = m - k - 1;
        ${t}[] n = new ${t}[m - 1];
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < in; j++) {
                recurse(x[xOff + r * in + j], grid, gOff + j * m, m, k, n);
                System.arraycopy(n, 0, out, outOff + (r * in + j) * nb, nb);
            }
        }
    }

    /**
     * Rows [r0, r1) of dx (rows, in): dx = sum_i g_i B'_{i,k}(x) with g = dBasis (rows, in, nb) and
     * B'_{i,k} = k / (t_{i+k} - t_i) B_{i,k-1} - k / (t_{i+k+1} - t_{i+1}) B_{i+1,k-1}, summed in i order.
     */
    static void basisGrad(${t}[] x, int xOff, int r0, int r1, int in, ${t}[] grid, int gOff, int m, int k, ${t}[] g, int gdOff,
                          ${t}[] dx, int dxOff) {
        int nb = m - k - 1;
        ${t}[] n = new ${t}[m - 1];
        ${t} kk = k;
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < in; j++) {
                int to = gOff + j * m, go = gdOff + (r * in + j) * nb;
                ${t} acc = 0;
                if (k > 0) {
                    recurse(x[xOff + r * in + j], grid, to, m, k - 1, n);
                    for (int i = 0; i < nb; i++) {
                        ${t} a = kk * recip(grid[to + i + k] - grid[to + i]);
                        ${t} c = kk * recip(grid[to + i + k + 1] - grid[to + i + 1]);
                        acc = acc + g[go + i] * (a * n[i] - c * n[i + 1]);
                    }
                }
                dx[dxOff + r * in + j] = acc;
            }
        }
    }
}
