package dev.weft.kernels.elementwise;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F64 binary kernels behind {@link BinarySimd}: unit-stride or broadcast operands run one vector loop per
 * function; other strides, and POW, ATAN2 and the other functions without lane math, run the scalar loop.
 * @twin-source: DtypeTwins generates the F32 twin of this file.
 */
final class BinarySimdF64 {
    private BinarySimdF64() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    // NOTE: one loop per function, each its own JIT unit; see UnarySimd for why.

    /** y = fn(a, b) on double[] operands. Writes y. */
    static void apply(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        boolean unit = (aStride & ~1) == 0 && (bStride & ~1) == 0 && (yStride == 1 || n <= 1);
        if (!vectorized(fn) || !unit) {
            // strided runs of the exact functions: the scalar loop gives the same bits, faster than staging
            BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else {
            contiguous(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        }
    }

    private static boolean vectorized(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }


    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, double[] a, int aOff, int aStep, double[] b, int bOff, int bStep, double[] y, int yOff, int n) {
        switch (fn) {
            case ADD -> add(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case SUB -> sub(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MUL -> mul(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case DIV -> div(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MAXIMUM -> maximum(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimum(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAnd(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOr(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXor(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static void add(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            a.add(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            a.add(b).intoArray(y, yOff + i, m);
        }
    }

    private static void sub(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            a.sub(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            a.sub(b).intoArray(y, yOff + i, m);
        }
    }

    private static void mul(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            a.mul(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            a.mul(b).intoArray(y, yOff + i, m);
        }
    }

    private static void div(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            a.div(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            a.div(b).intoArray(y, yOff + i, m);
        }
    }


    private static void maximum(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            a.max(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            a.max(b).intoArray(y, yOff + i, m);
        }
    }

    private static void minimum(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            a.min(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            a.min(b).intoArray(y, yOff + i, m);
        }
    }


    private static void logicalAnd(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            DoubleVector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).and(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            DoubleVector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).and(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalOr(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            DoubleVector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).or(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            DoubleVector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).or(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalXor(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, as[aOff]), b0 = DoubleVector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i);
            DoubleVector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).andNot(b.compare(VectorOperators.NE, 0.0)).or(b.compare(VectorOperators.NE, 0.0).andNot(a.compare(VectorOperators.NE, 0.0)))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(S, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(S, bs, bOff + i, m);
            DoubleVector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).andNot(b.compare(VectorOperators.NE, 0.0)).or(b.compare(VectorOperators.NE, 0.0).andNot(a.compare(VectorOperators.NE, 0.0)))).intoArray(y, yOff + i, m);
        }
    }

    /** y[i] = fma(alpha, x[i], y[i]). Unit strides vectorized, others scalar (same fused rounding). Modifies y. */
    static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        if (xStride != 1 || yStride != 1) {
            BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
            return;
        }
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            va.fma(DoubleVector.fromArray(S, x, xOff + i), DoubleVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }

    /** y[i] = alpha * x[i]. Writes y. */
    static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        if (xStride != 1 || yStride != 1) {
            BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
            return;
        }
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector.fromArray(S, x, xOff + i).mul(alpha).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = alpha * x[xOff + i];
    }
}
