package dev.weft.kernels.elementwise;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Binary}. Fast paths: all unit strides, or one operand broadcast (stride 0) and
 * the others unit. Other strides run the scalar loop for the exact functions (same bits, and faster than
 * staging); POW and ATAN2 are staged through small tiles, so each element gets the same lane math wherever it sits. Exact except POW and ATAN2 (JDK vector math, within the tolerance the property tests
 * document); REMAINDER, FMOD, integer POW and I64 MUL run the scalar loop. No checks, no threading.
 */
public final class BinarySimd {
    private BinarySimd() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;
    private static final int TILE = 256;

    // NOTE: one loop per (function, dtype), each its own JIT unit; see UnarySimd for why.

    // ---------------------------------------------------------------- float

    /** y = fn(a, b) on float[] operands. Writes y. */
    public static void apply(BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        boolean unit = (aStride & ~1) == 0 && (bStride & ~1) == 0 && (yStride == 1 || n <= 1);
        if (!vectorizedF(fn) || !unit && fn != BinaryFn.POW && fn != BinaryFn.ATAN2) {
            // exact functions on strided runs: the scalar loop gives the same bits, faster than staging
            BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else if (unit) {
            contiguous(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        } else {
            staged(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        }
    }

    private static boolean vectorizedF(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }

    /** Gathers strided operands into tiles, runs the unit-stride kernel, scatters the results. */
    private static void staged(BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        float[] ta = new float[Math.min(n, TILE)], tb = new float[ta.length], ty = new float[ta.length];
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int m = Math.min(TILE, n - i0);
            for (int i = 0, ai = aOff + i0 * aStride, bi = bOff + i0 * bStride; i < m; i++, ai += aStride, bi += bStride) {
                ta[i] = a[ai];
                tb[i] = b[bi];
            }
            contiguous(fn, ta, 0, 1, tb, 0, 1, ty, 0, m);
            for (int i = 0, yi = yOff + i0 * yStride; i < m; i++, yi += yStride) y[yi] = ty[i];
        }
    }

    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, float[] a, int aOff, int aStep, float[] b, int bOff, int bStep, float[] y, int yOff, int n) {
        switch (fn) {
            case ADD -> addF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case SUB -> subF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MUL -> mulF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case DIV -> divF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case POW -> powF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MAXIMUM -> maximumF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimumF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case ATAN2 -> atan2F(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAndF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOrF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXorF(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static void addF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            a.add(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            a.add(b).intoArray(y, yOff + i, m);
        }
    }

    private static void subF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            a.sub(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            a.sub(b).intoArray(y, yOff + i, m);
        }
    }

    private static void mulF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            a.mul(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            a.mul(b).intoArray(y, yOff + i, m);
        }
    }

    private static void divF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            a.div(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            a.div(b).intoArray(y, yOff + i, m);
        }
    }

    private static void powF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            a.lanewise(VectorOperators.POW, b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            a.lanewise(VectorOperators.POW, b).intoArray(y, yOff + i, m);
        }
    }

    private static void maximumF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            a.max(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            a.max(b).intoArray(y, yOff + i, m);
        }
    }

    private static void minimumF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            a.min(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            a.min(b).intoArray(y, yOff + i, m);
        }
    }

    private static void atan2F(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            a.lanewise(VectorOperators.ATAN2, b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            a.lanewise(VectorOperators.ATAN2, b).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalAndF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            FloatVector.zero(FS).blend(1f, a.compare(VectorOperators.NE, 0f).and(b.compare(VectorOperators.NE, 0f))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            FloatVector.zero(FS).blend(1f, a.compare(VectorOperators.NE, 0f).and(b.compare(VectorOperators.NE, 0f))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalOrF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            FloatVector.zero(FS).blend(1f, a.compare(VectorOperators.NE, 0f).or(b.compare(VectorOperators.NE, 0f))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            FloatVector.zero(FS).blend(1f, a.compare(VectorOperators.NE, 0f).or(b.compare(VectorOperators.NE, 0f))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalXorF(float[] as, int aOff, int aStep, float[] bs, int bOff, int bStep, float[] y, int yOff, int n) {
        FloatVector a0 = FloatVector.broadcast(FS, as[aOff]), b0 = FloatVector.broadcast(FS, bs[bOff]);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i);
            FloatVector.zero(FS).blend(1f, a.compare(VectorOperators.NE, 0f).andNot(b.compare(VectorOperators.NE, 0f)).or(b.compare(VectorOperators.NE, 0f).andNot(a.compare(VectorOperators.NE, 0f)))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = FS.indexInRange(i, n);
            FloatVector a = aStep == 0 ? a0 : FloatVector.fromArray(FS, as, aOff + i, m);
            FloatVector b = bStep == 0 ? b0 : FloatVector.fromArray(FS, bs, bOff + i, m);
            FloatVector.zero(FS).blend(1f, a.compare(VectorOperators.NE, 0f).andNot(b.compare(VectorOperators.NE, 0f)).or(b.compare(VectorOperators.NE, 0f).andNot(a.compare(VectorOperators.NE, 0f)))).intoArray(y, yOff + i, m);
        }
    }

    // ---------------------------------------------------------------- double

    /** y = fn(a, b) on double[] operands. Writes y. */
    public static void apply(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        boolean unit = (aStride & ~1) == 0 && (bStride & ~1) == 0 && (yStride == 1 || n <= 1);
        if (!vectorizedD(fn) || !unit && fn != BinaryFn.POW && fn != BinaryFn.ATAN2) {
            // exact functions on strided runs: the scalar loop gives the same bits, faster than staging
            BinaryScalar.apply(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        } else if (unit) {
            contiguous(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, n);
        } else {
            staged(fn, a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
        }
    }

    private static boolean vectorizedD(BinaryFn fn) {
        return switch (fn) {
            case ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> true;
            default -> false;
        };
    }

    /** Gathers strided operands into tiles, runs the unit-stride kernel, scatters the results. */
    private static void staged(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        double[] ta = new double[Math.min(n, TILE)], tb = new double[ta.length], ty = new double[ta.length];
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int m = Math.min(TILE, n - i0);
            for (int i = 0, ai = aOff + i0 * aStride, bi = bOff + i0 * bStride; i < m; i++, ai += aStride, bi += bStride) {
                ta[i] = a[ai];
                tb[i] = b[bi];
            }
            contiguous(fn, ta, 0, 1, tb, 0, 1, ty, 0, m);
            for (int i = 0, yi = yOff + i0 * yStride; i < m; i++, yi += yStride) y[yi] = ty[i];
        }
    }

    /** aStep, bStep: 1 (unit stride) or 0 (broadcast). */
    private static void contiguous(BinaryFn fn, double[] a, int aOff, int aStep, double[] b, int bOff, int bStep, double[] y, int yOff, int n) {
        switch (fn) {
            case ADD -> addD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case SUB -> subD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MUL -> mulD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case DIV -> divD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case POW -> powD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MAXIMUM -> maximumD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case MINIMUM -> minimumD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case ATAN2 -> atan2D(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_AND -> logicalAndD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_OR -> logicalOrD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            case LOGICAL_XOR -> logicalXorD(a, aOff, aStep, b, bOff, bStep, y, yOff, n);
            default -> BinaryScalar.apply(fn, a, aOff, aStep, b, bOff, bStep, y, yOff, 1, n);
        }
    }

    private static void addD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            a.add(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            a.add(b).intoArray(y, yOff + i, m);
        }
    }

    private static void subD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            a.sub(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            a.sub(b).intoArray(y, yOff + i, m);
        }
    }

    private static void mulD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            a.mul(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            a.mul(b).intoArray(y, yOff + i, m);
        }
    }

    private static void divD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            a.div(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            a.div(b).intoArray(y, yOff + i, m);
        }
    }

    private static void powD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            a.lanewise(VectorOperators.POW, b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            a.lanewise(VectorOperators.POW, b).intoArray(y, yOff + i, m);
        }
    }

    private static void maximumD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            a.max(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            a.max(b).intoArray(y, yOff + i, m);
        }
    }

    private static void minimumD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            a.min(b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            a.min(b).intoArray(y, yOff + i, m);
        }
    }

    private static void atan2D(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            a.lanewise(VectorOperators.ATAN2, b).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            a.lanewise(VectorOperators.ATAN2, b).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalAndD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            DoubleVector.zero(DS).blend(1.0, a.compare(VectorOperators.NE, 0.0).and(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            DoubleVector.zero(DS).blend(1.0, a.compare(VectorOperators.NE, 0.0).and(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalOrD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            DoubleVector.zero(DS).blend(1.0, a.compare(VectorOperators.NE, 0.0).or(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            DoubleVector.zero(DS).blend(1.0, a.compare(VectorOperators.NE, 0.0).or(b.compare(VectorOperators.NE, 0.0))).intoArray(y, yOff + i, m);
        }
    }

    private static void logicalXorD(double[] as, int aOff, int aStep, double[] bs, int bOff, int bStep, double[] y, int yOff, int n) {
        DoubleVector a0 = DoubleVector.broadcast(DS, as[aOff]), b0 = DoubleVector.broadcast(DS, bs[bOff]);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i);
            DoubleVector.zero(DS).blend(1.0, a.compare(VectorOperators.NE, 0.0).andNot(b.compare(VectorOperators.NE, 0.0)).or(b.compare(VectorOperators.NE, 0.0).andNot(a.compare(VectorOperators.NE, 0.0)))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = DS.indexInRange(i, n);
            DoubleVector a = aStep == 0 ? a0 : DoubleVector.fromArray(DS, as, aOff + i, m);
            DoubleVector b = bStep == 0 ? b0 : DoubleVector.fromArray(DS, bs, bOff + i, m);
            DoubleVector.zero(DS).blend(1.0, a.compare(VectorOperators.NE, 0.0).andNot(b.compare(VectorOperators.NE, 0.0)).or(b.compare(VectorOperators.NE, 0.0).andNot(a.compare(VectorOperators.NE, 0.0)))).intoArray(y, yOff + i, m);
        }
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

    /** y[i] = fma(alpha, x[i], y[i]) (float). Unit strides vectorized, others scalar (same fused rounding). Modifies y. */
    public static void axpy(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        if (xStride != 1 || yStride != 1) {
            BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
            return;
        }
        FloatVector va = FloatVector.broadcast(FS, alpha);
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            va.fma(FloatVector.fromArray(FS, x, xOff + i), FloatVector.fromArray(FS, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }

    /** y[i] = alpha * x[i] (float). Writes y. */
    public static void scale(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        if (xStride != 1 || yStride != 1) {
            BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
            return;
        }
        int i = 0, bound = FS.loopBound(n), len = FS.length();
        for (; i < bound; i += len) {
            FloatVector.fromArray(FS, x, xOff + i).mul(alpha).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = alpha * x[xOff + i];
    }

    /** y[i] = fma(alpha, x[i], y[i]) (double). Unit strides vectorized, others scalar (same fused rounding). Modifies y. */
    public static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        if (xStride != 1 || yStride != 1) {
            BinaryScalar.axpy(n, alpha, x, xOff, xStride, y, yOff, yStride);
            return;
        }
        DoubleVector va = DoubleVector.broadcast(DS, alpha);
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            va.fma(DoubleVector.fromArray(DS, x, xOff + i), DoubleVector.fromArray(DS, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }

    /** y[i] = alpha * x[i] (double). Writes y. */
    public static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        if (xStride != 1 || yStride != 1) {
            BinaryScalar.scale(n, alpha, x, xOff, xStride, y, yOff, yStride);
            return;
        }
        int i = 0, bound = DS.loopBound(n), len = DS.length();
        for (; i < bound; i += len) {
            DoubleVector.fromArray(DS, x, xOff + i).mul(alpha).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = alpha * x[xOff + i];
    }
}
