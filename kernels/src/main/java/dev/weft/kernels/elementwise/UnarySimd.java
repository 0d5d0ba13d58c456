package dev.weft.kernels.elementwise;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Unary}. Unit strides run whole vectors plus one masked tail, so every element
 * gets the same lane math wherever it sits; a broadcast input (stride 0) is computed once; other strides run
 * the scalar loop for the exact functions and are staged through a small tile for the others.
 * <p>Same input, same bits: every function is built from basic lane ops (add, mul, fma, div, sqrt, compare,
 * blend, bit ops), which are IEEE-exact in every JIT mode and in masked tails, via {@link FloatMath} /
 * {@link DoubleMath} (our own exp, expm1, log, log1p); none uses the Vector API's transcendental operators,
 * whose bits depend on compilation state. SIN, COS and POW_SCALAR (exponent other than 1 or 2) run the scalar
 * reference loop, so they equal it bit for bit.
 * <p>Accuracy against {@link UnaryScalar} (ulp of the reference; values below the smallest normal are treated as 0):
 * <ul>
 * <li>exact, bit for bit: NEG, ABS, SQRT, SQUARE, RELU, LEAKY_RELU, SIGN, FLOOR, CEIL, ROUND, CLAMP, RECIPROCAL,
 *     NOT, SIN, COS, POW_SCALAR (scalar loop or exact lane ops);
 * <li>4 ulp: EXP, LOG, LOG1P, EXPM1, TANH, RSQRT, SIGMOID, ELU, SILU, SOFTPLUS, ERF (our vector exp / log;
 *     {@link FloatMath} for erf, an expm1 form for tanh);
 * <li>GELU_ERF: 4 + 2x^2 ulp, GELU_TANH: 4 + 6.4|x|(1 + 0.045x^2) ulp: the exp argument's rounding grows
 *     with its size and the result inherits it (only the far negative tail, where the values are tiny, comes
 *     near these bounds).
 * </ul>
 * F64 ERF and GELU_ERF run the scalar reference. No argument checks and no threading: the facade does both.
 */
public final class UnarySimd {
    private UnarySimd() {}

    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;

    /** Functions whose SIMD result equals the scalar reference bit for bit (see the class comment). */
    static boolean exact(UnaryFn fn, double p0) {
        return switch (fn) {
            case NEG, ABS, SQRT, SQUARE, RELU, LEAKY_RELU, SIGN, FLOOR, CEIL, ROUND, CLAMP, RECIPROCAL, NOT, SIN, COS, POW_SCALAR -> true;
            default -> false;
        };
    }

    /** Functions without a vector form here: the scalar reference runs them (deterministic, exact). */
    static boolean scalarOnly(UnaryFn fn, double p0) {
        return fn == UnaryFn.SIN || fn == UnaryFn.COS || fn == UnaryFn.POW_SCALAR && p0 != 1 && p0 != 2;
    }

    // ---------------------------------------------------------------- F32, F64: the loops are UnarySimdF32 / UnarySimdF64

    /**
     * F32. Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride, int n) {
        if (scalarOnly(fn, p0) || (xStride != 1 || yStride != 1) && xStride != 0 && exact(fn, p0)) {
            UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);   // same bits, and faster than staging
        } else {
            UnarySimdF32.run(fn, (float) p0, (float) p1, x, xOff, xStride, y, yOff, yStride, n);
        }
    }

    /**
     * F64 (ERF, GELU_ERF, SIN, COS, POW_SCALAR run the scalar reference). Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride, int n) {
        if (fn == UnaryFn.ERF || fn == UnaryFn.GELU_ERF || scalarOnly(fn, p0) || (xStride != 1 || yStride != 1) && xStride != 0 && exact(fn, p0)) {
            UnaryScalar.apply(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
        } else {
            UnarySimdF64.run(fn, p0, p1, x, xOff, xStride, y, yOff, yStride, n);
        }
    }

    // ---------------------------------------------------------------- I32 / I64 / BOOL

    /**
     * I32 (integer-safe fns). Unit strides vectorized; others use the scalar loop. Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
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

    /**
     * I64 (integer-safe fns). Unit strides vectorized; others use the scalar loop. Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
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

    /**
     * BOOL: NOT. Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
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
