package dev.weft.kernels.elementwise;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Dense sweeps of the vector exp / expm1 / log / log1p and the functions built on them (FloatMath, DoubleMath)
 * against the scalar reference, within UnaryProperties.ulps: uniform points over each function's interesting
 * range (overflow and underflow edges included) plus random bit patterns (every exponent, subnormals, specials).
 */
class VectorMathTest {

    private static final UnaryFn[] FNS = {UnaryFn.EXP, UnaryFn.EXPM1, UnaryFn.LOG, UnaryFn.LOG1P, UnaryFn.TANH,
        UnaryFn.SIGMOID, UnaryFn.SILU, UnaryFn.ELU, UnaryFn.SOFTPLUS, UnaryFn.GELU_TANH, UnaryFn.GELU_ERF, UnaryFn.ERF};

    /** [lo, hi] of the uniform part of the sweep. */
    private static double[] range(UnaryFn fn, boolean f32) {
        return switch (fn) {
            case EXP -> f32 ? new double[] {-110, 92} : new double[] {-750, 712};
            case EXPM1 -> f32 ? new double[] {-30, 92} : new double[] {-50, 712};
            case LOG -> new double[] {0, 4};
            case LOG1P -> new double[] {-1, 3};
            default -> new double[] {-30, 30};
        };
    }

    private static final int N = 20000;

    @Test
    void f32SweepsWithinTolerance() {
        SplittableRandom r = new SplittableRandom(11);
        for (UnaryFn fn : FNS) {
            double p0 = fn == UnaryFn.ELU ? 1.3 : fn == UnaryFn.SOFTPLUS ? 1 : 0, p1 = fn == UnaryFn.SOFTPLUS ? 20 : 0;
            double[] lr = range(fn, true);
            float[] x = new float[3 * N];
            for (int i = 0; i < N; i++) x[i] = (float) (lr[0] + (lr[1] - lr[0]) * i / (N - 1));
            for (int i = N; i < 2 * N; i++) x[i] = Float.intBitsToFloat(r.nextInt());
            for (int i = 2 * N; i < 3 * N; i++) x[i] = (float) (Math.scalb(r.nextDouble(0.5, 1), r.nextInt(-40, 8)) * (r.nextBoolean() ? 1 : -1));
            float[] want = new float[x.length], got = new float[x.length];
            UnaryScalar.apply(fn, p0, p1, x, 0, 1, want, 0, 1, x.length);
            UnarySimd.apply(fn, p0, p1, x, 0, 1, got, 0, 1, x.length);
            for (int i = 0; i < x.length; i++) {
                if (!Operands.close(want[i], got[i], UnaryProperties.ulps(fn, x[i], p0), true)) {
                    fail("unary " + fn + " F32 x = " + x[i] + " (bits " + Integer.toHexString(Float.floatToRawIntBits(x[i]))
                            + "): scalar " + want[i] + " simd " + got[i]);
                }
            }
        }
    }

    @Test
    void f64SweepsWithinTolerance() {
        SplittableRandom r = new SplittableRandom(12);
        for (UnaryFn fn : FNS) {
            double p0 = fn == UnaryFn.ELU ? 1.3 : fn == UnaryFn.SOFTPLUS ? 1 : 0, p1 = fn == UnaryFn.SOFTPLUS ? 20 : 0;
            double[] lr = range(fn, false);
            double[] x = new double[3 * N];
            for (int i = 0; i < N; i++) x[i] = lr[0] + (lr[1] - lr[0]) * i / (N - 1);
            for (int i = N; i < 2 * N; i++) x[i] = Double.longBitsToDouble(r.nextLong());
            for (int i = 2 * N; i < 3 * N; i++) x[i] = Math.scalb(r.nextDouble(0.5, 1), r.nextInt(-80, 11)) * (r.nextBoolean() ? 1 : -1);
            double[] want = new double[x.length], got = new double[x.length];
            UnaryScalar.apply(fn, p0, p1, x, 0, 1, want, 0, 1, x.length);
            UnarySimd.apply(fn, p0, p1, x, 0, 1, got, 0, 1, x.length);
            for (int i = 0; i < x.length; i++) {
                if (!Operands.close(want[i], got[i], UnaryProperties.ulps(fn, x[i], p0), false)) {
                    fail("unary " + fn + " F64 x = " + x[i] + " (bits " + Long.toHexString(Double.doubleToRawLongBits(x[i]))
                            + "): scalar " + want[i] + " simd " + got[i]);
                }
            }
        }
    }
}
