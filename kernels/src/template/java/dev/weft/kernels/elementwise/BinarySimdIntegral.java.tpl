//@class BinarySimd
package dev.weft.kernels.elementwise;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Binary}. Fast paths: all unit strides, or one operand broadcast (stride 0) and
 * the others unit. Other strides run the scalar loop for the exact functions (same bits, and faster than
 * staging). Exact, bit for bit: POW, ATAN2, REMAINDER, FMOD, integer POW and I64 MUL run the scalar loop (the
 * Vector API's POW / ATAN2 give bits that depend on JIT state and masking, see {@link UnarySimd}). No checks, no threading.
 */
public final class BinarySimd {
    private BinarySimd() {}

    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;

    // NOTE: one loop per (function, dtype), each its own JIT unit; see UnarySimd for why.

    // ---------------------------------------------------------------- float, double: BinarySimdF32 / BinarySimdF64

    /**
     * y = fn(a, b) on float[] operands. Writes y.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the second operand
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        BinarySimdF32.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /**
     * y = fn(a, b) on double[] operands. Writes y.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the second operand
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        BinarySimdF64.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /**
     * y[i] = fma(alpha, x[i], y[i]) (float). Unit strides vectorized, others scalar (same fused rounding). Modifies y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void axpy(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        BinarySimdF32.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /**
     * y[i] = alpha * x[i] (float). Writes y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void scale(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        BinarySimdF32.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /**
     * y[i] = fma(alpha, x[i], y[i]) (double). Unit strides vectorized, others scalar (same fused rounding). Modifies y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        BinarySimdF64.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /**
     * y[i] = alpha * x[i] (double). Writes y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        BinarySimdF64.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    // ---------------------------------------------------------------- int, long, byte (BOOL)

    //@each I32 I64 BOOL

    /**
     * y = fn(a, b) on ${s}[] operands. Writes y.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the second operand
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(BinaryFn fn, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, ${s}[] y, int yOff, int yStride, int n) {
        if (vectorized${T}(fn) && (aStride & ~1) == 0 && (bStride & ~1) == 0 && (yStride == 1 || n <= 1)) {
            contiguous(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        } else {
            BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);   // exact: same bits
        }
    }
    //@end

    private static boolean vectorizedInt(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MUL, MAXIMUM, MINIMUM, BITWISE_AND, BITWISE_OR, BITWISE_XOR, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }

    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, int[] a, int aOff, int aStep, int[] b, int bOff, int bStep, int[] y, int yOff, int n) {
        switch (fn) {
            case ADD -> addInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case SUB -> subInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MUL -> mulInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MAXIMUM -> maximumInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimumInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_AND -> bitwiseAndInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_OR -> bitwiseOrInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_XOR -> bitwiseXorInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAndInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOrInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXorInt(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static boolean vectorizedLong(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MAXIMUM, MINIMUM, BITWISE_AND, BITWISE_OR, BITWISE_XOR, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }

    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, long[] a, int aOff, int aStep, long[] b, int bOff, int bStep, long[] y, int yOff, int n) {
        switch (fn) {
            case ADD -> addLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case SUB -> subLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MAXIMUM -> maximumLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimumLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_AND -> bitwiseAndLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_OR -> bitwiseOrLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_XOR -> bitwiseXorLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAndLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOrLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXorLong(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static boolean vectorizedByte(BinaryFn fn) {
        return switch (fn) {
            case MAXIMUM, MINIMUM, BITWISE_AND, BITWISE_OR, BITWISE_XOR, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }

    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, byte[] a, int aOff, int aStep, byte[] b, int bOff, int bStep, byte[] y, int yOff, int n) {
        switch (fn) {
            case MAXIMUM -> maximumByte(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimumByte(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_AND -> bitwiseAndByte(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_OR -> bitwiseOrByte(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_XOR -> bitwiseXorByte(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAndByte(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOrByte(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXorByte(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    //@each I32 I64
    private static void add${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            a.add(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            a.add(b).intoArray(y, yOff + i, m);
        }
    }

    private static void sub${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            a.sub(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            a.sub(b).intoArray(y, yOff + i, m);
        }
    }
    //@end

    //@each I32
    private static void mul${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            a.mul(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            a.mul(b).intoArray(y, yOff + i, m);
        }
    }
    //@end

    //@each I32 I64 BOOL
    private static void maximum${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            a.max(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            a.max(b).intoArray(y, yOff + i, m);
        }
    }

    private static void minimum${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            a.min(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            a.min(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseAnd${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            a.and(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            a.and(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseOr${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            a.or(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            a.or(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseXor${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            a.lanewise(VectorOperators.XOR, b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            a.lanewise(VectorOperators.XOR, b).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalAnd${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            ${T}Vector.zero(${V}).blend((${s}) 1, a.compare(VectorOperators.NE, (${s}) 0).and(b.compare(VectorOperators.NE, (${s}) 0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            ${T}Vector.zero(${V}).blend((${s}) 1, a.compare(VectorOperators.NE, (${s}) 0).and(b.compare(VectorOperators.NE, (${s}) 0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalOr${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            ${T}Vector.zero(${V}).blend((${s}) 1, a.compare(VectorOperators.NE, (${s}) 0).or(b.compare(VectorOperators.NE, (${s}) 0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            ${T}Vector.zero(${V}).blend((${s}) 1, a.compare(VectorOperators.NE, (${s}) 0).or(b.compare(VectorOperators.NE, (${s}) 0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalXor${T}(${s}[] as, int aOff, int aStep, ${s}[] bs, int bOff, int bStep, ${s}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, as[aOff]), b0 = ${T}Vector.broadcast(${V}, bs[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i);
            ${T}Vector.zero(${V}).blend((${s}) 1, a.compare(VectorOperators.NE, (${s}) 0).andNot(b.compare(VectorOperators.NE, (${s}) 0)).or(b.compare(VectorOperators.NE, (${s}) 0).andNot(a.compare(VectorOperators.NE, (${s}) 0)))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${L}> m = ${V}.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(${V}, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(${V}, bs, bOff + i, m);
            ${T}Vector.zero(${V}).blend((${s}) 1, a.compare(VectorOperators.NE, (${s}) 0).andNot(b.compare(VectorOperators.NE, (${s}) 0)).or(b.compare(VectorOperators.NE, (${s}) 0).andNot(a.compare(VectorOperators.NE, (${s}) 0)))).intoArray(y, yOff + i, m);
        }
    }
    //@end
}
