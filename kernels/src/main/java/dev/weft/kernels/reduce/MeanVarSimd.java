package dev.weft.kernels.reduce;

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

    /** float mean and variance (two passes). Writes mean and var. */
    public static void meanVar(float[] x, int xOff, int outer, int r, int inner, double correction, float[] mean, int mOff, float[] var, int vOff) {
        meanVar(x, xOff, outer, r, inner, 0, inner, correction, mean, mOff, var, vOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void meanVar(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, float[] mean, int mOff, float[] var, int vOff) {
        if (r == 0 || inner > 1) {
            // columns: the sums vectorize across inner in reduce(); the centred pass is cheap next to them
            meanVarCols(x, xOff, outer, r, inner, j0, j1, correction, mean, mOff, var, vOff);
            return;
        }
        double dof = Math.max(0.0, r - correction);
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r;
            double mu = ReduceSimd.rowSum(x, base, r) / r;
            FloatVector mv = FloatVector.broadcast(ReduceSimd.FS, (float) mu);
            double q = 0;
            int len = ReduceSimd.FS.length();
            for (int k0 = 0; k0 < r; k0 += ReduceSimd.BLOCK) {
                int m = Math.min(ReduceSimd.BLOCK, r - k0), k = 0;
                FloatVector a = FloatVector.zero(ReduceSimd.FS);
                for (; k + len <= m; k += len) {
                    FloatVector dv = FloatVector.fromArray(ReduceSimd.FS, x, base + k0 + k).sub(mv);
                    a = dv.fma(dv, a);
                }
                float s = a.reduceLanes(VectorOperators.ADD);
                for (; k < m; k++) {
                    float dk = x[base + k0 + k] - (float) mu;
                    s += dk * dk;
                }
                q += s;
            }
            mean[mOff + o] = (float) mu;
            var[vOff + o] = (float) (q / dof);
        }
    }

    private static void meanVarCols(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, float[] mean, int mOff, float[] var, int vOff) {
        double dof = Math.max(0.0, r - correction);
        int w = j1 - j0;
        float[] s = new float[inner];
        double[] q = new double[w];
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (r > 0) ReduceSimd.reduce(ReduceFn.SUM, x, base, 1, r, inner, j0, j1, s, 0);
            java.util.Arrays.fill(q, 0.0);
            for (int j = j0; j < j1; j++) mean[mOff + o * inner + j] = (float) ((double) s[j] / r);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner;
                for (int j = j0; j < j1; j++) {
                    double dk = x[p + j] - (double) mean[mOff + o * inner + j];
                    q[j - j0] += dk * dk;
                }
            }
            for (int j = j0; j < j1; j++) var[vOff + o * inner + j] = (float) (q[j - j0] / dof);
        }
    }

    /** double mean and variance (two passes). Writes mean and var. */
    public static void meanVar(double[] x, int xOff, int outer, int r, int inner, double correction, double[] mean, int mOff, double[] var, int vOff) {
        meanVar(x, xOff, outer, r, inner, 0, inner, correction, mean, mOff, var, vOff);
    }

    /** As above, for the inner columns [j0, j1) of every outer slice only. */
    public static void meanVar(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, double[] mean, int mOff, double[] var, int vOff) {
        if (r == 0 || inner > 1) {
            // columns: the sums vectorize across inner in reduce(); the centred pass is cheap next to them
            meanVarCols(x, xOff, outer, r, inner, j0, j1, correction, mean, mOff, var, vOff);
            return;
        }
        double dof = Math.max(0.0, r - correction);
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r;
            double mu = ReduceSimd.rowSum(x, base, r) / r;
            DoubleVector mv = DoubleVector.broadcast(ReduceSimd.DS, (double) mu);
            double q = 0;
            int len = ReduceSimd.DS.length();
            for (int k0 = 0; k0 < r; k0 += ReduceSimd.BLOCK) {
                int m = Math.min(ReduceSimd.BLOCK, r - k0), k = 0;
                DoubleVector a = DoubleVector.zero(ReduceSimd.DS);
                for (; k + len <= m; k += len) {
                    DoubleVector dv = DoubleVector.fromArray(ReduceSimd.DS, x, base + k0 + k).sub(mv);
                    a = dv.fma(dv, a);
                }
                double s = a.reduceLanes(VectorOperators.ADD);
                for (; k < m; k++) {
                    double dk = x[base + k0 + k] - (double) mu;
                    s += dk * dk;
                }
                q += s;
            }
            mean[mOff + o] = (double) mu;
            var[vOff + o] = (double) (q / dof);
        }
    }

    private static void meanVarCols(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, double[] mean, int mOff, double[] var, int vOff) {
        double dof = Math.max(0.0, r - correction);
        int w = j1 - j0;
        double[] s = new double[inner];
        double[] q = new double[w];
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            if (r > 0) ReduceSimd.reduce(ReduceFn.SUM, x, base, 1, r, inner, j0, j1, s, 0);
            java.util.Arrays.fill(q, 0.0);
            for (int j = j0; j < j1; j++) mean[mOff + o * inner + j] = (double) ((double) s[j] / r);
            for (int k = 0; k < r; k++) {
                int p = base + k * inner;
                for (int j = j0; j < j1; j++) {
                    double dk = x[p + j] - (double) mean[mOff + o * inner + j];
                    q[j - j0] += dk * dk;
                }
            }
            for (int j = j0; j < j1; j++) var[vOff + o * inner + j] = (double) (q[j - j0] / dof);
        }
    }
}
