//@twins BSplineSimd${D} F32 F64 literals
package dev.weft.kernels.kan;

import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link BSplineScalar${D}}: lanes along the input dim (L inputs of one row at a time), each
 * lane on its own knots, read from {@link Tables} (knots and reciprocal spans transposed to (knot, input) so a
 * vector of L inputs' knots is one load). The recursion runs in place in a scratch of m - 1 vectors; results go
 * out through a transposed copy (an input's nb bases are contiguous in the output). Every lane does the scalar
 * twin's operations in its order, and the last, partial block runs the same code on a zero-padded copy of x,
 * so the bits equal the scalar twin's wherever an input sits. No checks, no threading.
 */
final class BSplineSimd${D} {
    private BSplineSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    /**
     * The grid transposed and padded to jp = a multiple of the lane count: knots t at [i * jp + j], then for
     * q = 1..k the reciprocal spans 1 / (t_{i+q} - t_i) at rq[q] + i * jp + j (i &lt; m - q), then k times the
     * order-k ones at kr + i * jp + j (the derivative's factors). Padding lanes hold zeros.
     */
    static final class Tables {
        final ${t}[] tab;
        final int jp, m, k, kr;
        final int[] rq;

        Tables(${t}[] grid, int gOff, int in, int m, int k) {
            int l = S.length();
            this.jp = (in + l - 1) / l * l;
            this.m = m;
            this.k = k;
            this.rq = new int[k + 1];
            int size = m;
            for (int q = 1; q <= k; q++) {
                rq[q] = size * jp;
                size += m - q;
            }
            this.kr = size * jp;
            size += k > 0 ? m - k : 0;
            this.tab = new ${t}[size * jp];
            ${t} kk = k;
            for (int j = 0; j < in; j++) {
                int to = gOff + j * m;
                for (int i = 0; i < m; i++) tab[i * jp + j] = grid[to + i];
                for (int q = 1; q <= k; q++) {
                    for (int i = 0; i < m - q; i++) tab[rq[q] + i * jp + j] = BSplineScalar${D}.recip(grid[to + i + q] - grid[to + i]);
                }
                if (k > 0) {
                    for (int i = 0; i < m - k; i++) tab[kr + i * jp + j] = kk * BSplineScalar${D}.recip(grid[to + i + k] - grid[to + i]);
                }
            }
        }
    }

    /** Rows [r0, r1) of out (rows, in, nb) from x (rows, in). */
    static void basis(Tables tb, ${t}[] x, int xOff, int r0, int r1, int in, ${t}[] out, int outOff) {
        int l = S.length(), nb = tb.m - tb.k - 1;
        ${t}[] work = new ${t}[(tb.m - 1) * l], xs = new ${t}[l];
        for (int r = r0; r < r1; r++) {
            for (int j0 = 0; j0 < in; j0 += l) {
                int valid = Math.min(l, in - j0);
                System.arraycopy(x, xOff + r * in + j0, xs, 0, valid);
                recurse(tb, j0, xs, tb.k, work);
                int o = outOff + (r * in + j0) * nb;
                for (int lane = 0; lane < valid; lane++) {
                    for (int i = 0; i < nb; i++) out[o + lane * nb + i] = work[i * l + lane];
                }
            }
        }
    }

    /** Rows [r0, r1) of dx (rows, in) from dBasis g (rows, in, nb): the scalar twin's sum, lane-wise. */
    static void basisGrad(Tables tb, ${t}[] x, int xOff, int r0, int r1, int in, ${t}[] g, int gdOff, ${t}[] dx, int dxOff) {
        int l = S.length(), nb = tb.m - tb.k - 1;
        ${t}[] work = new ${t}[(tb.m - 1) * l], xs = new ${t}[l], gs = new ${t}[nb * l], acc = new ${t}[l];
        for (int r = r0; r < r1; r++) {
            for (int j0 = 0; j0 < in; j0 += l) {
                int valid = Math.min(l, in - j0);
                if (tb.k == 0) {
                    java.util.Arrays.fill(dx, dxOff + r * in + j0, dxOff + r * in + j0 + valid, 0);
                    continue;
                }
                System.arraycopy(x, xOff + r * in + j0, xs, 0, valid);
                int o = gdOff + (r * in + j0) * nb;
                for (int lane = 0; lane < valid; lane++) {
                    for (int i = 0; i < nb; i++) gs[i * l + lane] = g[o + lane * nb + i];
                }
                recurse(tb, j0, xs, tb.k - 1, work);
                derivative(tb, j0, gs, nb, work, acc);
                System.arraycopy(acc, 0, dx, dxOff + r * in + j0, valid);
            }
        }
    }

    /** work[i] = B_{i,p} of the L inputs from j0 at xs (the scalar twin's recurse, lane-wise). */
    private static void recurse(Tables tb, int j0, ${t}[] xs, int p, ${t}[] work) {
        ${T}Vector xv = ${T}Vector.fromArray(S, xs, 0);
        indicators(tb, j0, xv, work);
        for (int q = 1; q <= p; q++) order(tb, j0, xv, q, work);
    }

    /** work[i] = [t_i &lt;= x &lt; t_{i+1}], i &lt; m - 1. */
    private static void indicators(Tables tb, int j0, ${T}Vector xv, ${t}[] work) {
        int l = S.length(), jp = tb.jp;
        ${T}Vector zero = ${T}Vector.zero(S), one = ${T}Vector.broadcast(S, 1);
        for (int i = 0; i < tb.m - 1; i++) {
            ${T}Vector lo = ${T}Vector.fromArray(S, tb.tab, i * jp + j0), hi = ${T}Vector.fromArray(S, tb.tab, (i + 1) * jp + j0);
            VectorMask<${T}> in = xv.compare(VectorOperators.GE, lo).and(xv.compare(VectorOperators.LT, hi));
            zero.blend(one, in).intoArray(work, i * l);
        }
    }

    /** One step of the recursion, order q - 1 to q, in place: i ascending reads work[i + 1] before it changes. */
    private static void order(Tables tb, int j0, ${T}Vector xv, int q, ${t}[] work) {
        int l = S.length(), jp = tb.jp, r = tb.rq[q];
        ${t}[] tab = tb.tab;
        for (int i = 0; i < tb.m - 1 - q; i++) {
            ${T}Vector wl = xv.sub(${T}Vector.fromArray(S, tab, i * jp + j0)).mul(${T}Vector.fromArray(S, tab, r + i * jp + j0));
            ${T}Vector wr = ${T}Vector.fromArray(S, tab, (i + q + 1) * jp + j0).sub(xv)
                    .mul(${T}Vector.fromArray(S, tab, r + (i + 1) * jp + j0));
            wl.mul(${T}Vector.fromArray(S, work, i * l)).add(wr.mul(${T}Vector.fromArray(S, work, (i + 1) * l))).intoArray(work, i * l);
        }
    }

    /** acc = sum_i g_i (a_i B_{i,k-1} - a_{i+1} B_{i+1,k-1}), a_i = k / (t_{i+k} - t_i), i ascending. */
    private static void derivative(Tables tb, int j0, ${t}[] gs, int nb, ${t}[] work, ${t}[] acc) {
        int l = S.length(), jp = tb.jp, kr = tb.kr;
        ${t}[] tab = tb.tab;
        ${T}Vector s = ${T}Vector.zero(S);
        for (int i = 0; i < nb; i++) {
            ${T}Vector a = ${T}Vector.fromArray(S, tab, kr + i * jp + j0), c = ${T}Vector.fromArray(S, tab, kr + (i + 1) * jp + j0);
            ${T}Vector d = a.mul(${T}Vector.fromArray(S, work, i * l)).sub(c.mul(${T}Vector.fromArray(S, work, (i + 1) * l)));
            s = s.add(${T}Vector.fromArray(S, gs, i * l).mul(d));
        }
        s.intoArray(acc, 0);
    }
}
