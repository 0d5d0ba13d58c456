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

    /** float operands. Writes y. */
    public static void apply(CompareFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareSimdF32.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    /** double operands. Writes y. */
    public static void apply(CompareFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        CompareSimdF64.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
    }

    private static final VectorSpecies<Byte> IS_B = bytesFor(IS);

    /** int operands. Writes y. */
    public static void apply(CompareFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (IS_B == null || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        int done = switch (fn) {
            case EQ -> eqI(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case NE -> neI(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LT -> ltI(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LE -> leI(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GT -> gtI(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GE -> geI(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        };
        CompareScalar.apply(fn, a, aOff + done * aStride, aStride, b, bOff + done * bStride, bStride, y, yOff + done, 1, n - done);
    }

    private static int eqI(int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, a[aOff]), b0 = IntVector.broadcast(IS, b[bOff]);
        ByteVector zero = ByteVector.zero(IS_B);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector va = aStride == 0 ? a0 : IntVector.fromArray(IS, a, aOff + i);
            IntVector vb = bStride == 0 ? b0 : IntVector.fromArray(IS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.EQ, vb).cast(IS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int neI(int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, a[aOff]), b0 = IntVector.broadcast(IS, b[bOff]);
        ByteVector zero = ByteVector.zero(IS_B);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector va = aStride == 0 ? a0 : IntVector.fromArray(IS, a, aOff + i);
            IntVector vb = bStride == 0 ? b0 : IntVector.fromArray(IS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.NE, vb).cast(IS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ltI(int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, a[aOff]), b0 = IntVector.broadcast(IS, b[bOff]);
        ByteVector zero = ByteVector.zero(IS_B);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector va = aStride == 0 ? a0 : IntVector.fromArray(IS, a, aOff + i);
            IntVector vb = bStride == 0 ? b0 : IntVector.fromArray(IS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LT, vb).cast(IS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int leI(int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, a[aOff]), b0 = IntVector.broadcast(IS, b[bOff]);
        ByteVector zero = ByteVector.zero(IS_B);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector va = aStride == 0 ? a0 : IntVector.fromArray(IS, a, aOff + i);
            IntVector vb = bStride == 0 ? b0 : IntVector.fromArray(IS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LE, vb).cast(IS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int gtI(int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, a[aOff]), b0 = IntVector.broadcast(IS, b[bOff]);
        ByteVector zero = ByteVector.zero(IS_B);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector va = aStride == 0 ? a0 : IntVector.fromArray(IS, a, aOff + i);
            IntVector vb = bStride == 0 ? b0 : IntVector.fromArray(IS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GT, vb).cast(IS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int geI(int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        IntVector a0 = IntVector.broadcast(IS, a[aOff]), b0 = IntVector.broadcast(IS, b[bOff]);
        ByteVector zero = ByteVector.zero(IS_B);
        int i = 0, bound = IS.loopBound(n), len = IS.length();
        for (; i < bound; i += len) {
            IntVector va = aStride == 0 ? a0 : IntVector.fromArray(IS, a, aOff + i);
            IntVector vb = bStride == 0 ? b0 : IntVector.fromArray(IS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GE, vb).cast(IS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static final VectorSpecies<Byte> LS_B = bytesFor(LS);

    /** long operands. Writes y. */
    public static void apply(CompareFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        if (LS_B == null || yStride != 1 || (aStride & ~1) != 0 || (bStride & ~1) != 0) {
            CompareScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            return;
        }
        int done = switch (fn) {
            case EQ -> eqL(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case NE -> neL(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LT -> ltL(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case LE -> leL(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GT -> gtL(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
            case GE -> geL(a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        };
        CompareScalar.apply(fn, a, aOff + done * aStride, aStride, b, bOff + done * bStride, bStride, y, yOff + done, 1, n - done);
    }

    private static int eqL(long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, a[aOff]), b0 = LongVector.broadcast(LS, b[bOff]);
        ByteVector zero = ByteVector.zero(LS_B);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector va = aStride == 0 ? a0 : LongVector.fromArray(LS, a, aOff + i);
            LongVector vb = bStride == 0 ? b0 : LongVector.fromArray(LS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.EQ, vb).cast(LS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int neL(long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, a[aOff]), b0 = LongVector.broadcast(LS, b[bOff]);
        ByteVector zero = ByteVector.zero(LS_B);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector va = aStride == 0 ? a0 : LongVector.fromArray(LS, a, aOff + i);
            LongVector vb = bStride == 0 ? b0 : LongVector.fromArray(LS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.NE, vb).cast(LS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int ltL(long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, a[aOff]), b0 = LongVector.broadcast(LS, b[bOff]);
        ByteVector zero = ByteVector.zero(LS_B);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector va = aStride == 0 ? a0 : LongVector.fromArray(LS, a, aOff + i);
            LongVector vb = bStride == 0 ? b0 : LongVector.fromArray(LS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LT, vb).cast(LS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int leL(long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, a[aOff]), b0 = LongVector.broadcast(LS, b[bOff]);
        ByteVector zero = ByteVector.zero(LS_B);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector va = aStride == 0 ? a0 : LongVector.fromArray(LS, a, aOff + i);
            LongVector vb = bStride == 0 ? b0 : LongVector.fromArray(LS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.LE, vb).cast(LS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int gtL(long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, a[aOff]), b0 = LongVector.broadcast(LS, b[bOff]);
        ByteVector zero = ByteVector.zero(LS_B);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector va = aStride == 0 ? a0 : LongVector.fromArray(LS, a, aOff + i);
            LongVector vb = bStride == 0 ? b0 : LongVector.fromArray(LS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GT, vb).cast(LS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    private static int geL(long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, byte[] y, int yOff, int n) {
        LongVector a0 = LongVector.broadcast(LS, a[aOff]), b0 = LongVector.broadcast(LS, b[bOff]);
        ByteVector zero = ByteVector.zero(LS_B);
        int i = 0, bound = LS.loopBound(n), len = LS.length();
        for (; i < bound; i += len) {
            LongVector va = aStride == 0 ? a0 : LongVector.fromArray(LS, a, aOff + i);
            LongVector vb = bStride == 0 ? b0 : LongVector.fromArray(LS, b, bOff + i);
            zero.blend((byte) 1, va.compare(VectorOperators.GE, vb).cast(LS_B)).intoArray(y, yOff + i);
        }
        return i;
    }

    /** byte operands. Writes y. */
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
