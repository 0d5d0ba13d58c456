//@class WhereSimd
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

    //@each F32 F64 I32 I64
    private static final VectorSpecies<Byte> ${V}_B = bytesFor(${V});

    /**
     * ${t} values. Writes y.
     *
     * @param c the condition, BOOL bytes (non-zero picks a)
     * @param cOff index of c's first element
     * @param cStride step between consecutive elements of c
     * @param a the values taken where c is non-zero
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the values taken where c is zero
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(byte[] c, int cOff, int cStride, ${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        if (${V}_B == null || cStride != 1 || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            WhereScalar.apply(c, cOff, cStride, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, a[aOff]), b0 = ${T}Vector.broadcast(${V}, b[bOff]);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(${V}, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(${V}, b, bOff + i);
            vb.blend(va, ByteVector.fromArray(${V}_B, c, cOff + i).compare(VectorOperators.NE, (byte) 0).cast(${V})).intoArray(y, yOff + i);
        }
        WhereScalar.apply(c, cOff + i, 1, a, aOff + i * aStride, aStride, b, bOff + i * bStride, bStride, y, yOff + i, 1, n - i);
    }
    //@end

    /**
     * byte values. Writes y.
     *
     * @param c the condition, BOOL bytes (non-zero picks a)
     * @param cOff index of c's first element
     * @param cStride step between consecutive elements of c
     * @param a the values taken where c is non-zero
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the values taken where c is zero
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
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
