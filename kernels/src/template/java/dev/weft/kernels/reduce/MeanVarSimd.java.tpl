//@class MeanVarSimd
package dev.weft.kernels.reduce;

import dev.weft.kernels.LaneSums;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API mean and variance (two passes, the sums vectorized as {@link ReduceSimd}'s SUM), F32 and
 * F64. No checks, no threading.
 */
public final class MeanVarSimd {
    private MeanVarSimd() {}

    //@each F32 F64
    /**
     * ${t} mean and variance (two passes). Writes mean and var.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param correction subtracted from r in the divisor (1: unbiased)
     * @param mean the means (outer, inner), written
     * @param mOff index of mean's first element
     * @param var the variances (outer, inner), written
     * @param vOff index of var's first element
     */
    public static void meanVar(${t}[] x, int xOff, int outer, int r, int inner, double correction, ${t}[] mean, int mOff, ${t}[] var, int vOff) {
        meanVar(x, xOff, outer, r, inner, 0, inner, correction, mean, mOff, var, vOff);
    }

    /**
     * As above, for the inner columns [j0, j1) of every outer slice only.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param j0 first inner column to compute (inclusive)
     * @param j1 end of the inner column range (exclusive)
     * @param correction subtracted from r in the divisor (1: unbiased)
     * @param mean the means (outer, inner), written
     * @param mOff index of mean's first element
     * @param var the variances (outer, inner), written
     * @param vOff index of var's first element
     */
    public static void meanVar(${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, ${t}[] mean, int mOff, ${t}[] var, int vOff) {
        if (r == 0 || inner > 1) {
            // columns: the sums vectorize across inner in reduce(); the centred pass is cheap next to them
            meanVarCols(x, xOff, outer, r, inner, j0, j1, correction, mean, mOff, var, vOff);
            return;
        }
        double dof = Math.max(0.0, r - correction);
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r;
            double mu = ReduceSimd.rowSum(x, base, r) / r;
            ${T}Vector mv = ${T}Vector.broadcast(ReduceSimd.${V}, (${t}) mu);
            double q = 0;
            int len = ReduceSimd.${V}.length();
            for (int k0 = 0; k0 < r; k0 += ReduceSimd.BLOCK) {
                int m = Math.min(ReduceSimd.BLOCK, r - k0), k = 0;
                ${T}Vector a = ${T}Vector.zero(ReduceSimd.${V});
                for (; k + len <= m; k += len) {
                    ${T}Vector dv = ${T}Vector.fromArray(ReduceSimd.${V}, x, base + k0 + k).sub(mv);
                    a = dv.fma(dv, a);
                }
                ${t} s = LaneSums.sum(a);
                for (; k < m; k++) {
                    ${t} dk = x[base + k0 + k] - (${t}) mu;
                    s += dk * dk;
                }
                q += s;
            }
            mean[mOff + o] = (${t}) mu;
            var[vOff + o] = (${t}) (q / dof);
        }
    }

    private static void meanVarCols(${t}[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, ${t}[] mean, int mOff, ${t}[] var, int vOff) {
        double dof = Math.max(0.0, r - correction);
        int w = j1 - j0;
        ${t}[] s = new ${t}[inner];
        double[] q = new double[w];
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (r > 0) ReduceSimd.reduce(ReduceFn.SUM, x, base, 1, r, inner, j0, j1, s, 0);
            java.util.Arrays.fill(q, 0.0);
            for (int j = j0; j < j1; j++) mean[mOff + o * inner + j] = (${t}) ((double) s[j] / r);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner;
                for (int j = j0; j < j1; j++) {
                    double dk = x[p + j] - (double) mean[mOff + o * inner + j];
                    q[j - j0] += dk * dk;
                }
            }
            for (int j = j0; j < j1; j++) var[vOff + o * inner + j] = (${t}) (q[j - j0] / dof);
        }
    }
    //@end
}
