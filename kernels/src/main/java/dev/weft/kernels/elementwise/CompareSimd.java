package dev.weft.kernels.elementwise;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Compare}: unit strides (or a broadcast operand, stride 0) compare whole vectors
 * and narrow the lane mask to bytes; other layouts, and species whose lane count has no byte vector shape,
 * run the scalar loop. Exact (comparisons have no rounding). No checks, no threading.
 */
public final class CompareSimd {
    private CompareSimd() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;

    /** The byte species with as many lanes as s, or null when no vector shape has that size (e.g. 4 bytes). */
    static VectorSpecies<Byte> bytesFor(VectorSpecies<?> s) {
        int bits = s.length() * 8;
        return bits == 64 || bits == 128 || bits == 256 || bits == 512 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(bits)) : null;
    }

    private static final VectorSpecies<Byte> FS_B = bytesFor(FS);

    /** float operands. Writes y. */
    public static void apply(CompareFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (FS_B == null || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        VectorOperators.Comparison op = op(fn);
        FloatVector a0 = FloatVector.broadcast(FS, a[aOff]), b0 = FloatVector.broadcast(FS, b[bOff]);
        ByteVector zero = ByteVector.zero(FS_B);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector va = aStride == 0 ? a0 : FloatVector.fromArray(FS, a, aOff + i);
            FloatVector vb = bStride == 0 ? b0 : FloatVector.fromArray(FS, b, bOff + i);
            zero.blend((byte) 1, va.compare(op, vb).cast(FS_B)).intoArray(y, yOff + i);
        }
        CompareScalar.apply(fn, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    private static final VectorSpecies<Byte> DS_B = bytesFor(DS);

    /** double operands. Writes y. */
    public static void apply(CompareFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (DS_B == null || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        VectorOperators.Comparison op = op(fn);
        DoubleVector a0 = DoubleVector.broadcast(DS, a[aOff]), b0 = DoubleVector.broadcast(DS, b[bOff]);
        ByteVector zero = ByteVector.zero(DS_B);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector va = aStride == 0 ? a0 : DoubleVector.fromArray(DS, a, aOff + i);
            DoubleVector vb = bStride == 0 ? b0 : DoubleVector.fromArray(DS, b, bOff + i);
            zero.blend((byte) 1, va.compare(op, vb).cast(DS_B)).intoArray(y, yOff + i);
        }
        CompareScalar.apply(fn, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    private static final VectorSpecies<Byte> IS_B = bytesFor(IS);

    /** int operands. Writes y. */
    public static void apply(CompareFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (IS_B == null || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        VectorOperators.Comparison op = op(fn);
        IntVector a0 = IntVector.broadcast(IS, a[aOff]), b0 = IntVector.broadcast(IS, b[bOff]);
        ByteVector zero = ByteVector.zero(IS_B);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector va = aStride == 0 ? a0 : IntVector.fromArray(IS, a, aOff + i);
            IntVector vb = bStride == 0 ? b0 : IntVector.fromArray(IS, b, bOff + i);
            zero.blend((byte) 1, va.compare(op, vb).cast(IS_B)).intoArray(y, yOff + i);
        }
        CompareScalar.apply(fn, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    private static final VectorSpecies<Byte> LS_B = bytesFor(LS);

    /** long operands. Writes y. */
    public static void apply(CompareFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (LS_B == null || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        VectorOperators.Comparison op = op(fn);
        LongVector a0 = LongVector.broadcast(LS, a[aOff]), b0 = LongVector.broadcast(LS, b[bOff]);
        ByteVector zero = ByteVector.zero(LS_B);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector va = aStride == 0 ? a0 : LongVector.fromArray(LS, a, aOff + i);
            LongVector vb = bStride == 0 ? b0 : LongVector.fromArray(LS, b, bOff + i);
            zero.blend((byte) 1, va.compare(op, vb).cast(LS_B)).intoArray(y, yOff + i);
        }
        CompareScalar.apply(fn, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    /** BOOL operands. Writes y. */
    public static void apply(CompareFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        VectorOperators.Comparison op = op(fn);
        ByteVector a0 = ByteVector.broadcast(BS, a[aOff]), b0 = ByteVector.broadcast(BS, b[bOff]), zero = ByteVector.zero(BS);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector va = aStride == 0 ? a0 : ByteVector.fromArray(BS, a, aOff + i);
            ByteVector vb = bStride == 0 ? b0 : ByteVector.fromArray(BS, b, bOff + i);
            zero.blend((byte) 1, va.compare(op, vb)).intoArray(y, yOff + i);
        }
        CompareScalar.apply(fn, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    private static VectorOperators.Comparison op(CompareFn fn) {
        return switch (fn) {
            case EQ -> VectorOperators.EQ;
            case NE -> VectorOperators.NE;
            case LT -> VectorOperators.LT;
            case LE -> VectorOperators.LE;
            case GT -> VectorOperators.GT;
            case GE -> VectorOperators.GE;
        };
    }
}
