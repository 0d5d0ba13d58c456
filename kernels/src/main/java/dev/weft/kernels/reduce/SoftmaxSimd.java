package dev.weft.kernels.reduce;

import dev.weft.kernels.elementwise.DoubleMath;
import dev.weft.kernels.elementwise.FloatMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Softmax}. inner == 1: vector max over the row, then exp(x - max) lane-wise
 * (softmax stores the exponentials and rescales them by 1/sum); sums are per-block vector sums added into a
 * double. inner > 1: the same three passes with vectors across columns and r as the outer loop, float sums
 * flushed into double every {@link ReduceSimd#FLUSH} rows. Exp is {@link FloatMath#exp} / {@link DoubleMath#exp}
 * (basic lane ops only, so a row gives the same bits in every JIT mode and wherever the tail falls), not the
 * Vector API's EXP; results stay within the tolerance the tests document. No checks, no threading.
 */
public final class SoftmaxSimd {
    private SoftmaxSimd() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int SOFTMAX = 0, LOG_SOFTMAX = 1, LOG_SUM_EXP = 2;

    public static void softmax(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        run(SOFTMAX, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void softmax(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        run(SOFTMAX, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void logSoftmax(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        run(LOG_SOFTMAX, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void logSoftmax(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        run(LOG_SOFTMAX, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void logSumExp(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        run(LOG_SUM_EXP, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void logSumExp(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        run(LOG_SUM_EXP, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    private static void run(int kind, float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            int yb = kind == LOG_SUM_EXP ? yOff + o * inner : yOff + o * r * inner;
            if (inner == 1) row(kind, x, base, r, y, yb);
            else cols(kind, x, base, r, inner, j0, j1, y, yb);
        }
    }

    private static void row(int kind, float[] x, int off, int r, float[] y, int yb) {
        float m = r == 0 ? Float.NEGATIVE_INFINITY : ReduceSimd.row(ReduceFn.MAX, x, off, r);
        float shift = kind == LOG_SUM_EXP && Float.isInfinite(m) ? 0 : m;
        FloatVector mv = FloatVector.broadcast(FS, shift);
        int len = FS.length();
        double s = 0;
        for (int k0 = 0; k0 < r; k0 += ReduceSimd.BLOCK) {
            int k1 = Math.min(r, k0 + ReduceSimd.BLOCK), k = k0;
            FloatVector acc = FloatVector.zero(FS);
            for (; k + len <= k1; k += len) {
                FloatVector e = FloatMath.exp(FloatVector.fromArray(FS, x, off + k).sub(mv));
                if (kind == SOFTMAX) e.intoArray(y, yb + k);
                acc = acc.add(e);
            }
            if (k < k1) {
                VectorMask<Float> mask = FS.indexInRange(k, k1);
                FloatVector e = FloatMath.exp(FloatVector.fromArray(FS, x, off + k, mask).sub(mv)).blend(0, mask.not());
                if (kind == SOFTMAX) e.intoArray(y, yb + k, mask);
                acc = acc.add(e);
            }
            s += acc.reduceLanes(VectorOperators.ADD);
        }
        if (kind == LOG_SUM_EXP) {
            y[yb] = (float) (Math.log(s) + shift);
        } else if (kind == SOFTMAX) {
            FloatVector inv = FloatVector.broadcast(FS, (float) (1.0 / s));
            int k = 0;
            for (; k + len <= r; k += len) FloatVector.fromArray(FS, y, yb + k).mul(inv).intoArray(y, yb + k);
            if (k < r) {
                VectorMask<Float> mask = FS.indexInRange(k, r);
                FloatVector.fromArray(FS, y, yb + k, mask).mul(inv).intoArray(y, yb + k, mask);
            }
        } else {
            float ls = (float) Math.log(s);
            int k = 0;
            for (; k + len <= r; k += len) FloatVector.fromArray(FS, x, off + k).sub(mv).sub(ls).intoArray(y, yb + k);
            for (; k < r; k++) y[yb + k] = (x[off + k] - m) - ls;
        }
    }

    private static void cols(int kind, float[] x, int base, int r, int inner, int j0, int j1, float[] y, int yb) {
        int len = FS.length();
        double[] wide = new double[len];
        float[] part = new float[len], s = new float[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Float> mask = FS.indexInRange(j, j1);
            FloatVector m = FloatVector.broadcast(FS, Float.NEGATIVE_INFINITY);
            for (int k = 0; k < r; k++) m = m.max(FloatVector.fromArray(FS, x, base + k * inner + j, mask));
            if (kind == LOG_SUM_EXP) m = m.blend(0, m.abs().compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
            java.util.Arrays.fill(wide, 0.0);
            for (int k0 = 0; k0 < r; k0 += ReduceSimd.FLUSH) {
                int k1 = Math.min(r, k0 + ReduceSimd.FLUSH);
                FloatVector acc = FloatVector.zero(FS);
                for (int k = k0; k < k1; k++) {
                    FloatVector e = FloatMath.exp(FloatVector.fromArray(FS, x, base + k * inner + j, mask).sub(m));
                    if (kind == SOFTMAX) e.intoArray(y, yb + k * inner + j, mask);
                    acc = acc.add(e);
                }
                acc.intoArray(part, 0);
                for (int l = 0; l < len; l++) wide[l] += part[l];
            }
            for (int l = 0; l < len; l++) s[l] = (float) (kind == SOFTMAX ? 1.0 / wide[l] : Math.log(wide[l]));
            FloatVector sv = FloatVector.fromArray(FS, s, 0);
            if (kind == LOG_SUM_EXP) {
                sv.add(m).intoArray(y, yb + j, mask);
            } else if (kind == SOFTMAX) {
                for (int k = 0; k < r; k++) FloatVector.fromArray(FS, y, yb + k * inner + j, mask).mul(sv).intoArray(y, yb + k * inner + j, mask);
            } else {
                for (int k = 0; k < r; k++) FloatVector.fromArray(FS, x, base + k * inner + j, mask).sub(m).sub(sv).intoArray(y, yb + k * inner + j, mask);
            }
        }
    }

    public static void softmax(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        run(SOFTMAX, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void softmax(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        run(SOFTMAX, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void logSoftmax(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        run(LOG_SOFTMAX, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void logSoftmax(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        run(LOG_SOFTMAX, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void logSumExp(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        run(LOG_SUM_EXP, x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void logSumExp(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        run(LOG_SUM_EXP, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    private static void run(int kind, double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        for (int o = 0; o < outer; o++) {
            int base = xOff + o * r * inner;
            int yb = kind == LOG_SUM_EXP ? yOff + o * inner : yOff + o * r * inner;
            if (inner == 1) row(kind, x, base, r, y, yb);
            else cols(kind, x, base, r, inner, j0, j1, y, yb);
        }
    }

    private static void row(int kind, double[] x, int off, int r, double[] y, int yb) {
        double m = r == 0 ? Double.NEGATIVE_INFINITY : ReduceSimd.row(ReduceFn.MAX, x, off, r);
        double shift = kind == LOG_SUM_EXP && Double.isInfinite(m) ? 0 : m;
        DoubleVector mv = DoubleVector.broadcast(DS, shift);
        int len = DS.length();
        double s = 0;
        for (int k0 = 0; k0 < r; k0 += ReduceSimd.BLOCK) {
            int k1 = Math.min(r, k0 + ReduceSimd.BLOCK), k = k0;
            DoubleVector acc = DoubleVector.zero(DS);
            for (; k + len <= k1; k += len) {
                DoubleVector e = DoubleMath.exp(DoubleVector.fromArray(DS, x, off + k).sub(mv));
                if (kind == SOFTMAX) e.intoArray(y, yb + k);
                acc = acc.add(e);
            }
            if (k < k1) {
                VectorMask<Double> mask = DS.indexInRange(k, k1);
                DoubleVector e = DoubleMath.exp(DoubleVector.fromArray(DS, x, off + k, mask).sub(mv)).blend(0, mask.not());
                if (kind == SOFTMAX) e.intoArray(y, yb + k, mask);
                acc = acc.add(e);
            }
            s += acc.reduceLanes(VectorOperators.ADD);
        }
        if (kind == LOG_SUM_EXP) {
            y[yb] = (double) (Math.log(s) + shift);
        } else if (kind == SOFTMAX) {
            DoubleVector inv = DoubleVector.broadcast(DS, (double) (1.0 / s));
            int k = 0;
            for (; k + len <= r; k += len) DoubleVector.fromArray(DS, y, yb + k).mul(inv).intoArray(y, yb + k);
            if (k < r) {
                VectorMask<Double> mask = DS.indexInRange(k, r);
                DoubleVector.fromArray(DS, y, yb + k, mask).mul(inv).intoArray(y, yb + k, mask);
            }
        } else {
            double ls = (double) Math.log(s);
            int k = 0;
            for (; k + len <= r; k += len) DoubleVector.fromArray(DS, x, off + k).sub(mv).sub(ls).intoArray(y, yb + k);
            for (; k < r; k++) y[yb + k] = (x[off + k] - m) - ls;
        }
    }

    private static void cols(int kind, double[] x, int base, int r, int inner, int j0, int j1, double[] y, int yb) {
        int len = DS.length();
        double[] wide = new double[len];
        double[] part = new double[len], s = new double[len];
        for (int j = j0; j < j1; j += len) {
            VectorMask<Double> mask = DS.indexInRange(j, j1);
            DoubleVector m = DoubleVector.broadcast(DS, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < r; k++) m = m.max(DoubleVector.fromArray(DS, x, base + k * inner + j, mask));
            if (kind == LOG_SUM_EXP) m = m.blend(0, m.abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
            java.util.Arrays.fill(wide, 0.0);
            for (int k0 = 0; k0 < r; k0 += ReduceSimd.FLUSH) {
                int k1 = Math.min(r, k0 + ReduceSimd.FLUSH);
                DoubleVector acc = DoubleVector.zero(DS);
                for (int k = k0; k < k1; k++) {
                    DoubleVector e = DoubleMath.exp(DoubleVector.fromArray(DS, x, base + k * inner + j, mask).sub(m));
                    if (kind == SOFTMAX) e.intoArray(y, yb + k * inner + j, mask);
                    acc = acc.add(e);
                }
                acc.intoArray(part, 0);
                for (int l = 0; l < len; l++) wide[l] += part[l];
            }
            for (int l = 0; l < len; l++) s[l] = (double) (kind == SOFTMAX ? 1.0 / wide[l] : Math.log(wide[l]));
            DoubleVector sv = DoubleVector.fromArray(DS, s, 0);
            if (kind == LOG_SUM_EXP) {
                sv.add(m).intoArray(y, yb + j, mask);
            } else if (kind == SOFTMAX) {
                for (int k = 0; k < r; k++) DoubleVector.fromArray(DS, y, yb + k * inner + j, mask).mul(sv).intoArray(y, yb + k * inner + j, mask);
            } else {
                for (int k = 0; k < r; k++) DoubleVector.fromArray(DS, x, base + k * inner + j, mask).sub(m).sub(sv).intoArray(y, yb + k * inner + j, mask);
            }
        }
    }
}
