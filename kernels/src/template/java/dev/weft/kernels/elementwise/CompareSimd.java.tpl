//@twins CompareSimd${D} F32 F64 literals
package dev.weft.kernels.elementwise;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ${D} comparison kernels behind {@link CompareSimd}: one loop per comparison (the operator must be a
 * compile-time constant), the lane mask narrowed to bytes; other layouts and the tail run the scalar loop.
 */
final class CompareSimd${D} {
    private CompareSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> SB = CompareSimd.bytesFor(S);

    /** ${t} operands. Writes y. */
    static void apply(CompareFn fn, ${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (SB == null || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        int done = switch (fn) {
            case EQ -> eq(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case NE -> ne(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LT -> lt(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LE -> le(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GT -> gt(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GE -> ge(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        };
        CompareScalar.apply(fn, a, aOff + done * aStride, aStride, b, bOff + done * bStride, bStride, y, yOff + done, 1, n - done);
    }

    private static int eq(${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, a[aOff]), b0 = ${T}Vector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(S, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.EQ, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ne(${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, a[aOff]), b0 = ${T}Vector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(S, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.NE, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int lt(${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, a[aOff]), b0 = ${T}Vector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(S, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LT, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int le(${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, a[aOff]), b0 = ${T}Vector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(S, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LE, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int gt(${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, a[aOff]), b0 = ${T}Vector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(S, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GT, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ge(${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(S, a[aOff]), b0 = ${T}Vector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(S, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GE, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }
}
