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
 * Vector API version of {@link Where}: with unit strides (a or b may be broadcast, stride 0) the condition bytes
 * are widened to a lane mask and the values blended; other layouts run the scalar loop. Exact. No checks, no threading.
 */
public final class WhereSimd {
    private WhereSimd() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;

    /** The byte species with as many lanes as s, or null when no vector shape has that size (e.g. 4 bytes). */
    private static VectorSpecies<Byte> bytesFor(VectorSpecies<?> s) {
        int bits = s.length() * 8;
        return bits == 64 || bits == 128 || bits == 256 || bits == 512 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(bits)) : null;
    }

    private static final VectorSpecies<Byte> FS_B = bytesFor(FS);

    /** float values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        if (FS_B == null || cStride != 1 || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        FloatVector a0 = FloatVector.broadcast(FS, a[aOff]), b0 = FloatVector.broadcast(FS, b[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector va = aStride == 0 ? a0 : FloatVector.fromArray(FS, a, aOff + i);
            FloatVector vb = bStride == 0 ? b0 : FloatVector.fromArray(FS, b, bOff + i);
            vb.blend(va, ByteVector.fromArray(FS_B, c, cOff + i).compare(VectorOperators.NE, (byte) 0).cast(FS)).intoArray(y, yOff + i);
        }
        WhereScalar.apply(c, cOff + i, 1, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    private static final VectorSpecies<Byte> DS_B = bytesFor(DS);

    /** double values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        if (DS_B == null || cStride != 1 || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        DoubleVector a0 = DoubleVector.broadcast(DS, a[aOff]), b0 = DoubleVector.broadcast(DS, b[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector va = aStride == 0 ? a0 : DoubleVector.fromArray(DS, a, aOff + i);
            DoubleVector vb = bStride == 0 ? b0 : DoubleVector.fromArray(DS, b, bOff + i);
            vb.blend(va, ByteVector.fromArray(DS_B, c, cOff + i).compare(VectorOperators.NE, (byte) 0).cast(DS)).intoArray(y, yOff + i);
        }
        WhereScalar.apply(c, cOff + i, 1, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    private static final VectorSpecies<Byte> IS_B = bytesFor(IS);

    /** int values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        if (IS_B == null || cStride != 1 || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        IntVector a0 = IntVector.broadcast(IS, a[aOff]), b0 = IntVector.broadcast(IS, b[bOff]);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector va = aStride == 0 ? a0 : IntVector.fromArray(IS, a, aOff + i);
            IntVector vb = bStride == 0 ? b0 : IntVector.fromArray(IS, b, bOff + i);
            vb.blend(va, ByteVector.fromArray(IS_B, c, cOff + i).compare(VectorOperators.NE, (byte) 0).cast(IS)).intoArray(y, yOff + i);
        }
        WhereScalar.apply(c, cOff + i, 1, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    private static final VectorSpecies<Byte> LS_B = bytesFor(LS);

    /** long values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        if (LS_B == null || cStride != 1 || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        LongVector a0 = LongVector.broadcast(LS, a[aOff]), b0 = LongVector.broadcast(LS, b[bOff]);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector va = aStride == 0 ? a0 : LongVector.fromArray(LS, a, aOff + i);
            LongVector vb = bStride == 0 ? b0 : LongVector.fromArray(LS, b, bOff + i);
            vb.blend(va, ByteVector.fromArray(LS_B, c, cOff + i).compare(VectorOperators.NE, (byte) 0).cast(LS)).intoArray(y, yOff + i);
        }
        WhereScalar.apply(c, cOff + i, 1, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }

    /** byte values. Writes y. */
    public static void apply(byte[] c, int cOff, int cStride, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (cStride != 1 || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        ByteVector a0 = ByteVector.broadcast(BS, a[aOff]), b0 = ByteVector.broadcast(BS, b[bOff]);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector va = aStride == 0 ? a0 : ByteVector.fromArray(BS, a, aOff + i);
            ByteVector vb = bStride == 0 ? b0 : ByteVector.fromArray(BS, b, bOff + i);
            vb.blend(va, ByteVector.fromArray(BS, c, cOff + i).compare(VectorOperators.NE, (byte) 0)).intoArray(y, yOff + i);
        }
        WhereScalar.apply(c, cOff + i, 1, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }
}
