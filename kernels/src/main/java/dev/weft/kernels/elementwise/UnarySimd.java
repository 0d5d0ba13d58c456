package dev.weft.kernels.elementwise;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Unary}. Unit strides run whole vectors plus one masked tail, so every element
 * gets the same lane math wherever it sits; a broadcast input (stride 0) is computed once; other strides run
 * the scalar loop for the exact functions and are staged through a small tile for the others.
 * <p>Accuracy against {@link UnaryScalar} (ulp of the reference; values below the smallest normal are treated as 0):
 * <ul>
 * <li>exact, bit for bit: NEG, ABS, SQRT, SQUARE, RELU, LEAKY_RELU, SIGN, FLOOR, CEIL, ROUND, CLAMP, RECIPROCAL,
 *     NOT, POW_SCALAR with exponent 1 or 2;
 * <li>4 ulp: EXP, LOG, LOG1P, EXPM1, SIN, COS, TANH, RSQRT, SIGMOID, ELU, SILU, SOFTPLUS, ERF (JDK vector math,
 *     {@link FloatMath} for erf, an expm1 form for F64 tanh);
 * <li>GELU_ERF: 4 + 2x^2 ulp, GELU_TANH: 4 + 6.4|x|(1 + 0.045x^2) ulp, POW_SCALAR: 4 + 4|p0 ln|x|| ulp: the
 *     exp argument's rounding grows with its size and the result inherits it (only the far negative tail,
 *     where the values are tiny, comes near these bounds).
 * </ul>
 * F64 ERF and GELU_ERF run the scalar reference. No argument checks and no threading: the facade does both.
 */
public final class UnarySimd {
    private UnarySimd() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;
    private static final int TILE = 256;
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);

    /** Functions whose SIMD result equals the scalar reference bit for bit (see the class comment). */
    static boolean exact(UnaryFn fn, double p0) {
        return switch (fn) {
            case NEG, ABS, SQRT, SQUARE, RELU, LEAKY_RELU, SIGN, FLOOR, CEIL, ROUND, CLAMP, RECIPROCAL, NOT -> true;
            case POW_SCALAR -> p0 == 1 || p0 == 2;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- F32

    /** F32. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int n) {
        float q0 = (float) p0, q1 = (float) p1;
        if ((xStride != 1 || yStride != 1) && xStride != 0 && exact(fn, p0)) {
            UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);   // same bits, and faster than staging
        } else if (xStride == 1 && yStride == 1) {
            contiguous(fn, q0, q1, x, xOff, y, yOff, n);
        } else if (xStride == 0) {
            float[] t = {x[xOff]};
            contiguous(fn, q0, q1, t, 0, t, 0, 1);
            for (int i = 0, yi = yOff; i < n; i++, yi += yStride) y[yi] = t[0];
        } else {
            float[] tx = new float[Math.min(n, TILE)], ty = new float[tx.length];
            for (int i0 = 0; i0 < n; i0 += TILE) {
                int m = Math.min(TILE, n - i0);
                for (int i = 0, xi = xOff + i0 * xStride; i < m; i++, xi += xStride) tx[i] = x[xi];
                contiguous(fn, q0, q1, tx, 0, ty, 0, m);
                for (int i = 0, yi = yOff + i0 * yStride; i < m; i++, yi += yStride) y[yi] = ty[i];
            }
        }
    }

    // NOTE: one loop per function, each its own JIT unit. A shared loop taking a lambda (or a switch inside
    // the loop) gets OSR-compiled with a polluted profile and boxes every vector: 10-20x slower.
    private static void contiguous(UnaryFn fn, float p0, float p1, float[] x, int xOff, float[] y, int yOff, int n) {
        switch (fn) {
            case NEG -> negF(x, xOff, y, yOff, n);
            case ABS -> absF(x, xOff, y, yOff, n);
            case EXP -> expF(x, xOff, y, yOff, n);
            case LOG -> logF(x, xOff, y, yOff, n);
            case LOG1P -> log1pF(x, xOff, y, yOff, n);
            case EXPM1 -> expm1F(x, xOff, y, yOff, n);
            case SQRT -> sqrtF(x, xOff, y, yOff, n);
            case RSQRT -> rsqrtF(x, xOff, y, yOff, n);
            case SQUARE -> squareF(x, xOff, y, yOff, n);
            case SIN -> sinF(x, xOff, y, yOff, n);
            case COS -> cosF(x, xOff, y, yOff, n);
            case TANH -> tanhF(x, xOff, y, yOff, n);
            case SIGMOID -> sigmoidF(x, xOff, y, yOff, n);
            case RELU -> reluF(x, xOff, y, yOff, n);
            case LEAKY_RELU -> leakyReluF(p0, x, xOff, y, yOff, n);
            case ELU -> eluF(p0, x, xOff, y, yOff, n);
            case GELU_ERF -> geluErfF(x, xOff, y, yOff, n);
            case GELU_TANH -> geluTanhF(x, xOff, y, yOff, n);
            case SILU -> siluF(x, xOff, y, yOff, n);
            case SOFTPLUS -> softplusF(p0, p1, x, xOff, y, yOff, n);
            case SIGN -> signF(x, xOff, y, yOff, n);
            case FLOOR -> floorF(x, xOff, y, yOff, n);
            case CEIL -> ceilF(x, xOff, y, yOff, n);
            case ROUND -> roundF(x, xOff, y, yOff, n);
            case CLAMP -> clampF(p0, p1, x, xOff, y, yOff, n);
            case POW_SCALAR -> {
                if (p0 == 2f) squareF(x, xOff, y, yOff, n);
                else if (p0 == 1f) System.arraycopy(x, xOff, y, yOff, n);
                else powF(p0, x, xOff, y, yOff, n);
            }
            case RECIPROCAL -> reciprocalF(x, xOff, y, yOff, n);
            case ERF -> erfF(x, xOff, y, yOff, n);
            case NOT -> notF(x, xOff, y, yOff, n);
        }
    }

    private static void negF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.neg().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.neg().intoArray(y, yOff + i, m);
        }
    }

    private static void absF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.abs().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.abs().intoArray(y, yOff + i, m);
        }
    }

    private static void expF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.EXP).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.EXP).intoArray(y, yOff + i, m);
        }
    }

    private static void logF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.LOG).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.LOG).intoArray(y, yOff + i, m);
        }
    }

    private static void log1pF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.LOG1P).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.LOG1P).intoArray(y, yOff + i, m);
        }
    }

    private static void expm1F(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.EXPM1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.EXPM1).intoArray(y, yOff + i, m);
        }
    }

    private static void sqrtF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.sqrt().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.sqrt().intoArray(y, yOff + i, m);
        }
    }

    private static void rsqrtF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatVector.broadcast(FS, 1f).div(v.sqrt()).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatVector.broadcast(FS, 1f).div(v.sqrt()).intoArray(y, yOff + i, m);
        }
    }

    private static void squareF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.mul(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.mul(v).intoArray(y, yOff + i, m);
        }
    }

    private static void sinF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.SIN).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.SIN).intoArray(y, yOff + i, m);
        }
    }

    private static void cosF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.COS).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.COS).intoArray(y, yOff + i, m);
        }
    }

    private static void tanhF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.TANH).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.TANH).intoArray(y, yOff + i, m);
        }
    }

    private static void sigmoidF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatMath.sigmoid(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatMath.sigmoid(v).intoArray(y, yOff + i, m);
        }
    }

    private static void reluF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.blend(0f, v.compare(VectorOperators.LE, 0f)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.blend(0f, v.compare(VectorOperators.LE, 0f)).intoArray(y, yOff + i, m);
        }
    }

    private static void leakyReluF(float p0, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i, m);
        }
    }

    private static void eluF(float p0, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.EXPM1).mul(p0).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.EXPM1).mul(p0).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i, m);
        }
    }

    private static void geluErfF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatMath.geluErf(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatMath.geluErf(v).intoArray(y, yOff + i, m);
        }
    }

    private static void geluTanhF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.mul(FloatMath.sigmoid(v.mul(v).fma(0.044715f, 1f).mul(v).mul(2f * SQRT_2_OVER_PI))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.mul(FloatMath.sigmoid(v.mul(v).fma(0.044715f, 1f).mul(v).mul(2f * SQRT_2_OVER_PI))).intoArray(y, yOff + i, m);
        }
    }

    private static void siluF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.mul(FloatMath.sigmoid(v)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.mul(FloatMath.sigmoid(v)).intoArray(y, yOff + i, m);
        }
    }

    private static void softplusF(float p0, float p1, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            softplus(v, p0, p1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            softplus(v, p0, p1).intoArray(y, yOff + i, m);
        }
    }

    private static void signF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.blend(1f, v.compare(VectorOperators.GT, 0f)).blend(-1f, v.compare(VectorOperators.LT, 0f)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.blend(1f, v.compare(VectorOperators.GT, 0f)).blend(-1f, v.compare(VectorOperators.LT, 0f)).intoArray(y, yOff + i, m);
        }
    }

    private static void floorF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatMath.floor(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatMath.floor(v).intoArray(y, yOff + i, m);
        }
    }

    private static void ceilF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatMath.ceil(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatMath.ceil(v).intoArray(y, yOff + i, m);
        }
    }

    private static void roundF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatMath.rint(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatMath.rint(v).intoArray(y, yOff + i, m);
        }
    }

    private static void clampF(float p0, float p1, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            clamp(v, p0, p1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            clamp(v, p0, p1).intoArray(y, yOff + i, m);
        }
    }

    private static void powF(float p0, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.lanewise(VectorOperators.POW, p0).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.lanewise(VectorOperators.POW, p0).intoArray(y, yOff + i, m);
        }
    }

    private static void reciprocalF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatVector.broadcast(FS, 1f).div(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatVector.broadcast(FS, 1f).div(v).intoArray(y, yOff + i, m);
        }
    }

    private static void erfF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatMath.erf(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatMath.erf(v).intoArray(y, yOff + i, m);
        }
    }

    private static void notF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            FloatVector.zero(FS).blend(1f, v.compare(VectorOperators.EQ, 0f)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatVector.zero(FS).blend(1f, v.compare(VectorOperators.EQ, 0f)).intoArray(y, yOff + i, m);
        }
    }

    private static FloatVector softplus(FloatVector v, float beta, float threshold) {
        FloatVector bx = v.mul(beta);
        return bx.lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P).div(beta).blend(v, bx.compare(VectorOperators.GT, threshold));
    }

    /** min(max(v, lo), hi) keeping NaN lanes; a NaN bound compares false everywhere, i.e. no bound. */
    private static FloatVector clamp(FloatVector v, float lo, float hi) {
        FloatVector r = v.blend(lo, v.compare(VectorOperators.LT, lo));
        return r.blend(hi, r.compare(VectorOperators.GT, hi));
    }

    // ---------------------------------------------------------------- F64

    /** F64. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride, int n) {
        if (fn == UnaryFn.ERF || fn == UnaryFn.GELU_ERF || (xStride != 1 || yStride != 1) && xStride != 0 && exact(fn, p0)) {
            UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
        } else if (xStride == 1 && yStride == 1) {
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

    private static void contiguous(UnaryFn fn, double p0, double p1, double[] x, int xOff, double[] y, int yOff, int n) {
        switch (fn) {
            case NEG -> negD(x, xOff, y, yOff, n);
            case ABS -> absD(x, xOff, y, yOff, n);
            case EXP -> expD(x, xOff, y, yOff, n);
            case LOG -> logD(x, xOff, y, yOff, n);
            case LOG1P -> log1pD(x, xOff, y, yOff, n);
            case EXPM1 -> expm1D(x, xOff, y, yOff, n);
            case SQRT -> sqrtD(x, xOff, y, yOff, n);
            case RSQRT -> rsqrtD(x, xOff, y, yOff, n);
            case SQUARE -> squareD(x, xOff, y, yOff, n);
            case SIN -> sinD(x, xOff, y, yOff, n);
            case COS -> cosD(x, xOff, y, yOff, n);
            case TANH -> tanhD(x, xOff, y, yOff, n);
            case SIGMOID -> sigmoidD(x, xOff, y, yOff, n);
            case RELU -> reluD(x, xOff, y, yOff, n);
            case LEAKY_RELU -> leakyReluD(p0, x, xOff, y, yOff, n);
            case ELU -> eluD(p0, x, xOff, y, yOff, n);
            case GELU_TANH -> geluTanhD(x, xOff, y, yOff, n);
            case SILU -> siluD(x, xOff, y, yOff, n);
            case SOFTPLUS -> softplusD(p0, p1, x, xOff, y, yOff, n);
            case SIGN -> signD(x, xOff, y, yOff, n);
            case FLOOR -> floorD(x, xOff, y, yOff, n);
            case CEIL -> ceilD(x, xOff, y, yOff, n);
            case ROUND -> roundD(x, xOff, y, yOff, n);
            case CLAMP -> clampD(p0, p1, x, xOff, y, yOff, n);
            case POW_SCALAR -> {
                if (p0 == 2.0) squareD(x, xOff, y, yOff, n);
                else if (p0 == 1.0) System.arraycopy(x, xOff, y, yOff, n);
                else powD(p0, x, xOff, y, yOff, n);
            }
            case RECIPROCAL -> reciprocalD(x, xOff, y, yOff, n);
            case NOT -> notD(x, xOff, y, yOff, n);
            case ERF, GELU_ERF -> throw new IllegalStateException("unary " + fn + ": F64 runs the scalar reference");
        }
    }

    private static void negD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.neg().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.neg().intoArray(y, yOff + i, m);
        }
    }

    private static void absD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.abs().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.abs().intoArray(y, yOff + i, m);
        }
    }

    private static void expD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.lanewise(VectorOperators.EXP).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.lanewise(VectorOperators.EXP).intoArray(y, yOff + i, m);
        }
    }

    private static void logD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.lanewise(VectorOperators.LOG).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.lanewise(VectorOperators.LOG).intoArray(y, yOff + i, m);
        }
    }

    private static void log1pD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.lanewise(VectorOperators.LOG1P).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.lanewise(VectorOperators.LOG1P).intoArray(y, yOff + i, m);
        }
    }

    private static void expm1D(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.lanewise(VectorOperators.EXPM1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.lanewise(VectorOperators.EXPM1).intoArray(y, yOff + i, m);
        }
    }

    private static void sqrtD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.sqrt().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.sqrt().intoArray(y, yOff + i, m);
        }
    }

    private static void rsqrtD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            DoubleVector.broadcast(DS, 1.0).div(v.sqrt()).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            DoubleVector.broadcast(DS, 1.0).div(v.sqrt()).intoArray(y, yOff + i, m);
        }
    }

    private static void squareD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.mul(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.mul(v).intoArray(y, yOff + i, m);
        }
    }

    private static void sinD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.lanewise(VectorOperators.SIN).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.lanewise(VectorOperators.SIN).intoArray(y, yOff + i, m);
        }
    }

    private static void cosD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.lanewise(VectorOperators.COS).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.lanewise(VectorOperators.COS).intoArray(y, yOff + i, m);
        }
    }

    private static void tanhD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            tanh(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            tanh(v).intoArray(y, yOff + i, m);
        }
    }

    private static void sigmoidD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            sigmoid(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            sigmoid(v).intoArray(y, yOff + i, m);
        }
    }

    private static void reluD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.blend(0.0, v.compare(VectorOperators.LE, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.blend(0.0, v.compare(VectorOperators.LE, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void leakyReluD(double p0, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void eluD(double p0, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.lanewise(VectorOperators.EXPM1).mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.lanewise(VectorOperators.EXPM1).mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void geluTanhD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.mul(sigmoid(v.mul(v).fma(0.044715, 1.0).mul(v).mul(2.0 * SQRT_2_OVER_PI_D))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.mul(sigmoid(v.mul(v).fma(0.044715, 1.0).mul(v).mul(2.0 * SQRT_2_OVER_PI_D))).intoArray(y, yOff + i, m);
        }
    }

    private static void siluD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.mul(sigmoid(v)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.mul(sigmoid(v)).intoArray(y, yOff + i, m);
        }
    }

    private static void softplusD(double p0, double p1, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            softplus(v, p0, p1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            softplus(v, p0, p1).intoArray(y, yOff + i, m);
        }
    }

    private static void signD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.blend(1.0, v.compare(VectorOperators.GT, 0.0)).blend(-1.0, v.compare(VectorOperators.LT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.blend(1.0, v.compare(VectorOperators.GT, 0.0)).blend(-1.0, v.compare(VectorOperators.LT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void floorD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            floor(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            floor(v).intoArray(y, yOff + i, m);
        }
    }

    private static void ceilD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            ceil(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            ceil(v).intoArray(y, yOff + i, m);
        }
    }

    private static void roundD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            rint(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            rint(v).intoArray(y, yOff + i, m);
        }
    }

    private static void clampD(double p0, double p1, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            clamp(v, p0, p1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            clamp(v, p0, p1).intoArray(y, yOff + i, m);
        }
    }

    private static void powD(double p0, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            v.lanewise(VectorOperators.POW, p0).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            v.lanewise(VectorOperators.POW, p0).intoArray(y, yOff + i, m);
        }
    }

    private static void reciprocalD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            DoubleVector.broadcast(DS, 1.0).div(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            DoubleVector.broadcast(DS, 1.0).div(v).intoArray(y, yOff + i, m);
        }
    }

    private static void notD(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i);
            DoubleVector.zero(DS).blend(1.0, v.compare(VectorOperators.EQ, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(DS, x, xOff + i, m);
            DoubleVector.zero(DS).blend(1.0, v.compare(VectorOperators.EQ, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static final double TWO_52 = 4503599627370496.0;
    private static final double SQRT_2_OVER_PI_D = Math.sqrt(2.0 / Math.PI);

    private static DoubleVector orSign(DoubleVector r, DoubleVector v) {
        return r.reinterpretAsLongs().or(v.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    /** Math.rint, exactly (see FloatMath.rint). */
    private static DoubleVector rint(DoubleVector v) {
        DoubleVector a = v.abs();
        DoubleVector r = a.add(TWO_52).sub(TWO_52);
        return orSign(r.blend(a, a.compare(VectorOperators.LT, TWO_52).not()), v);
    }

    private static DoubleVector floor(DoubleVector v) {
        DoubleVector r = rint(v);
        r = r.sub(1.0, r.compare(VectorOperators.GT, v));
        return orSign(r.abs(), v).blend(r, r.compare(VectorOperators.NE, 0.0));
    }

    private static DoubleVector ceil(DoubleVector v) {
        DoubleVector r = rint(v);
        r = r.add(1.0, r.compare(VectorOperators.LT, v));
        return orSign(r.abs(), v).blend(r, r.compare(VectorOperators.NE, 0.0));
    }

    private static DoubleVector clamp(DoubleVector v, double lo, double hi) {
        DoubleVector r = v.blend(lo, v.compare(VectorOperators.LT, lo));
        return r.blend(hi, r.compare(VectorOperators.GT, hi));
    }

    private static DoubleVector softplus(DoubleVector v, double beta, double threshold) {
        DoubleVector bx = v.mul(beta);
        return bx.lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P).div(beta).blend(v, bx.compare(VectorOperators.GT, threshold));
    }

    /**
     * tanh(v) = sign(v) t / (t + 2), t = expm1(2|v|): the JDK's vector TANH for doubles is not intrinsified
     * here (30x slower than this); |v| > 20 gives +-1 directly (t would overflow).
     */
    private static DoubleVector tanh(DoubleVector v) {
        DoubleVector a = v.abs();
        DoubleVector t = a.mul(2.0).lanewise(VectorOperators.EXPM1);
        DoubleVector r = t.div(t.add(2.0)).blend(1.0, a.compare(VectorOperators.GT, 20.0));
        return orSign(r, v);
    }

    /** sigmoid(z) without overflow: e = exp(-|z|); 1/(1+e) for z >= 0, e/(1+e) below. */
    private static DoubleVector sigmoid(DoubleVector z) {
        DoubleVector e = z.abs().neg().lanewise(VectorOperators.EXP);
        DoubleVector r = DoubleVector.broadcast(DS, 1.0).div(e.add(1.0));
        return r.blend(e.mul(r), z.compare(VectorOperators.LT, 0.0));
    }

    // ---------------------------------------------------------------- I32 / I64 / BOOL

    /** I32 (integer-safe fns). Unit strides vectorized; others use the scalar loop. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, int[] x, int xOff, int xStride, int[] y, int yOff, int yStride, int n) {
        if (xStride != 1 || yStride != 1 || fn == UnaryFn.CLAMP && (p0 != p0 || p1 != p1)) {
            UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
            return;
        }
        int lo = (int) Math.ceil(Math.max(p0, Integer.MIN_VALUE)), hi = (int) Math.floor(Math.min(p1, Integer.MAX_VALUE));
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) map(fn, IntVector.fromArray(IS, x, xOff + i), lo, hi).intoArray(y, yOff + i);
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            map(fn, IntVector.fromArray(IS, x, xOff + i, m), lo, hi).intoArray(y, yOff + i, m);
        }
    }

    private static IntVector map(UnaryFn fn, IntVector v, int lo, int hi) {
        return switch (fn) {
            case NEG -> v.neg();
            case ABS -> v.abs();
            case SQUARE -> v.mul(v);
            case SIGN -> IntVector.zero(IS).blend(1, v.compare(VectorOperators.GT, 0)).blend(-1, v.compare(VectorOperators.LT, 0));
            case RELU -> v.max(0);
            case FLOOR, CEIL, ROUND -> v;
            case CLAMP -> v.max(lo).min(hi);
            case NOT -> IntVector.zero(IS).blend(1, v.compare(VectorOperators.EQ, 0));
            default -> throw new IllegalArgumentException("unary " + fn + ": not defined on I32");
        };
    }

    /** I64 (integer-safe fns). Unit strides vectorized; others use the scalar loop. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, long[] x, int xOff, int xStride, long[] y, int yOff, int yStride, int n) {
        if (xStride != 1 || yStride != 1 || fn == UnaryFn.CLAMP && (p0 != p0 || p1 != p1) || fn == UnaryFn.SQUARE) {
            UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
            return;
        }
        long lo = (long) Math.ceil(p0), hi = (long) Math.floor(p1);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) map(fn, LongVector.fromArray(LS, x, xOff + i), lo, hi).intoArray(y, yOff + i);
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            map(fn, LongVector.fromArray(LS, x, xOff + i, m), lo, hi).intoArray(y, yOff + i, m);
        }
    }

    private static LongVector map(UnaryFn fn, LongVector v, long lo, long hi) {
        return switch (fn) {
            case NEG -> v.neg();
            case ABS -> v.abs();
            case SIGN -> LongVector.zero(LS).blend(1L, v.compare(VectorOperators.GT, 0L)).blend(-1L, v.compare(VectorOperators.LT, 0L));
            case RELU -> v.max(0L);
            case FLOOR, CEIL, ROUND -> v;
            case CLAMP -> v.max(lo).min(hi);
            case NOT -> LongVector.zero(LS).blend(1L, v.compare(VectorOperators.EQ, 0L));
            default -> throw new IllegalArgumentException("unary " + fn + ": not defined on I64");
        };
    }

    /** BOOL: NOT. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, byte[] x, int xOff, int xStride, byte[] y, int yOff, int yStride, int n) {
        if (fn != UnaryFn.NOT || xStride != 1 || yStride != 1) {
            UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
            return;
        }
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        ByteVector zero = ByteVector.zero(BS);
        for (; i < bound; i += len) zero.blend((byte) 1, ByteVector.fromArray(BS, x, xOff + i).compare(VectorOperators.EQ, (byte) 0)).intoArray(y, yOff + i);
        for (; i < n; i++) y[yOff + i] = (byte) (x[xOff + i] == 0 ? 1 : 0);
    }
}
