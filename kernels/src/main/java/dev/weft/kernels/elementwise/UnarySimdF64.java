package dev.weft.kernels.elementwise;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F64 unary kernels behind {@link UnarySimd}: one vector loop per function (whole vectors plus one masked
 * tail), a broadcast input computed once, other strides staged through a small tile. The math that differs
 * between the dtypes lives in {@link DoubleMath} (FloatMath in the twin). {@link UnarySimd} decides what runs here.
 * @twin-source: DtypeTwins generates the F32 twin of this file.
 */
final class UnarySimdF64 {
    private UnarySimdF64() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int TILE = 256;
    private static final double SQRT_2_OVER_PI = (double) Math.sqrt(2 / Math.PI);

    /** y = fn(x) for any strides: unit strides run the loops directly, stride 0 computes once, others are staged. Writes y. */
    static void run(UnaryFn fn, double p0, double p1, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride, int n) {
        if (xStride == 1 && yStride == 1) {
            contiguous(fn, p0, p1, x, xOff, y, yOff, n);
        } else if (xStride == 0) {
            double[] t = {x[xOff]};
            contiguous(fn, p0, p1, t, 0, t, 0, 1);
            for (int i = 0, yi = yOff; i < n; i++, yi += yStride) y[yi] = t[0];
        } else {
            double[] tx = new double[Math.min(n, TILE)], ty = new double[tx.length];
            for (int i0 = 0; i0 < n; i0 += TILE) {
                int m = Math.min(TILE, n - i0);
                for (int i = 0, xi = xOff + i0 * xStride; i < m; i++, xi += xStride) tx[i] = x[xi];
                contiguous(fn, p0, p1, tx, 0, ty, 0, m);
                for (int i = 0, yi = yOff + i0 * yStride; i < m; i++, yi += yStride) y[yi] = ty[i];
            }
        }
    }

    // NOTE: one loop per function, each its own JIT unit. A shared loop taking a lambda (or a switch inside
    // the loop) gets OSR-compiled with a polluted profile and boxes every vector: 10-20x slower.
    private static void contiguous(UnaryFn fn, double p0, double p1, double[] x, int xOff, double[] y, int yOff, int n) {
        switch (fn) {
            case NEG -> neg(x, xOff, y, yOff, n);
            case ABS -> abs(x, xOff, y, yOff, n);
            case EXP -> exp(x, xOff, y, yOff, n);
            case LOG -> log(x, xOff, y, yOff, n);
            case LOG1P -> log1p(x, xOff, y, yOff, n);
            case EXPM1 -> expm1(x, xOff, y, yOff, n);
            case SQRT -> sqrt(x, xOff, y, yOff, n);
            case RSQRT -> rsqrt(x, xOff, y, yOff, n);
            case SQUARE -> square(x, xOff, y, yOff, n);
            case TANH -> tanh(x, xOff, y, yOff, n);
            case SIGMOID -> sigmoid(x, xOff, y, yOff, n);
            case RELU -> relu(x, xOff, y, yOff, n);
            case LEAKY_RELU -> leakyRelu(p0, x, xOff, y, yOff, n);
            case ELU -> elu(p0, x, xOff, y, yOff, n);
            case GELU_ERF -> geluErf(x, xOff, y, yOff, n);
            case GELU_TANH -> geluTanh(x, xOff, y, yOff, n);
            case SILU -> silu(x, xOff, y, yOff, n);
            case SOFTPLUS -> softplus(p0, p1, x, xOff, y, yOff, n);
            case SIGN -> sign(x, xOff, y, yOff, n);
            case FLOOR -> floor(x, xOff, y, yOff, n);
            case CEIL -> ceil(x, xOff, y, yOff, n);
            case ROUND -> round(x, xOff, y, yOff, n);
            case CLAMP -> clamp(p0, p1, x, xOff, y, yOff, n);
            case POW_SCALAR -> {
                if (p0 == 2.0) square(x, xOff, y, yOff, n);
                else if (p0 == 1.0) System.arraycopy(x, xOff, y, yOff, n);
                else throw new IllegalStateException("unary POW_SCALAR " + p0 + ": runs the scalar reference");
            }
            case SIN, COS -> throw new IllegalStateException("unary " + fn + ": runs the scalar reference");
            case RECIPROCAL -> reciprocal(x, xOff, y, yOff, n);
            case ERF -> erf(x, xOff, y, yOff, n);
            case NOT -> not(x, xOff, y, yOff, n);
        }
    }

    private static void neg(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.neg().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.neg().intoArray(y, yOff + i, m);
        }
    }

    private static void abs(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.abs().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.abs().intoArray(y, yOff + i, m);
        }
    }

    private static void exp(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.exp(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.exp(v).intoArray(y, yOff + i, m);
        }
    }

    private static void log(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.log(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.log(v).intoArray(y, yOff + i, m);
        }
    }

    private static void log1p(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.log1p(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.log1p(v).intoArray(y, yOff + i, m);
        }
    }

    private static void expm1(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.expm1(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.expm1(v).intoArray(y, yOff + i, m);
        }
    }

    private static void sqrt(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.sqrt().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.sqrt().intoArray(y, yOff + i, m);
        }
    }

    private static void rsqrt(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleVector.broadcast(S, 1.0).div(v.sqrt()).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleVector.broadcast(S, 1.0).div(v.sqrt()).intoArray(y, yOff + i, m);
        }
    }

    private static void square(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.mul(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.mul(v).intoArray(y, yOff + i, m);
        }
    }



    private static void tanh(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.tanh(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.tanh(v).intoArray(y, yOff + i, m);
        }
    }

    private static void sigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.sigmoid(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.sigmoid(v).intoArray(y, yOff + i, m);
        }
    }

    private static void relu(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.blend(0.0, v.compare(VectorOperators.LE, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.blend(0.0, v.compare(VectorOperators.LE, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void leakyRelu(double p0, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void elu(double p0, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.expm1(v).mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.expm1(v).mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void geluErf(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.geluErf(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.geluErf(v).intoArray(y, yOff + i, m);
        }
    }

    private static void geluTanh(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.mul(DoubleMath.sigmoid(v.mul(v).fma(0.044715, 1.0).mul(v).mul(2.0 * SQRT_2_OVER_PI))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.mul(DoubleMath.sigmoid(v.mul(v).fma(0.044715, 1.0).mul(v).mul(2.0 * SQRT_2_OVER_PI))).intoArray(y, yOff + i, m);
        }
    }

    private static void silu(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.mul(DoubleMath.sigmoid(v)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.mul(DoubleMath.sigmoid(v)).intoArray(y, yOff + i, m);
        }
    }

    private static void softplus(double p0, double p1, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            softplus(v, p0, p1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            softplus(v, p0, p1).intoArray(y, yOff + i, m);
        }
    }

    private static void sign(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            v.blend(1.0, v.compare(VectorOperators.GT, 0.0)).blend(-1.0, v.compare(VectorOperators.LT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            v.blend(1.0, v.compare(VectorOperators.GT, 0.0)).blend(-1.0, v.compare(VectorOperators.LT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void floor(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.floor(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.floor(v).intoArray(y, yOff + i, m);
        }
    }

    private static void ceil(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.ceil(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.ceil(v).intoArray(y, yOff + i, m);
        }
    }

    private static void round(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.rint(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.rint(v).intoArray(y, yOff + i, m);
        }
    }

    private static void clamp(double p0, double p1, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            clamp(v, p0, p1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            clamp(v, p0, p1).intoArray(y, yOff + i, m);
        }
    }


    private static void reciprocal(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleVector.broadcast(S, 1.0).div(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleVector.broadcast(S, 1.0).div(v).intoArray(y, yOff + i, m);
        }
    }

    private static void erf(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleMath.erf(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleMath.erf(v).intoArray(y, yOff + i, m);
        }
    }

    private static void not(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i);
            DoubleVector.zero(S).blend(1.0, v.compare(VectorOperators.EQ, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xOff + i, m);
            DoubleVector.zero(S).blend(1.0, v.compare(VectorOperators.EQ, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    /** min(max(v, lo), hi) keeping NaN lanes; a NaN bound compares false everywhere, i.e. no bound. */
    private static DoubleVector clamp(DoubleVector v, double lo, double hi) {
        DoubleVector r = v.blend(lo, v.compare(VectorOperators.LT, lo));
        return r.blend(hi, r.compare(VectorOperators.GT, hi));
    }

    private static DoubleVector softplus(DoubleVector v, double beta, double threshold) {
        DoubleVector bx = v.mul(beta);
        return DoubleMath.log1p(DoubleMath.exp(bx)).div(beta).blend(v, bx.compare(VectorOperators.GT, threshold));
    }
}
