package dev.weft.kernels.elementwise;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F64 comparison kernels behind {@link CompareSimd}: one loop per comparison (the operator must be a
 * compile-time constant), the lane mask narrowed to bytes; other layouts and the tail run the scalar loop.
 * @twin-source: DtypeTwins generates the F32 twin of this file.
 */
final class CompareSimdF64 {
    private CompareSimdF64() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> SB = CompareSimd.bytesFor(S);

    /** double operands. Writes y. */
    static void apply(CompareFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
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

    private static int eq(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, a[aOff]), b0 = DoubleVector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector va = aStride == 0 ? a0 : DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector vb = bStride == 0 ? b0 : DoubleVector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.EQ, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ne(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, a[aOff]), b0 = DoubleVector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector va = aStride == 0 ? a0 : DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector vb = bStride == 0 ? b0 : DoubleVector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.NE, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int lt(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, a[aOff]), b0 = DoubleVector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector va = aStride == 0 ? a0 : DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector vb = bStride == 0 ? b0 : DoubleVector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LT, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int le(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, a[aOff]), b0 = DoubleVector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector va = aStride == 0 ? a0 : DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector vb = bStride == 0 ? b0 : DoubleVector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LE, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int gt(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, a[aOff]), b0 = DoubleVector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector va = aStride == 0 ? a0 : DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector vb = bStride == 0 ? b0 : DoubleVector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GT, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ge(double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(S, a[aOff]), b0 = DoubleVector.broadcast(S, b[bOff]);
        ByteVector zero = ByteVector.zero(SB);
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            DoubleVector va = aStride == 0 ? a0 : DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector vb = bStride == 0 ? b0 : DoubleVector.fromArray(S, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GE, vb).cast(SB)).intoArray(y, yOff + i);
        }
        return i;
    }
}
