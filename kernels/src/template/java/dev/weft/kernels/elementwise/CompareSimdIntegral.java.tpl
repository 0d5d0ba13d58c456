//@class CompareSimd
package dev.weft.kernels.elementwise;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Compare}: unit strides (or a broadcast operand, stride 0) compare whole vectors
 * and narrow the lane mask to bytes; other layouts, and species whose lane count has no byte vector shape,
 * run the scalar loop. Exact (comparisons have no rounding). One loop per (dtype, comparison): the comparison
 * operator must be a compile-time constant for the vector intrinsics. No checks, no threading.
 */
public final class CompareSimd {
    private CompareSimd() {}

    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;

    /** The byte species with as many lanes as s, or null when no vector shape has that size (e.g. 4 bytes). */
    static VectorSpecies<Byte> bytesFor(VectorSpecies<?> s) {
        int bits = s.length() * 8;
        return bits == 64 || bits == 128 || bits == 256 || bits == 512 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(bits)) : null;
    }

    /**
     * float operands. Writes y.
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
    public static void apply(CompareFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareSimdF32.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /**
     * double operands. Writes y.
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
    public static void apply(CompareFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareSimdF64.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    //@each I32 I64
    private static final VectorSpecies<Byte> ${V}_B = bytesFor(${V});

    /**
     * ${t} operands. Writes y.
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
    public static void apply(CompareFn fn, ${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (${V}_B == null || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        int done = switch (fn) {
            case EQ -> eq${T}(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case NE -> ne${T}(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LT -> lt${T}(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LE -> le${T}(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GT -> gt${T}(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GE -> ge${T}(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        };
        CompareScalar.apply(fn, a, aOff + done * aStride, aStride, b, bOff + done * bStride, bStride, y, yOff + done, 1, n - done);
    }

    private static int eq${T}(${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, a[aOff]), b0 = ${T}Vector.broadcast(${V}, b[bOff]);
        ByteVector zero = ByteVector.zero(${V}_B);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(${V}, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(${V}, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.EQ, vb).cast(${V}_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ne${T}(${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, a[aOff]), b0 = ${T}Vector.broadcast(${V}, b[bOff]);
        ByteVector zero = ByteVector.zero(${V}_B);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(${V}, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(${V}, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.NE, vb).cast(${V}_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int lt${T}(${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, a[aOff]), b0 = ${T}Vector.broadcast(${V}, b[bOff]);
        ByteVector zero = ByteVector.zero(${V}_B);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(${V}, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(${V}, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LT, vb).cast(${V}_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int le${T}(${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, a[aOff]), b0 = ${T}Vector.broadcast(${V}, b[bOff]);
        ByteVector zero = ByteVector.zero(${V}_B);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(${V}, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(${V}, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LE, vb).cast(${V}_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int gt${T}(${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, a[aOff]), b0 = ${T}Vector.broadcast(${V}, b[bOff]);
        ByteVector zero = ByteVector.zero(${V}_B);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(${V}, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(${V}, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GT, vb).cast(${V}_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ge${T}(${s}[] a, int aOff, int aStride, ${s}[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ${T}Vector a0 = ${T}Vector.broadcast(${V}, a[aOff]), b0 = ${T}Vector.broadcast(${V}, b[bOff]);
        ByteVector zero = ByteVector.zero(${V}_B);
        int i = 0, bound = ${V}.loopBound(n), len = ${V}.length();
        for (; i < bound; i += len) {
            ${T}Vector va = aStride == 0 ? a0 : ${T}Vector.fromArray(${V}, a, aOff + i);
            ${T}Vector vb = bStride == 0 ? b0 : ${T}Vector.fromArray(${V}, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GE, vb).cast(${V}_B)).intoArray(y, yOff + i);
        }
        return i;
    }
    //@end

    /**
     * byte operands. Writes y.
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
    public static void apply(CompareFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        int done = switch (fn) {
            case EQ -> eqB(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case NE -> neB(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LT -> ltB(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LE -> leB(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GT -> gtB(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GE -> geB(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        };
        CompareScalar.apply(fn, a, aOff + done * aStride, aStride, b, bOff + done * bStride, bStride, y, yOff + done, 1, n - done);
    }

    private static int eqB(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, a[aOff]), b0 = ByteVector.broadcast(BS, b[bOff]);
        ByteVector zero = ByteVector.zero(BS);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector va = aStride == 0 ? a0 : ByteVector.fromArray(BS, a, aOff + i);
            ByteVector vb = bStride == 0 ? b0 : ByteVector.fromArray(BS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.EQ, vb)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int neB(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, a[aOff]), b0 = ByteVector.broadcast(BS, b[bOff]);
        ByteVector zero = ByteVector.zero(BS);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector va = aStride == 0 ? a0 : ByteVector.fromArray(BS, a, aOff + i);
            ByteVector vb = bStride == 0 ? b0 : ByteVector.fromArray(BS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.NE, vb)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ltB(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, a[aOff]), b0 = ByteVector.broadcast(BS, b[bOff]);
        ByteVector zero = ByteVector.zero(BS);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector va = aStride == 0 ? a0 : ByteVector.fromArray(BS, a, aOff + i);
            ByteVector vb = bStride == 0 ? b0 : ByteVector.fromArray(BS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LT, vb)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int leB(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, a[aOff]), b0 = ByteVector.broadcast(BS, b[bOff]);
        ByteVector zero = ByteVector.zero(BS);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector va = aStride == 0 ? a0 : ByteVector.fromArray(BS, a, aOff + i);
            ByteVector vb = bStride == 0 ? b0 : ByteVector.fromArray(BS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LE, vb)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int gtB(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, a[aOff]), b0 = ByteVector.broadcast(BS, b[bOff]);
        ByteVector zero = ByteVector.zero(BS);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector va = aStride == 0 ? a0 : ByteVector.fromArray(BS, a, aOff + i);
            ByteVector vb = bStride == 0 ? b0 : ByteVector.fromArray(BS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GT, vb)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int geB(byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        ByteVector a0 = ByteVector.broadcast(BS, a[aOff]), b0 = ByteVector.broadcast(BS, b[bOff]);
        ByteVector zero = ByteVector.zero(BS);
        int i = 0, bound = BS.loopBound(n), len = BS.length();
        for (; i < bound; i += len) {
            ByteVector va = aStride == 0 ? a0 : ByteVector.fromArray(BS, a, aOff + i);
            ByteVector vb = bStride == 0 ? b0 : ByteVector.fromArray(BS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GE, vb)).intoArray(y, yOff + i);
        }
        return i;
    }
}
