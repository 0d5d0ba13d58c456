//@twins BinarySimd${D} F32 F64 literals
package dev.weft.kernels.elementwise;

import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ${D} binary kernels behind {@link BinarySimd}: unit-stride or broadcast operands run one vector loop per
 * function; other strides, and POW, ATAN2 and the other functions without lane math, run the scalar loop.
 */
final class BinarySimd${D} {
    private BinarySimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    // NOTE: one loop per function, each its own JIT unit; see UnarySimd for why.

    /** y = fn(a, b) on ${t}[] operands. Writes y. */
    static void apply(BinaryFn fn, ${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
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
            case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR, RELU_BACKWARD -> true;
            default -> false;
        };
    }


    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, ${t}[] a, int aOff, int aStep, ${t}[] b, int bOff, int bStep, ${t}[] y, int yOff, int n) {
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
            case RELU_BACKWARD -> reluBackward(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static void add(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            a.add(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            a.add(b).intoArray(y, yOff + i, m);
        }
    }

    private static void sub(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            a.sub(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            a.sub(b).intoArray(y, yOff + i, m);
        }
    }

    private static void mul(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            a.mul(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            a.mul(b).intoArray(y, yOff + i, m);
        }
    }

    private static void div(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            a.div(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            a.div(b).intoArray(y, yOff + i, m);
        }
    }


    private static void maximum(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            a.max(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            a.max(b).intoArray(y, yOff + i, m);
        }
    }

    /** y = b > 0 ? a : 0 (a NaN b fails the comparison and gives 0, as the scalar kernel). */
    private static void reluBackward(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]), zero = ${T}Vector.zero(S);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            zero.blend(a, b.compare(VectorOperators.GT, (${t}) 0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            zero.blend(a, b.compare(VectorOperators.GT, (${t}) 0)).intoArray(y, yOff + i, m);
        }
    }

    private static void minimum(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            a.min(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            a.min(b).intoArray(y, yOff + i, m);
        }
    }


    private static void logicalAnd(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            ${T}Vector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).and(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            ${T}Vector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).and(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalOr(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            ${T}Vector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).or(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            ${T}Vector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).or(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalXor(${t}[] as, int aOff, int aStep, ${t}[] bs, int bOff, int bStep, ${t}[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, as[aOff]), b0 = ${T}Vector.broadcast(S, bs[bOff]);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i);
            ${T}Vector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).andNot(b.compare(VectorOperators.NE, 0.0)).or(b.compare(VectorOperators.NE, 0.0).andNot(a.compare(VectorOperators.NE, 0.0)))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector a = aStep == 0 ? a0 : ${T}Vector.fromArray(S, as, aOff + i, m);
            ${T}Vector b = bStep == 0 ? b0 : ${T}Vector.fromArray(S, bs, bOff + i, m);
            ${T}Vector.zero(S).blend(1.0, a.compare(VectorOperators.NE, 0.0).andNot(b.compare(VectorOperators.NE, 0.0)).or(b.compare(VectorOperators.NE, 0.0).andNot(a.compare(VectorOperators.NE, 0.0)))).intoArray(y, yOff + i, m);
        }
    }

    /** y[i] = fma(alpha, x[i], y[i]). Unit strides vectorized, others scalar (same fused rounding). Modifies y. */
    static void axpy(int n, ${t} alpha, ${t}[] x, int xOff, int xStride, ${t}[] y, int yOff, int yStride) {
        if (xStride != 1 || yStride != 1) {
            BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
            return;
        }
        ${T}Vector va = ${T}Vector.broadcast(S, alpha);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            va.fma(${T}Vector.fromArray(S, x, xOff + i), ${T}Vector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }

    /** y[i] = alpha * x[i]. Writes y. */
    static void scale(int n, ${t} alpha, ${t}[] x, int xOff, int xStride, ${t}[] y, int yOff, int yStride) {
        if (xStride != 1 || yStride != 1) {
            BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
            return;
        }
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector.fromArray(S, x, xOff + i).mul(alpha).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = alpha * x[xOff + i];
    }
}
