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
 * gets the same lane math wherever it sits; a broadcast input (stride 0) is computed once; other strides are
 * staged through a small tile. Exact functions (NEG, ABS, SQRT, SQUARE, RELU, LEAKY_RELU, SIGN, FLOOR, CEIL,
 * ROUND, CLAMP, RECIPROCAL, NOT, POW_SCALAR with exponent 1 or 2) equal the scalar reference bit for bit;
 * the transcendental ones use the JDK's vector math (or {@link FloatMath} for erf) and stay within the
 * tolerances the property tests document. F64 ERF and GELU_ERF use the scalar reference per element.
 * No argument checks and no threading: the facade does both.
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

    // ---------------------------------------------------------------- F32

    /** F32. Writes y. */
    public static void apply(UnaryFn fn, double p0, double p1, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int n) {
        float q0 = (float) p0, q1 = (float) p1;
        if (xStride == 1 && yStride == 1) {
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
            FloatVector.broadcast(FS, 1f).div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            FloatVector.broadcast(FS, 1f).div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(y, yOff + i, m);
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
            v.div(v.mul(v).fma(0.044715f, 1f).mul(v).mul(-2f * SQRT_2_OVER_PI).lanewise(VectorOperators.EXP).add(1f)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.div(v.mul(v).fma(0.044715f, 1f).mul(v).mul(-2f * SQRT_2_OVER_PI).lanewise(VectorOperators.EXP).add(1f)).intoArray(y, yOff + i, m);
        }
    }

    private static void siluF(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i);
            v.div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(FS, x, xOff + i, m);
            v.div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(y, yOff + i, m);
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
        if (fn == UnaryFn.ERF || fn == UnaryFn.GELU_ERF) {
            UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
        } else if (xStride == 1 && yStride == 1) {
            contiguous(fn, p0, p1, x, xOff, y, yOff, n);
        } else if (xStride == 0) {
            double v = map(fn, DoubleVector.broadcast(DS, x[xOff]), p0, p1).lane(0);
            for (int i = 0, yi = yOff; i < n; i++, yi += yStride) y[yi] = v;
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
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) map(fn, DoubleVector.fromArray(DS, x, xOff + i), p0, p1).intoArray(y, yOff + i);
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            map(fn, DoubleVector.fromArray(DS, x, xOff + i, m), p0, p1).intoArray(y, yOff + i, m);
        }
    }

    private static final double TWO_52 = 4503599627370496.0;

    private static DoubleVector orSign(DoubleVector r, DoubleVector v) {
        return r.reinterpretAsLongs().or(v.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    private static DoubleVector rint(DoubleVector v) {
        DoubleVector a = v.abs();
        DoubleVector r = a.add(TWO_52).sub(TWO_52);
        return orSign(r.blend(a, a.compare(VectorOperators.LT, TWO_52).not()), v);
    }

    /** fn on every lane of v (F64; ERF and GELU_ERF are not served here). */
    static DoubleVector map(UnaryFn fn, DoubleVector v, double p0, double p1) {
        return switch (fn) {
            case NEG -> v.neg();
            case ABS -> v.abs();
            case EXP -> v.lanewise(VectorOperators.EXP);
            case LOG -> v.lanewise(VectorOperators.LOG);
            case LOG1P -> v.lanewise(VectorOperators.LOG1P);
            case EXPM1 -> v.lanewise(VectorOperators.EXPM1);
            case SQRT -> v.sqrt();
            case RSQRT -> DoubleVector.broadcast(DS, 1.0).div(v.sqrt());
            case SQUARE -> v.mul(v);
            case SIN -> v.lanewise(VectorOperators.SIN);
            case COS -> v.lanewise(VectorOperators.COS);
            case TANH -> v.lanewise(VectorOperators.TANH);
            case SIGMOID -> DoubleVector.broadcast(DS, 1.0).div(v.neg().lanewise(VectorOperators.EXP).add(1.0));
            case RELU -> v.blend(0.0, v.compare(VectorOperators.LE, 0.0));
            case LEAKY_RELU -> v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0));
            case ELU -> v.lanewise(VectorOperators.EXPM1).mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0));
            case GELU_TANH -> {
                DoubleVector u2 = v.mul(v).fma(0.044715, 1.0).mul(v).mul(-2.0 * Math.sqrt(2.0 / Math.PI));
                yield v.div(u2.lanewise(VectorOperators.EXP).add(1.0));
            }
            case SILU -> v.div(v.neg().lanewise(VectorOperators.EXP).add(1.0));
            case SOFTPLUS -> {
                DoubleVector bx = v.mul(p0);
                yield bx.lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P).div(p0).blend(v, bx.compare(VectorOperators.GT, p1));
            }
            case SIGN -> v.blend(1.0, v.compare(VectorOperators.GT, 0.0)).blend(-1.0, v.compare(VectorOperators.LT, 0.0));
            case FLOOR -> {
                DoubleVector r = rint(v);
                r = r.sub(1.0, r.compare(VectorOperators.GT, v));
                yield orSign(r.abs(), v).blend(r, r.compare(VectorOperators.NE, 0.0));
            }
            case CEIL -> {
                DoubleVector r = rint(v);
                r = r.add(1.0, r.compare(VectorOperators.LT, v));
                yield orSign(r.abs(), v).blend(r, r.compare(VectorOperators.NE, 0.0));
            }
            case ROUND -> rint(v);
            case CLAMP -> {
                DoubleVector r = v;
                if (p0 == p0) r = r.blend(p0, r.compare(VectorOperators.LT, p0));
                if (p1 == p1) r = r.blend(p1, r.compare(VectorOperators.GT, p1));
                yield r;
            }
            case POW_SCALAR -> p0 == 2.0 ? v.mul(v) : p0 == 1.0 ? v : v.lanewise(VectorOperators.POW, p0);
            case RECIPROCAL -> DoubleVector.broadcast(DS, 1.0).div(v);
            case NOT -> DoubleVector.zero(DS).blend(1.0, v.compare(VectorOperators.EQ, 0.0));
            case ERF, GELU_ERF -> throw new IllegalStateException("unary " + fn + ": F64 runs the scalar reference");
        };
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
