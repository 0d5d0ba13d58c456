//@twins PoolSimd${D} F32 F64 literals
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API max/avg pooling on ${D}: lanes are adjacent output columns, and each tap (kh, kw) is one
 * vector step over them, in the scalar kernel's order, so both give the same bits. Max pooling loads
 * stride-1 rows contiguously and other strides through a lane index map (a hardware gather where
 * there is one); it pays 3-4x over scalar for 3x3/s1, 3x3/s2 and 2x2/s2 windows (measured on AVX2,
 * one thread); a row's tail, or a row shorter than one vector (LeNet's 14- and 5-wide outputs), is one masked
 * step. Argmax positions ride along as a vector of the element type (exact below
 * 2^24 for float, else the scalar kernel runs). Average pooling, forward and backward, vectorizes
 * stride 1 only: with a strided load (or, backward, a scatter) per tap it measured no faster than
 * the scalar adds.
 */
final class PoolSimd${D} {
    private PoolSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Largest count below which every integer is exact in this element type. */
    private static final ${t} EXACT = 2 / Math.ulp((${t}) 1);

    /**
     * Lane offsets 0, s, 2s, ... for strided loads, and the same as element-type values; tails[k] is the map
     * with lanes k and above at offset 0 (a masked gather still range-checks its unset lanes).
     */
    private record Lanes(int[] map, ${T}Vector step, int[][] tails) {
        static Lanes of(int s) {
            int[] map = new int[L];
            ${t}[] step = new ${t}[L];
            int[][] tails = new int[L + 1][L];
            for (int l = 0; l < L; l++) {
                map[l] = l * s;
                step[l] = l * s;
            }
            for (int k = 0; k <= L; k++) System.arraycopy(map, 0, tails[k], 0, k);
            return new Lanes(map, ${T}Vector.fromArray(S, step, 0), tails);
        }
    }

    private static ${T}Vector load(${t}[] x, int at, int sW, Lanes lanes) {
        return sW == 1 ? ${T}Vector.fromArray(S, x, at) : ${T}Vector.fromArray(S, x, at, lanes.map(), 0);
    }

    /** The first n (< L) lanes of a row under mask m. */
    private static ${T}Vector load(${t}[] x, int at, int sW, Lanes lanes, int n, VectorMask<${L}> m) {
        return sW == 1 ? ${T}Vector.fromArray(S, x, at, m) : ${T}Vector.fromArray(S, x, at, lanes.tails()[n], 0, m);
    }

    static void maxPool(${t}[] x, int xOff, ConvGeom g, ${t}[] y, int yOff, long[] idx, int idxOff) {
        if ((${t}) g.H() * g.W() >= EXACT) {
            Pool${D}.maxPool(x, xOff, g, y, yOff, idx, idxOff);
            return;
        }
        int hw = g.H() * g.W(), ohw = g.outH() * g.outW();
        Lanes lanes = Lanes.of(g.sW());
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            ${t}[] pos = new ${t}[g.outW() + L];          // room for a whole vector past the row: masked accesses stay in bounds (fast path)
            for (int c = c0; c < c1; c++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    int yr = yOff + c * ohw + oh * g.outW(), ir = idxOff + c * ohw + oh * g.outW();
                    maxPoolRow(x, xOff + c * hw, g, oh, y, yr, pos, lanes);
                    for (int ow = 0; ow < g.outW(); ow++) idx[ir + ow] = (long) pos[ow];
                }
            }
        });
    }

    private static void maxPoolRow(${t}[] x, int xc, ConvGeom g, int oh, ${t}[] y, int yr, ${t}[] pos, Lanes lanes) {
        java.util.Arrays.fill(y, yr, yr + g.outW(), ${T}.NEGATIVE_INFINITY);
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
                    ${T}Vector v = load(x, xc + p, sW, lanes);
                    ${T}Vector cur = ${T}Vector.fromArray(S, y, yr + ow);
                    ${T}Vector at = ${T}Vector.fromArray(S, pos, ow);
                    VectorMask<${T}> win = v.compare(VectorOperators.GT, cur)
                            .or(v.test(VectorOperators.IS_NAN))
                            .or(at.compare(VectorOperators.LT, 0));
                    cur.blend(v, win).intoArray(y, yr + ow);
                    at.blend(lanes.step().add(p), win).intoArray(pos, ow);
                }
                if (ow < hi) {                                     // the row's tail (or a row shorter than a vector): masked
                    VectorMask<${L}> m = S.indexInRange(ow, hi);
                    int p = p0 + ow * sW;
                    ${T}Vector v = load(x, xc + p, sW, lanes, hi - ow, m);
                    ${T}Vector cur = ${T}Vector.fromArray(S, y, yr + ow, m);
                    ${T}Vector at = ${T}Vector.fromArray(S, pos, ow, m);
                    VectorMask<${L}> win = v.compare(VectorOperators.GT, cur)
                            .or(v.test(VectorOperators.IS_NAN))
                            .or(at.compare(VectorOperators.LT, 0)).and(m);
                    cur.blend(v, win).intoArray(y, yr + ow, m);
                    at.blend(lanes.step().add(p), win).intoArray(pos, ow, m);
                }
            }
        }
    }

    static void avgPool(${t}[] x, int xOff, ConvGeom g, boolean countIncludePad, ${t}[] y, int yOff) {
        if (g.sW() != 1 || g.outW() < L) {
            Pool${D}.avgPool(x, xOff, g, countIncludePad, y, yOff);
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

    private static void avgPoolRowSumUnitStride(${t}[] x, int xc, ConvGeom g, int oh, ${t}[] y, int yr) {
        java.util.Arrays.fill(y, yr, yr + g.outW(), 0);
        for (int kh = 0; kh < g.kH(); kh++) {
            int ih = oh * g.sH() - g.pH() + kh;
            if (ih < 0 || ih >= g.H()) continue;
            for (int kw = 0; kw < g.kW(); kw++) {
                int lo = g.owLo(kw), hi = g.owHi(kw);
                int src = xc + ih * g.W() - g.pW() + kw;
                int ow = lo;
                for (; ow + L <= hi; ow += L) {
                    ${T}Vector.fromArray(S, y, yr + ow).add(${T}Vector.fromArray(S, x, src + ow)).intoArray(y, yr + ow);
                }
                for (; ow < hi; ow++) y[yr + ow] += x[src + ow];
            }
        }
    }

    static void avgPoolBackward(${t}[] gy, int gyOff, ConvGeom g, boolean countIncludePad, ${t}[] gx, int gxOff) {
        if (g.sW() != 1 || g.outW() < L) {
            Pool${D}.avgPoolBackward(gy, gyOff, g, countIncludePad, gx, gxOff);
            return;
        }
        int hw = g.H() * g.W(), ohw = g.outH() * g.outW();
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            ${t}[] scaled = new ${t}[g.outW()];
            for (int c = c0; c < c1; c++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    Pool${D}.scaleRow(gy, gyOff + c * ohw + oh * g.outW(), g, oh, countIncludePad, scaled);
                    spreadRowUnitStride(scaled, g, oh, gx, gxOff + c * hw);
                }
            }
        });
    }

    private static void spreadRowUnitStride(${t}[] scaled, ConvGeom g, int oh, ${t}[] gx, int gxc) {
        for (int kh = 0; kh < g.kH(); kh++) {
            int ih = oh * g.sH() - g.pH() + kh;
            if (ih < 0 || ih >= g.H()) continue;
            for (int kw = 0; kw < g.kW(); kw++) {
                int lo = g.owLo(kw), hi = g.owHi(kw);
                int dst = gxc + ih * g.W() - g.pW() + kw;
                int ow = lo;
                for (; ow + L <= hi; ow += L) {
                    ${T}Vector.fromArray(S, gx, dst + ow).add(${T}Vector.fromArray(S, scaled, ow)).intoArray(gx, dst + ow);
                }
                for (; ow < hi; ow++) gx[dst + ow] += scaled[ow];
            }
        }
    }
}
