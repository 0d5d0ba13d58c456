package dev.weft.kernels.reduce;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Scan}. With inner > 1, vectors run across the columns and r is the outer loop,
 * doing per lane exactly the scalar reference's operations (F32 widens each lane to double, accumulates and
 * rounds each output), so results equal the scalar reference bit for bit. inner == 1 is a serial dependence
 * chain: it runs the scalar loop, as does I64 cumprod (no 64-bit vector multiply before AVX-512).
 * No checks, no threading.
 */
public final class ScanSimd {
    private ScanSimd() {}

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    /** Float species with as many lanes as the preferred double species (half its width). */
    private static final VectorSpecies<Float> HALF = VectorSpecies.of(float.class, VectorShape.forBitSize(DS.vectorBitSize() / 2));

    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void cumsum(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = DS.length();
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int j = j0; j < j1; j += len) {
                VectorMask<Float> mf = DS.indexInRange(j, j1).cast(HALF);
                DoubleVector acc = DoubleVector.broadcast(DS, 0.0);
                for (int k = 0; k < r; k++) {
                    int p = base + k * inner + j;
                    FloatVector xv = FloatVector.fromArray(HALF, x, xOff + p, mf);
                    acc = acc.add((DoubleVector) xv.convertShape(VectorOperators.F2D, DS, 0));
                    ((FloatVector) acc.convertShape(VectorOperators.D2F, HALF, 0)).intoArray(y, yOff + p, mf);
                }
            }
        }
    }

    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void cumprod(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = DS.length();
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int j = j0; j < j1; j += len) {
                VectorMask<Float> mf = DS.indexInRange(j, j1).cast(HALF);
                DoubleVector acc = DoubleVector.broadcast(DS, 1.0);
                for (int k = 0; k < r; k++) {
                    int p = base + k * inner + j;
                    FloatVector xv = FloatVector.fromArray(HALF, x, xOff + p, mf);
                    acc = acc.mul((DoubleVector) xv.convertShape(VectorOperators.F2D, DS, 0));
                    ((FloatVector) acc.convertShape(VectorOperators.D2F, HALF, 0)).intoArray(y, yOff + p, mf);
                }
            }
        }
    }

    public static void cumsum(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void cumsum(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = DS.length();
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int j = j0; j < j1; j += len) {
                VectorMask<Double> mask = DS.indexInRange(j, j1);
                DoubleVector acc = DoubleVector.broadcast(DS, 0);
                for (int k = 0; k < r; k++) {
                    int p = base + k * inner + j;
                    acc = acc.add(DoubleVector.fromArray(DS, x, xOff + p, mask));
                    acc.intoArray(y, yOff + p, mask);
                }
            }
        }
    }

    public static void cumprod(double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void cumprod(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = DS.length();
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int j = j0; j < j1; j += len) {
                VectorMask<Double> mask = DS.indexInRange(j, j1);
                DoubleVector acc = DoubleVector.broadcast(DS, 1);
                for (int k = 0; k < r; k++) {
                    int p = base + k * inner + j;
                    acc = acc.mul(DoubleVector.fromArray(DS, x, xOff + p, mask));
                    acc.intoArray(y, yOff + p, mask);
                }
            }
        }
    }

    public static void cumsum(int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void cumsum(int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = IS.length();
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int j = j0; j < j1; j += len) {
                VectorMask<Integer> mask = IS.indexInRange(j, j1);
                IntVector acc = IntVector.broadcast(IS, 0);
                for (int k = 0; k < r; k++) {
                    int p = base + k * inner + j;
                    acc = acc.add(IntVector.fromArray(IS, x, xOff + p, mask));
                    acc.intoArray(y, yOff + p, mask);
                }
            }
        }
    }

    public static void cumprod(int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void cumprod(int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = IS.length();
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int j = j0; j < j1; j += len) {
                VectorMask<Integer> mask = IS.indexInRange(j, j1);
                IntVector acc = IntVector.broadcast(IS, 1);
                for (int k = 0; k < r; k++) {
                    int p = base + k * inner + j;
                    acc = acc.mul(IntVector.fromArray(IS, x, xOff + p, mask));
                    acc.intoArray(y, yOff + p, mask);
                }
            }
        }
    }

    public static void cumsum(long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        cumsum(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void cumsum(long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        if (inner == 1) {
            ScanScalar.cumsum(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = LS.length();
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int j = j0; j < j1; j += len) {
                VectorMask<Long> mask = LS.indexInRange(j, j1);
                LongVector acc = LongVector.broadcast(LS, 0);
                for (int k = 0; k < r; k++) {
                    int p = base + k * inner + j;
                    acc = acc.add(LongVector.fromArray(LS, x, xOff + p, mask));
                    acc.intoArray(y, yOff + p, mask);
                }
            }
        }
    }

    public static void cumprod(long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        cumprod(x, xOff, outer, r, inner, 0, inner, y, yOff);
    }

    public static void cumprod(long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        if (true) {
            ScanScalar.cumprod(x, xOff, outer, r, inner, j0, j1, y, yOff);
            return;
        }
        int len = LS.length();
        for (int o = 0; o < outer; o++) {
            int base = o * r * inner;
            for (int j = j0; j < j1; j += len) {
                VectorMask<Long> mask = LS.indexInRange(j, j1);
                LongVector acc = LongVector.broadcast(LS, 1);
                for (int k = 0; k < r; k++) {
                    int p = base + k * inner + j;
                    acc = acc.mul(LongVector.fromArray(LS, x, xOff + p, mask));
                    acc.intoArray(y, yOff + p, mask);
                }
            }
        }
    }
}
