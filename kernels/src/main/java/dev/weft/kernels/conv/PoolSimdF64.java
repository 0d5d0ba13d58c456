package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API max/avg pooling on F64: lanes are adjacent output columns, and each tap (kh, kw) is one
 * vector step over them, in the scalar kernel's order, so both give the same bits. Max pooling loads
 * stride-1 rows contiguously and other strides through a lane index map (a hardware gather where
 * there is one); it pays 3-4x over scalar for 3x3/s1, 3x3/s2 and 2x2/s2 windows (measured on AVX2,
 * one thread). Argmax positions ride along as a vector of the element type (exact below
 * 2^24 for float, else the scalar kernel runs). Average pooling, forward and backward, vectorizes
 * stride 1 only: with a strided load (or, backward, a scatter) per tap it measured no faster than
 * the scalar adds.
 * @twin-source: DtypeTwins generates the F32 twin of this file.
 */
final class PoolSimdF64 {
    private PoolSimdF64() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Largest count below which every integer is exact in this element type. */
    private static final double EXACT = 2 / Math.ulp((double) 1);

    /** Lane offsets 0, s, 2s, ... for strided loads, and the same as element-type values. */
    private record Lanes(int[] map, DoubleVector step) {
        static Lanes of(int s) {
            int[] map = new int[L];
            double[] step = new double[L];
            for (int l = 0; l < L; l++) {
                map[l] = l * s;
                step[l] = l * s;
            }
            return new Lanes(map, DoubleVector.fromArray(S, step, 0));
        }
    }

    private static DoubleVector load(double[] x, int at, int sW, Lanes lanes) {
        return sW == 1 ? DoubleVector.fromArray(S, x, at) : DoubleVector.fromArray(S, x, at, lanes.map(), 0);
    }

    static void maxPool(double[] x, int xOff, ConvGeom g, double[] y, int yOff, long[] idx, int idxOff) {
        if ((double) g.H() * g.W() >= EXACT || g.outW() < L) {
            PoolF64.maxPool(x, xOff, g, y, yOff, idx, idxOff);
            return;
        }
        int hw = g.H() * g.W(), ohw = g.outH() * g.outW();
        Lanes lanes = Lanes.of(g.sW());
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            double[] pos = new double[g.outW()];
            for (int c = c0; c < c1; c++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    int yr = yOff + c * ohw + oh * g.outW(), ir = idxOff + c * ohw + oh * g.outW();
                    maxPoolRow(x, xOff + c * hw, g, oh, y, yr, pos, lanes);
                    for (int ow = 0; ow < g.outW(); ow++) idx[ir + ow] = (long) pos[ow];
                }
            }
        });
    }

    private static void maxPoolRow(double[] x, int xc, ConvGeom g, int oh, double[] y, int yr, double[] pos, Lanes lanes) {
        java.util.Arrays.fill(y, yr, yr + g.outW(), Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(pos, -1);
        int sW = g.sW();
        for (int kh = 0; kh < g.kH(); kh++) {
            int ih = oh * g.sH() - g.pH() + kh * g.dH();
            if (ih < 0 || ih >= g.H()) continue;
            for (int kw = 0; kw < g.kW(); kw++) {
                int lo = g.owLo(kw), hi = g.owHi(kw);
                int p0 = ih * g.W() - g.pW() + kw * g.dW();
                int ow = lo;
                for (; ow + L <= hi; ow += L) {
                    int p = p0 + ow * sW;
                    DoubleVector v = load(x, xc + p, sW, lanes);
                    DoubleVector cur = DoubleVector.fromArray(S, y, yr + ow);
                    DoubleVector at = DoubleVector.fromArray(S, pos, ow);
                    VectorMask<Double> win = v.compare(VectorOperators.GT, cur)
                            .or(v.test(VectorOperators.IS_NAN))
                            .or(at.compare(VectorOperators.LT, 0));
                    cur.blend(v, win).intoArray(y, yr + ow);
                    at.blend(lanes.step().add(p), win).intoArray(pos, ow);
                }
                for (; ow < hi; ow++) {
                    int p = p0 + ow * sW;
                    double v = x[xc + p];
                    if (v > y[yr + ow] || v != v || pos[ow] < 0) {
                        y[yr + ow] = v;
                        pos[ow] = p;
                    }
                }
            }
        }
    }

    static void avgPool(double[] x, int xOff, ConvGeom g, boolean countIncludePad, double[] y, int yOff) {
        if (g.sW() != 1 || g.outW() < L) {
            PoolF64.avgPool(x, xOff, g, countIncludePad, y, yOff);
            return;
        }
        int hw = g.H() * g.W(), ohw = g.outH() * g.outW();
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    int yr = yOff + c * ohw + oh * g.outW();
                    avgPoolRowSumUnitStride(x, xOff + c * hw, g, oh, y, yr);
                    for (int ow = 0; ow < g.outW(); ow++) {
                        int d = g.avgDivisor(oh, ow, countIncludePad);
                        y[yr + ow] = d == 0 ? 0 : y[yr + ow] / d;
                    }
                }
            }
        });
    }

    private static void avgPoolRowSumUnitStride(double[] x, int xc, ConvGeom g, int oh, double[] y, int yr) {
        java.util.Arrays.fill(y, yr, yr + g.outW(), 0);
        for (int kh = 0; kh < g.kH(); kh++) {
            int ih = oh * g.sH() - g.pH() + kh;
            if (ih < 0 || ih >= g.H()) continue;
            for (int kw = 0; kw < g.kW(); kw++) {
                int lo = g.owLo(kw), hi = g.owHi(kw);
                int src = xc + ih * g.W() - g.pW() + kw;
                int ow = lo;
                for (; ow + L <= hi; ow += L) {
                    DoubleVector.fromArray(S, y, yr + ow).add(DoubleVector.fromArray(S, x, src + ow)).intoArray(y, yr + ow);
                }
                for (; ow < hi; ow++) y[yr + ow] += x[src + ow];
            }
        }
    }

    static void avgPoolBackward(double[] gy, int gyOff, ConvGeom g, boolean countIncludePad, double[] gx, int gxOff) {
        if (g.sW() != 1 || g.outW() < L) {
            PoolF64.avgPoolBackward(gy, gyOff, g, countIncludePad, gx, gxOff);
            return;
        }
        int hw = g.H() * g.W(), ohw = g.outH() * g.outW();
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            double[] scaled = new double[g.outW()];
            for (int c = c0; c < c1; c++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    PoolF64.scaleRow(gy, gyOff + c * ohw + oh * g.outW(), g, oh, countIncludePad, scaled);
                    spreadRowUnitStride(scaled, g, oh, gx, gxOff + c * hw);
                }
            }
        });
    }

    private static void spreadRowUnitStride(double[] scaled, ConvGeom g, int oh, double[] gx, int gxc) {
        for (int kh = 0; kh < g.kH(); kh++) {
            int ih = oh * g.sH() - g.pH() + kh;
            if (ih < 0 || ih >= g.H()) continue;
            for (int kw = 0; kw < g.kW(); kw++) {
                int lo = g.owLo(kw), hi = g.owHi(kw);
                int dst = gxc + ih * g.W() - g.pW() + kw;
                int ow = lo;
                for (; ow + L <= hi; ow += L) {
                    DoubleVector.fromArray(S, gx, dst + ow).add(DoubleVector.fromArray(S, scaled, ow)).intoArray(gx, dst + ow);
                }
                for (; ow < hi; ow++) gx[dst + ow] += scaled[ow];
            }
        }
    }
}
