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

    /** y = fn(a, b) on float[] operands. Writes y. */
    public static void apply(BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        BinarySimdF32.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /** y = fn(a, b) on double[] operands. Writes y. */
    public static void apply(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        BinarySimdF64.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /** y[i] = fma(alpha, x[i], y[i]) (float). Unit strides vectorized, others scalar (same fused rounding). Modifies y. */
    public static void axpy(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        BinarySimdF32.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /** y[i] = alpha * x[i] (float). Writes y. */
    public static void scale(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        BinarySimdF32.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /** y[i] = fma(alpha, x[i], y[i]) (double). Unit strides vectorized, others scalar (same fused rounding). Modifies y. */
    public static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        BinarySimdF64.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    /** y[i] = alpha * x[i] (double). Writes y. */
    public static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        BinarySimdF64.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
    }

    // ---------------------------------------------------------------- int

    /** y = fn(a, b) on int[] operands. Writes y. */
    public static void apply(BinaryFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        if (vectorizedI(fn) && (aStride & ~1) == 0 && (bStride & ~1) == 0 && (yStride == 1 || n <= 1)) {
            contiguous(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        } else {
            BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);   // exact: same bits
        }
    }

    private static boolean vectorizedI(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MUL, MAXIMUM, MINIMUM, BITWISE_AND, BITWISE_OR, BITWISE_XOR, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }

    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, int[] a, int aOff, int aStep, int[] b, int bOff, int bStep, int[] y, int yOff, int n) {
        switch (fn) {
            case ADD -> addI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case SUB -> subI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MUL -> mulI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MAXIMUM -> maximumI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimumI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_AND -> bitwiseAndI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_OR -> bitwiseOrI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_XOR -> bitwiseXorI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAndI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOrI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXorI(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static void addI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            a.add(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            a.add(b).intoArray(y, yOff + i, m);
        }
    }

    private static void subI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            a.sub(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            a.sub(b).intoArray(y, yOff + i, m);
        }
    }

    private static void mulI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            a.mul(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            a.mul(b).intoArray(y, yOff + i, m);
        }
    }

    private static void maximumI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            a.max(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            a.max(b).intoArray(y, yOff + i, m);
        }
    }

    private static void minimumI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            a.min(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            a.min(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseAndI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            a.and(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            a.and(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseOrI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            a.or(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            a.or(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseXorI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            a.lanewise(VectorOperators.XOR, b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            a.lanewise(VectorOperators.XOR, b).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalAndI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            IntVector.zero(IS).blend(1, a.compare(VectorOperators.NE, 0).and(b.compare(VectorOperators.NE, 0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            IntVector.zero(IS).blend(1, a.compare(VectorOperators.NE, 0).and(b.compare(VectorOperators.NE, 0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalOrI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            IntVector.zero(IS).blend(1, a.compare(VectorOperators.NE, 0).or(b.compare(VectorOperators.NE, 0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            IntVector.zero(IS).blend(1, a.compare(VectorOperators.NE, 0).or(b.compare(VectorOperators.NE, 0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalXorI(int[] as, int aOff, int aStep, int[] bs, int bOff, int bStep, int[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, as[aOff]), b0 = IntVector.broadcast(IS, bs[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i);
            IntVector.zero(IS).blend(1, a.compare(VectorOperators.NE, 0).andNot(b.compare(VectorOperators.NE, 0)).or(b.compare(VectorOperators.NE, 0).andNot(a.compare(VectorOperators.NE, 0)))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Integer> m = IS.indexInRange(i, n);
            IntVector a = aStep == 0 ? a0 : IntVector.fromArray(IS, as, aOff + i, m);
            IntVector b = bStep == 0 ? b0 : IntVector.fromArray(IS, bs, bOff + i, m);
            IntVector.zero(IS).blend(1, a.compare(VectorOperators.NE, 0).andNot(b.compare(VectorOperators.NE, 0)).or(b.compare(VectorOperators.NE, 0).andNot(a.compare(VectorOperators.NE, 0)))).intoArray(y, yOff + i, m);
        }
    }

    // ---------------------------------------------------------------- long

    /** y = fn(a, b) on long[] operands. Writes y. */
    public static void apply(BinaryFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        if (vectorizedL(fn) && (aStride & ~1) == 0 && (bStride & ~1) == 0 && (yStride == 1 || n <= 1)) {
            contiguous(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        } else {
            BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);   // exact: same bits
        }
    }

    private static boolean vectorizedL(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MAXIMUM, MINIMUM, BITWISE_AND, BITWISE_OR, BITWISE_XOR, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }

    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, long[] a, int aOff, int aStep, long[] b, int bOff, int bStep, long[] y, int yOff, int n) {
        switch (fn) {
            case ADD -> addL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case SUB -> subL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MAXIMUM -> maximumL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimumL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_AND -> bitwiseAndL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_OR -> bitwiseOrL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_XOR -> bitwiseXorL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAndL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOrL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXorL(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static void addL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            a.add(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            a.add(b).intoArray(y, yOff + i, m);
        }
    }

    private static void subL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            a.sub(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            a.sub(b).intoArray(y, yOff + i, m);
        }
    }

    private static void maximumL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            a.max(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            a.max(b).intoArray(y, yOff + i, m);
        }
    }

    private static void minimumL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            a.min(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            a.min(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseAndL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            a.and(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            a.and(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseOrL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            a.or(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            a.or(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseXorL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            a.lanewise(VectorOperators.XOR, b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            a.lanewise(VectorOperators.XOR, b).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalAndL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            LongVector.zero(LS).blend(1L, a.compare(VectorOperators.NE, 0L).and(b.compare(VectorOperators.NE, 0L))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            LongVector.zero(LS).blend(1L, a.compare(VectorOperators.NE, 0L).and(b.compare(VectorOperators.NE, 0L))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalOrL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            LongVector.zero(LS).blend(1L, a.compare(VectorOperators.NE, 0L).or(b.compare(VectorOperators.NE, 0L))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            LongVector.zero(LS).blend(1L, a.compare(VectorOperators.NE, 0L).or(b.compare(VectorOperators.NE, 0L))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalXorL(long[] as, int aOff, int aStep, long[] bs, int bOff, int bStep, long[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, as[aOff]), b0 = LongVector.broadcast(LS, bs[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i);
            LongVector.zero(LS).blend(1L, a.compare(VectorOperators.NE, 0L).andNot(b.compare(VectorOperators.NE, 0L)).or(b.compare(VectorOperators.NE, 0L).andNot(a.compare(VectorOperators.NE, 0L)))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Long> m = LS.indexInRange(i, n);
            LongVector a = aStep == 0 ? a0 : LongVector.fromArray(LS, as, aOff + i, m);
            LongVector b = bStep == 0 ? b0 : LongVector.fromArray(LS, bs, bOff + i, m);
            LongVector.zero(LS).blend(1L, a.compare(VectorOperators.NE, 0L).andNot(b.compare(VectorOperators.NE, 0L)).or(b.compare(VectorOperators.NE, 0L).andNot(a.compare(VectorOperators.NE, 0L)))).intoArray(y, yOff + i, m);
        }
    }

    // ---------------------------------------------------------------- byte

    /** y = fn(a, b) on byte[] operands. Writes y. */
    public static void apply(BinaryFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (vectorizedB(fn) && (aStride & ~1) == 0 && (bStride & ~1) == 0 && (yStride == 1 || n <= 1)) {
            contiguous(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        } else {
            BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);   // exact: same bits
        }
    }

    private static boolean vectorizedB(BinaryFn fn) {
        return switch (fn) {
            case MAXIMUM, MINIMUM, BITWISE_AND, BITWISE_OR, BITWISE_XOR, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }

    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, byte[] a, int aOff, int aStep, byte[] b, int bOff, int bStep, byte[] y, int yOff, int n) {
        switch (fn) {
            case MAXIMUM -> maximumB(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimumB(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_AND -> bitwiseAndB(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_OR -> bitwiseOrB(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case BITWISE_XOR -> bitwiseXorB(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAndB(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOrB(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXorB(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static void maximumB(byte[] as, int aOff, int aStep, byte[] bs, int bOff, int bStep, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, as[aOff]), b0 = ByteVector.broadcast(BS, bs[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i);
            a.max(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Byte> m = BS.indexInRange(i, n);
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i, m);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i, m);
            a.max(b).intoArray(y, yOff + i, m);
        }
    }

    private static void minimumB(byte[] as, int aOff, int aStep, byte[] bs, int bOff, int bStep, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, as[aOff]), b0 = ByteVector.broadcast(BS, bs[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i);
            a.min(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Byte> m = BS.indexInRange(i, n);
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i, m);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i, m);
            a.min(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseAndB(byte[] as, int aOff, int aStep, byte[] bs, int bOff, int bStep, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, as[aOff]), b0 = ByteVector.broadcast(BS, bs[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i);
            a.and(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Byte> m = BS.indexInRange(i, n);
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i, m);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i, m);
            a.and(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseOrB(byte[] as, int aOff, int aStep, byte[] bs, int bOff, int bStep, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, as[aOff]), b0 = ByteVector.broadcast(BS, bs[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i);
            a.or(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Byte> m = BS.indexInRange(i, n);
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i, m);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i, m);
            a.or(b).intoArray(y, yOff + i, m);
        }
    }

    private static void bitwiseXorB(byte[] as, int aOff, int aStep, byte[] bs, int bOff, int bStep, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, as[aOff]), b0 = ByteVector.broadcast(BS, bs[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i);
            a.lanewise(VectorOperators.XOR, b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Byte> m = BS.indexInRange(i, n);
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i, m);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i, m);
            a.lanewise(VectorOperators.XOR, b).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalAndB(byte[] as, int aOff, int aStep, byte[] bs, int bOff, int bStep, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, as[aOff]), b0 = ByteVector.broadcast(BS, bs[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i);
            ByteVector.zero(BS).blend((byte) 1, a.compare(VectorOperators.NE, (byte) 0).and(b.compare(VectorOperators.NE, (byte) 0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Byte> m = BS.indexInRange(i, n);
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i, m);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i, m);
            ByteVector.zero(BS).blend((byte) 1, a.compare(VectorOperators.NE, (byte) 0).and(b.compare(VectorOperators.NE, (byte) 0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalOrB(byte[] as, int aOff, int aStep, byte[] bs, int bOff, int bStep, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, as[aOff]), b0 = ByteVector.broadcast(BS, bs[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i);
            ByteVector.zero(BS).blend((byte) 1, a.compare(VectorOperators.NE, (byte) 0).or(b.compare(VectorOperators.NE, (byte) 0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Byte> m = BS.indexInRange(i, n);
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i, m);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i, m);
            ByteVector.zero(BS).blend((byte) 1, a.compare(VectorOperators.NE, (byte) 0).or(b.compare(VectorOperators.NE, (byte) 0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalXorB(byte[] as, int aOff, int aStep, byte[] bs, int bOff, int bStep, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, as[aOff]), b0 = ByteVector.broadcast(BS, bs[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i);
            ByteVector.zero(BS).blend((byte) 1, a.compare(VectorOperators.NE, (byte) 0).andNot(b.compare(VectorOperators.NE, (byte) 0)).or(b.compare(VectorOperators.NE, (byte) 0).andNot(a.compare(VectorOperators.NE, (byte) 0)))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Byte> m = BS.indexInRange(i, n);
            ByteVector a = aStep == 0 ? a0 : ByteVector.fromArray(BS, as, aOff + i, m);
            ByteVector b = bStep == 0 ? b0 : ByteVector.fromArray(BS, bs, bOff + i, m);
            ByteVector.zero(BS).blend((byte) 1, a.compare(VectorOperators.NE, (byte) 0).andNot(b.compare(VectorOperators.NE, (byte) 0)).or(b.compare(VectorOperators.NE, (byte) 0).andNot(a.compare(VectorOperators.NE, (byte) 0)))).intoArray(y, yOff + i, m);
        }
    }
}
