package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PointwiseTest {

    private static final double[] X = {-2.5, -1, -0.25, 0, 0.5, 1, 3};
    private static final double[] POS = {0.1, 0.5, 1, 2, 10};

    private static void unary(String name, Function<Tensor, Tensor> op, DoubleUnaryOperator ref, double[] xs) {
        double[] got = op.apply(Tensor.of(xs)).toDoubleArray();
        float[] gotF = op.apply(Tensor.of(xs).to(DType.F32)).toFloatArray();
        for (int i = 0; i < xs.length; i++) {
            double want = ref.applyAsDouble(xs[i]);
            assertEquals(want, got[i], 1e-12 * Math.max(1, Math.abs(want)), name + "(" + xs[i] + ") f64");
            assertEquals(want, gotF[i], 2e-6 * Math.max(1, Math.abs(want)), name + "(" + xs[i] + ") f32");
        }
    }

    private static double erf(double x) {
        // Abramowitz-Stegun 7.1.26 is too coarse; integrate the series instead (|x| <= 3 here).
        double sum = 0, term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    @Test
    void unaryGoldenValues() {
        unary("neg", Tensor::neg, v -> -v, X);
        unary("abs", Tensor::abs, Math::abs, X);
        unary("exp", Tensor::exp, Math::exp, X);
        unary("log", Tensor::log, Math::log, POS);
        unary("log1p", Tensor::log1p, Math::log1p, POS);
        unary("expm1", Tensor::expm1, Math::expm1, X);
        unary("sqrt", Tensor::sqrt, Math::sqrt, POS);
        unary("rsqrt", Tensor::rsqrt, v -> 1 / Math.sqrt(v), POS);
        unary("square", Tensor::square, v -> v * v, X);
        unary("sin", Tensor::sin, Math::sin, X);
        unary("cos", Tensor::cos, Math::cos, X);
        unary("tanh", Tensor::tanh, Math::tanh, X);
        unary("sigmoid", Tensor::sigmoid, v -> 1 / (1 + Math.exp(-v)), X);
        unary("relu", Tensor::relu, v -> Math.max(v, 0), X);
        unary("leakyRelu", t -> t.leakyRelu(0.1), v -> v > 0 ? v : 0.1 * v, X);
        unary("elu", t -> t.elu(1.5), v -> v > 0 ? v : 1.5 * Math.expm1(v), X);
        unary("gelu", Tensor::gelu, v -> 0.5 * v * (1 + erf(v / Math.sqrt(2))), X);
        unary("gelu tanh", t -> t.gelu("tanh"),
                v -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))), X);
        unary("silu", Tensor::silu, v -> v / (1 + Math.exp(-v)), X);
        unary("softplus", t -> t.softplus(2, 4), v -> 2 * v > 4 ? v : Math.log1p(Math.exp(2 * v)) / 2, X);
        unary("sign", Tensor::sign, Math::signum, X);
        unary("floor", Tensor::floor, Math::floor, X);
        unary("ceil", Tensor::ceil, Math::ceil, X);
        unary("round", Tensor::round, Math::rint, new double[] {-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.6});
        unary("clamp", t -> t.clamp(-1, 0.5), v -> Math.min(Math.max(v, -1), 0.5), X);
        unary("clampMin", t -> t.clampMin(0.2), v -> Math.max(v, 0.2), X);
        unary("clampMax", t -> t.clampMax(0.2), v -> Math.min(v, 0.2), X);
        unary("pow", t -> t.pow(3), v -> v * v * v, X);
        unary("reciprocal", Tensor::reciprocal, v -> 1 / v, POS);
        unary("erf", Tensor::erf, PointwiseTest::erf, X);
    }

    @Test
    void integerInputsPromoteForFloatFunctions() {
        Tensor i = Tensor.of(1L, 4L, 9L);
        assertEquals(DType.F32, i.sqrt().dtype());
        assertArrayEquals(new float[] {1, 2, 3}, i.sqrt().toFloatArray());
        assertEquals(DType.I64, i.neg().dtype());
        assertArrayEquals(new long[] {-1, -4, -9}, i.neg().toLongArray());
        assertArrayEquals(new long[] {2, 4, 5}, i.clamp(2, 5).toLongArray());
    }

    @Test
    void binaryBroadcastingAndScalars() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(10f, 20f, 30f);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, a.add(b).toFloatArray());
        assertArrayEquals(new float[] {-9, -18, -27, -6, -15, -24}, a.sub(b).toFloatArray());
        assertArrayEquals(new float[] {10, 40, 90, 40, 100, 180}, a.mul(b).toFloatArray());
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 0.4f, 0.25f, 0.2f}, a.div(b).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[] {1, 4, 9, 16, 25, 36}, a.pow(Tensor.scalar(2)).toFloatArray());
        Tensor col = Tensor.of(new float[][] {{2}, {5}});
        assertArrayEquals(new float[] {2, 2, 3, 5, 5, 6}, a.maximum(col).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 2, 4, 5, 5}, a.minimum(col).toFloatArray());
        assertArrayEquals(new float[] {3, 4, 5, 6, 7, 8}, a.add(2.0).toFloatArray());
        assertArrayEquals(new float[] {-1, 0, 1, 2, 3, 4}, a.add(b, 0).sub(2).toFloatArray());
        assertArrayEquals(new float[] {21, 42, 63, 24, 45, 66}, a.add(b, 2).toFloatArray());
        assertArrayEquals(new double[] {Math.atan2(1, 2), Math.atan2(-1, -2)},
                Tensor.of(1.0, -1.0).atan2(Tensor.of(2.0, -2.0)).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1, 1, -1, -1}, Tensor.of(7.0, -5.0, 5.0, -7.0).remainder(Tensor.of(3.0, 3.0, -3.0, -3.0)).toDoubleArray());
        assertArrayEquals(new double[] {1, -2, 2, -1}, Tensor.of(7.0, -5.0, 5.0, -7.0).fmod(3).toDoubleArray());
    }

    @Test
    void dtypePromotion() {
        Tensor i = Tensor.of(1, 2, 3);
        assertEquals(DType.I32, i.add(1L).dtype());
        assertEquals(DType.F32, i.add(1.5).dtype());
        assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, i.add(1.5).toFloatArray());
        assertEquals(DType.F32, i.div(Tensor.of(2, 2, 2)).dtype());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f}, i.div(Tensor.of(2, 2, 2)).toFloatArray());
        assertEquals(DType.F32, Tensor.of(1f).mul(2.0).dtype());
        assertEquals(DType.F64, Tensor.of(1f).mul(Tensor.of(2.0)).dtype());
        assertEquals(DType.I64, i.add(Tensor.of(1L, 1L, 1L)).dtype());
        assertEquals(DType.I64, Tensor.of(true, false).add(Tensor.of(true, true)).dtype());
    }

    @Test
    void comparisonsLogicalAndWhere() {
        Tensor a = Tensor.of(1.0, 2.0, Double.NaN, 4.0);
        Tensor b = Tensor.of(1.0, 3.0, Double.NaN, 3.0);
        assertArrayEquals(new boolean[] {true, false, false, false}, a.eq(b).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, true, true}, a.ne(b).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, false, false}, a.lt(b).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, false, false}, a.le(b).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false, true}, a.gt(b).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, false, true}, a.ge(b).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, false, true}, a.gt(1.5).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, true}, Tensor.of(3L, 4L, 3L).eq(3).toBooleanArray());
        Tensor p = Tensor.of(true, true, false, false), q = Tensor.of(true, false, true, false);
        assertArrayEquals(new boolean[] {true, false, false, false}, p.logicalAnd(q).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, true, false}, p.logicalOr(q).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, true, false}, p.logicalXor(q).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, true, true}, p.logicalNot().toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, true}, Tensor.of(2.0, 0.0, -1.0).logicalAnd(Tensor.of(true)).toBooleanArray());
        Tensor w = Tensor.where(Tensor.of(true, false, true), Tensor.of(1f, 2f, 3f), Tensor.of(-1.0));
        assertEquals(DType.F64, w.dtype());
        assertArrayEquals(new double[] {1, -1, 3}, w.toDoubleArray());
        assertArrayEquals(new float[] {1, 0, 3}, Tensor.where(Tensor.of(true, false, true), Tensor.of(1f, 2f, 3f), 0).toFloatArray());
    }

    @Test
    void inPlaceOps() {
        Tensor x = Tensor.ones(2, 2);
        int v = x.version();
        x.add_(Tensor.of(1f, 2f)).mul_(2).sub_(1).div_(Tensor.scalar(2));
        assertArrayEquals(new float[] {1.5f, 2.5f, 1.5f, 2.5f}, x.toFloatArray());
        assertEquals(v + 4, x.version());
        Tensor i = Tensor.of(1L, 2L);
        assertEquals("add_: result dtype f32 cannot be stored in the i64 tensor (2,)",
                assertThrows(IllegalArgumentException.class, () -> i.add_(0.5)).getMessage());
        assertEquals("add_: result shape (2, 2) does not match the in-place tensor's shape (2,)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2).add_(Tensor.zeros(2, 1))).getMessage());
    }

    @Test
    void errorsNameOpShapesAndDtypes() {
        assertEquals("add: shapes (2, 3) and (4,) cannot broadcast",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4))).getMessage());
        assertEquals("where: shapes (2,), (3,), (1,) cannot broadcast",
                assertThrows(IllegalArgumentException.class,
                        () -> Tensor.where(Tensor.of(true, false), Tensor.zeros(3), Tensor.zeros(1))).getMessage());
        assertEquals("abs: bool input (2,) is not supported",
                assertThrows(IllegalArgumentException.class, () -> Tensor.of(true, false).abs()).getMessage());
        assertEquals("gelu: approximate must be \"none\" or \"tanh\", got \"fast\"",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(1).gelu("fast")).getMessage());
        assertEquals("exp: expected a floating dtype (f32 or f64), got i64 for input (2,)",
                assertThrows(IllegalArgumentException.class, () -> dev.weft.tensor.Dispatch.apply1(
                        new dev.weft.tensor.op.ElementwiseOp.Unary(dev.weft.tensor.op.UnaryFn.EXP), Tensor.of(1L, 2L))).getMessage());
        assertTrue(Tensor.of(1.0).allclose(Tensor.of(1.0 + 1e-9)));
    }
}
