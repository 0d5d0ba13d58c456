//@twins PoolSimd${D} F32 F64 literals
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API max/avg pooling on ${D}: lanes are adjacent output columns, and each tap (kh, kw) is one
 * vector step over them, in the scalar kernel's order, so both give the same bits. Max pooling loads
 * stride-1 rows contiguously and other strides through a lane index map (a hardware gather where
 * there is one); it pays 3-4x over the scalar row kernel for 3x3/s1, 3x3/s2 and 2x2/s2 windows (measured
 * on AVX2, one thread). 2x2 windows at stride 2 that all lie inside the image (LeNet's) need no gather:
 * whole-vector loads of two rows split into even and odd lanes (about 10x the scalar kernel's speed,
 * AVX-512, one thread); on planes they tile with rows of at most half a vector, lanes run over the
 * flattened output instead, one gather per tap. Otherwise a row's tail, or a row shorter than one vector,
 * is one masked step. Argmax positions ride along as a vector of the element type (exact below
 * 2^24 for float, else the scalar kernel runs). Average pooling, forward and backward, vectorizes
 * stride 1 only: with a strided load (or, backward, a scatter) per tap it measured no faster than
 * the scalar adds.
 */
final class PoolSimd${D} {
    private PoolSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final int LL = LS.length();
    private static final VectorOperators.Conversion<${L}, Long> TO_LONG = VectorOperators.Conversion.ofCast(${t}.class, long.class);
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
        if (g.kH() == 2 && g.kW() == 2 && g.sH() == 2 && g.sW() == 2 && g.dH() == 1 && g.dW() == 1 && g.windowsInside()) {
            if (2 * g.outW() <= L && g.H() == 2 * g.outH() && g.W() == 2 * g.outW()) maxPool2x2Flat(x, xOff, g, y, yOff, idx, idxOff);
            else maxPool2x2(x, xOff, g, y, yOff, idx, idxOff);
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

    /** Lane i holds 2i (EVEN) or 2i + 1 (ODD): as selectFrom(a, b) indices, the even or odd lanes of the pair (a, b). */
    private static final ${T}Vector EVEN = twice(0), ODD = twice(1);

    private static ${T}Vector twice(int plus) {
        ${t}[] v = new ${t}[L];
        for (int i = 0; i < L; i++) v[i] = 2 * i + plus;
        return ${T}Vector.fromArray(S, v, 0);
    }

    /**
     * 2x2 windows at stride 2, all inside the image: 2L contiguous inputs of each of the two rows are split
     * into their even and odd lanes (the taps (kh, 0) and (kh, 1) of L adjacent windows), and the four
     * taps are compared in the scalar kernel's order with its comparisons (greater, or NaN), so the same
     * values and indices, with no gather.
     */
    private static void maxPool2x2(${t}[] x, int xOff, ConvGeom g, ${t}[] y, int yOff, long[] idx, int idxOff) {
        int W = g.W(), hw = g.H() * W, outW = g.outW(), ohw = g.outH() * outW;
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            ${t}[] pos = new ${t}[L], tail = new ${t}[4 * L];
            for (int c = c0; c < c1; c++) {
                int xc = xOff + c * hw, yEnd = yOff + (c + 1) * ohw, iEnd = idxOff + (c + 1) * ohw;
                for (int oh = 0; oh < g.outH(); oh++) {
                    int row = 2 * oh * W, yr = yOff + c * ohw + oh * outW, ir = idxOff + c * ohw + oh * outW;
                    for (int o = 0; o < outW; o += L) {
                        int n = 2 * Math.min(L, outW - o), p = row + 2 * o;     // n inputs of each row hold the windows o, o+1, ...
                        if (xc + p + W + 2 * L <= x.length) {
                            windows2x2(x, xc + p, xc + p + W, p, W, n / 2, y, yr + o, yEnd, idx, ir + o, iEnd, pos);
                        } else {                                                // the array's last windows: through a zero-padded copy
                            java.util.Arrays.fill(tail, 0);
                            System.arraycopy(x, xc + p, tail, 0, n);
                            System.arraycopy(x, xc + p + W, tail, 2 * L, n);
                            windows2x2(tail, 0, 2 * L, p, W, n / 2, y, yr + o, yEnd, idx, ir + o, iEnd, pos);
                        }
                    }
                }
            }
        });
    }

    /**
     * The max of m (<= L) adjacent 2x2 windows, the first at position p of its channel, whose two rows' inputs start
     * at xs[r0] and xs[r1]: 2L whole inputs of each row are split into their even and odd lanes (the taps (kh, 0)
     * and (kh, 1) of L windows), and the four taps are compared in the scalar kernel's order with its comparisons
     * (greater, or NaN), so the same values and indices, with no gather. Lanes past the m windows read inputs
     * past the row but feed only outputs that are not kept. NOTE: whole loads and stores, not masked ones: masked accesses
     * branch inside the JDK on whether the vector is in range, and that branch's profile is shared with every
     * other kernel's masked accesses; in a training JVM the masked loop ran about 1.3x slower (LeNet's first
     * pooling: 14 outputs a row, every row a partial vector).
     */
    private static void windows2x2(${t}[] xs, int r0, int r1, int p, int W, int m, ${t}[] y, int yo, int yEnd, long[] idx, int io,
                                   int iEnd, ${t}[] pos) {
        ${T}Vector a0 = ${T}Vector.fromArray(S, xs, r0), b0 = ${T}Vector.fromArray(S, xs, r0 + L);
        ${T}Vector a1 = ${T}Vector.fromArray(S, xs, r1), b1 = ${T}Vector.fromArray(S, xs, r1 + L);
        ${T}Vector best = EVEN.selectFrom(a0, b0), at = EVEN.add(p);
        ${T}Vector v = ODD.selectFrom(a0, b0);
        VectorMask<${L}> win = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
        best = best.blend(v, win);
        at = at.blend(ODD.add(p), win);
        v = EVEN.selectFrom(a1, b1);
        win = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
        best = best.blend(v, win);
        at = at.blend(EVEN.add(p + W), win);
        v = ODD.selectFrom(a1, b1);
        win = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
        best = best.blend(v, win);
        at = at.blend(ODD.add(p + W), win);
        // a whole store: lanes past the m windows land on the channel's next outputs, stored after these; past the
        // channel's end (another task's) the m values go through pos
        if (yo + L <= yEnd) {
            best.intoArray(y, yo);
        } else {
            best.intoArray(pos, 0);
            System.arraycopy(pos, 0, y, yo, m);
        }
        if (io + L <= iEnd) {                  // the positions as whole long vectors, the same way
            for (int part = 0; part < L / LL; part++) ((LongVector) at.convertShape(TO_LONG, LS, part)).intoArray(idx, io + part * LL);
        } else {
            at.intoArray(pos, 0);
            for (int j = 0; j < m; j++) idx[io + j] = (long) pos[j];
        }
    }

    /**
     * 2x2 windows at stride 2 tiling the image exactly (H = 2 outH, W = 2 outW) with rows of at most half a vector
     * (LeNet's second pooling: 5 outputs a row): lanes are L consecutive outputs of the flattened (C, outH, outW)
     * output, across rows and planes, and each tap is one gather through a table of the windows' first
     * positions, so no lane is idle. The four taps are compared in the scalar kernel's order with its
     * comparisons, so the same values and indices; the last partial vector of a task is the scalar kernel's.
     */
    private static void maxPool2x2Flat(${t}[] x, int xOff, ConvGeom g, ${t}[] y, int yOff, long[] idx, int idxOff) {
        int W = g.W(), hw = g.H() * W, outW = g.outW(), ohw = g.outH() * outW;
        // output r (counted from a plane's first) has its window's tap (0, 0) at first[r] from that plane's
        // start and at local[r] within its own plane
        int[] first = new int[ohw + L], local = new int[ohw + L];
        for (int r = 0; r < ohw + L; r++) {
            int q = r % ohw;
            local[r] = 2 * W * (q / outW) + 2 * (q % outW);
            first[r] = hw * (r / ohw) + local[r];
        }
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            ${t}[] tap = new ${t}[L];
            int q = c0 * ohw, end = c1 * ohw;
            for (; q + L <= end; q += L) {
                int c = q / ohw;
                flatWindows(x, xOff + c * hw, W, first, local, q - c * ohw, y, yOff + q, idx, idxOff + q, tap);
            }
            for (; q < end; q++) {
                int c = q / ohw, oh = q % ohw / outW, ow = q % outW, row = c * ohw + oh * outW;
                Pool${D}.maxPoolRow(x, xOff + c * hw, g, oh, y, yOff + row, idx, idxOff + row, ow, ow + 1);
            }
        });
    }

    /**
     * L flattened outputs of {@link #maxPool2x2Flat} from output r of the plane at base: the four taps gathered
     * through first[r...] and compared in the scalar kernel's order. (Its own small method, so that C2 compiles
     * the vector code apart from the task loop and keeps its vectors in registers.)
     */
    private static void flatWindows(${t}[] x, int base, int W, int[] first, int[] local, int r, ${t}[] y, int yo, long[] idx, int io,
                                    ${t}[] tap) {
        ${T}Vector best = ${T}Vector.fromArray(S, x, base, first, r), at = ${T}Vector.zero(S);
        ${T}Vector v = ${T}Vector.fromArray(S, x, base + 1, first, r);
        VectorMask<${L}> win = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
        best = best.blend(v, win);
        at = at.blend(1, win);
        v = ${T}Vector.fromArray(S, x, base + W, first, r);
        win = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
        best = best.blend(v, win);
        at = at.blend(W, win);
        v = ${T}Vector.fromArray(S, x, base + W + 1, first, r);
        win = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
        best = best.blend(v, win);
        at = at.blend(W + 1, win);
        best.intoArray(y, yo);
        at.intoArray(tap, 0);
        for (int j = 0; j < L; j++) idx[io + j] = local[r + j] + (long) tap[j];
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
