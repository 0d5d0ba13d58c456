//@twins Im2colSimd${D} F32 F64 literals
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API im2col / col2im on ${D}, for stride-1 windows (larger strides use the scalar kernel: a lane
 * gather costs about what scalar loads do). im2col is pure data movement: when an output row fits in two
 * vectors (LeNet's 10 and 28), every run is copied from the image as whole vectors with no loop (see
 * {@link #im2colRowShort}); longer rows use the scalar kernel's System.arraycopy per run.
 * col2im accumulates:
 * <ul>
 * <li>when an image row and an output row each fit in one vector, each image row is built in one
 *     register: for every tap (kh, kw) whose runs touch the row, the run is loaded from the tap's column
 *     offset before it (so lane iw holds the element that lands on column iw) and added on its lanes only,
 *     taps in the scalar kernel's order (kh, then kw); then the row is added into x once. A masked store per
 *     run, the alternative, stalls the next overlapping load (store forwarding fails), and cost 3x;</li>
 * <li>larger images add run by run, whole vectors and one masked tail.</li>
 * </ul>
 * The order of additions into each x element is the scalar kernel's, so both give the same bits.
 */
final class Im2colSimd${D} {
    private Im2colSimd${D}() {}

    private static final VectorSpecies<${T}> SPECIES = ${T}Vector.SPECIES_PREFERRED;
    private static final int VL = SPECIES.length();

    static void im2col(${t}[] x, int xOff, ConvGeom g, ${t}[] col, int colOff) {
        if (g.sW() != 1 || g.outW() > 2 * VL) {
            Im2col${D}.im2col(x, xOff, g, col, colOff);
            return;
        }
        int[] lo = owLos(g), hi = owHis(g);
        int kk = g.kH() * g.kW();
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                for (int kh = 0, r = c * kk; kh < g.kH(); kh++) {
                    for (int kw = 0; kw < g.kW(); kw++, r++) {
                        im2colRowShort(x, xOff + c * g.H() * g.W(), g, kh, kw, lo[kw], hi[kw], col, colOff + r * g.colCols());
                    }
                }
            }
        });
    }

    /**
     * One col row when an output row fits in two vectors (stride 1 along the width): each run [0, outW) is
     * one or two vector loads from the image row, shifted by the tap, stored whole (a spill past the run is
     * overwritten by the next run; the col row's last run is stored with masks); lanes outside [lo, hi) read
     * the padding and are loaded as zeros. Straight-line code, no loop over a run's vectors: with one, C2
     * compiled this 3x slower for LeNet's 10-element runs.
     */
    private static void im2colRowShort(${t}[] x, int xc, ConvGeom g, int kh, int kw, int lo, int hi, ${t}[] col, int dst) {
        int outW = g.outW(), outH = g.outH(), W = g.W(), shift = kw * g.dW() - g.pW(), last = dst + outH * outW;
        boolean two = outW > VL;
        ${T}Vector lane = ${T}Vector.zero(SPECIES).addIndex(1);
        VectorMask<${T}> in0 = lane.compare(VectorOperators.GE, (${t}) lo).and(lane.compare(VectorOperators.LT, (${t}) hi));
        VectorMask<${T}> in1 = lane.compare(VectorOperators.GE, (${t}) (lo - VL)).and(lane.compare(VectorOperators.LT, (${t}) (hi - VL)));
        for (int oh = 0; oh < outH; oh++, dst += outW) {
            // one path for every row, each run a masked load (a padding row's mask is empty): with vectors chosen
            // between paths (zero, whole load, masked load), C2 sometimes compiled this with boxed vectors
            int ih = oh * g.sH() - g.pH() + kh * g.dH();
            boolean inside = ih >= 0 && ih < g.H();
            int at = inside ? xc + ih * W + shift : 0;
            VectorMask<${T}> rows = SPECIES.maskAll(inside);
            ${T}Vector v0 = ${T}Vector.fromArray(SPECIES, x, at, in0.and(rows));
            if (dst + VL <= last) v0.intoArray(col, dst);
            else v0.intoArray(col, dst, SPECIES.indexInRange(0, last - dst));
            if (two) {
                int d1 = dst + VL;
                ${T}Vector v1 = ${T}Vector.fromArray(SPECIES, x, at + VL, in1.and(rows));
                if (d1 + VL <= last) v1.intoArray(col, d1);
                else v1.intoArray(col, d1, SPECIES.indexInRange(0, last - d1));
            }
        }
    }

    /** {@link ConvGeom#owLo} of every kw, computed once per call (a division each, too dear per row). */
    private static int[] owLos(ConvGeom g) {
        int[] v = new int[g.kW()];
        for (int kw = 0; kw < v.length; kw++) v[kw] = g.owLo(kw);
        return v;
    }

    /** {@link ConvGeom#owHi} of every kw, computed once per call. */
    private static int[] owHis(ConvGeom g) {
        int[] v = new int[g.kW()];
        for (int kw = 0; kw < v.length; kw++) v[kw] = g.owHi(kw);
        return v;
    }

    static void col2im(${t}[] col, int colOff, ConvGeom g, ${t}[] x, int xOff) {
        col2im(col, colOff, g, x, xOff, true);
    }

    /**
     * x (C, H, W) = col2im of one sample's columns, x overwritten: the bits of zeroing x and adding (every element
     * sums its taps in order from +0), and for images whose rows fit in a vector, with neither the zeroing pass
     * nor the read of x.
     */
    static void col2imInto(${t}[] col, int colOff, ConvGeom g, ${t}[] x, int xOff) {
        col2im(col, colOff, g, x, xOff, false);
    }

    /** col2im adding into x (add) or overwriting it; only the one-vector-row path overwrites without zeroing x first. */
    private static void col2im(${t}[] col, int colOff, ConvGeom g, ${t}[] x, int xOff, boolean add) {
        boolean small = g.sW() == 1 && g.W() <= VL && g.outW() <= VL && g.sH() == 1;
        if (!add && !small) java.util.Arrays.fill(x, xOff, xOff + g.C() * g.H() * g.W(), 0);
        if (g.sW() != 1) {
            Im2col${D}.col2im(col, colOff, g, x, xOff);
            return;
        }
        int kk = g.kH() * g.kW();
        if (small) {
            int[] lo = owLos(g), hi = owHis(g);
            boolean whole = !add && wholeRunsInside(g, colOff, col.length);
            Parallel.forRange(g.C(), 1, (c0, c1) -> {
                for (int c = c0; c < c1; c++) {
                    int src = colOff + c * kk * g.colCols(), xc = xOff + c * g.H() * g.W();
                    if (whole) col2imSmallWhole(col, src, g, lo, hi, x, xc);
                    else col2imSmall(col, src, g, lo, hi, x, xc, add);
                }
            });
            return;
        }
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int xc = xOff + c * g.H() * g.W();
                for (int t = 0; t < kk; t++) {
                    int r = c * kk + t;
                    col2imRowUnitStride(col, colOff + r * g.colCols(), g, t / g.kW(), t % g.kW(), x, xc);
                }
            }
        });
    }

    /**
     * Elements of slack a caller leaves before and after its columns so that {@link #col2imInto} loads whole
     * vectors (see {@link #col2imSmallWhole}).
     */
    static int slack() {
        return VL;
    }

    /** True when every run load of col2imSmall, taken as a whole vector, lies inside col. */
    private static boolean wholeRunsInside(ConvGeom g, int colOff, int length) {
        int before = Math.max(0, (g.kW() - 1) * g.dW() - g.pW());
        long last = colOff + ((long) g.C() * g.kH() * g.kW() - 1) * g.colCols() + (long) (g.outH() - 1) * g.outW() + g.pW();
        return colOff - before >= 0 && last + VL <= length;
    }

    /**
     * {@link #col2imSmall} overwriting x, for columns whose run loads all lie inside col as whole vectors: each run
     * is a whole load added on the run's lanes only (the same sums as the masked load's, from +0), and rows are
     * whole stores, so no masked access. NOTE: masked loads and stores branch inside the JDK on whether the vector
     * is in range, and that branch's profile is shared with every other kernel's masked accesses; in a training JVM
     * it made this loop about 1.2x slower (LeNet's conv2 input gradient). Lanes [lo + shift, hi + shift) lie in
     * [0, W] by owLo/owHi's definition, so the masks' bit patterns need no clipping.
     */
    private static void col2imSmallWhole(${t}[] col, int src, ConvGeom g, int[] los, int[] his, ${t}[] x, int xc) {
        int W = g.W(), H = g.H(), outW = g.outW(), outH = g.outH(), L = g.colCols(), kH = g.kH(), kW = g.kW();
        long[] on = new long[kW];                     // the lanes [lo + shift, hi + shift) of tap column kw
        for (int kw = 0; kw < kW; kw++) {
            int shift = kw * g.dW() - g.pW(), a = los[kw] + shift, b = his[kw] + shift;
            on[kw] = a >= b ? 0 : (b - a == 64 ? -1L : ((1L << (b - a)) - 1) << a);
        }
        ${t}[] last = new ${t}[VL], zeros = new ${t}[VL];
        // two image rows at a time: two independent chains of adds (each element's taps still in order); a tap
        // whose output row lies outside the image adds +0 from zeros (a sum that starts at +0 is never -0, so
        // adding +0 changes no bit)
        for (int ih = 0; ih < H; ih += 2) {
            ${T}Vector acc0 = ${T}Vector.zero(SPECIES), acc1 = ${T}Vector.zero(SPECIES);
            for (int kh = 0; kh < kH; kh++) {
                int oh0 = ih + g.pH() - kh * g.dH(), oh1 = oh0 + 1;
                boolean in0 = oh0 >= 0 && oh0 < outH, in1 = oh1 >= 0 && oh1 < outH && ih + 1 < H;
                int r0 = src + kh * kW * L + oh0 * outW, r1 = r0 + outW;
                for (int kw = 0; kw < kW; kw++) {
                    int at = kw * L - (kw * g.dW() - g.pW());
                    VectorMask<${T}> m = VectorMask.fromLong(SPECIES, on[kw]);
                    acc0 = acc0.add(${T}Vector.fromArray(SPECIES, in0 ? col : zeros, in0 ? r0 + at : 0), m);
                    acc1 = acc1.add(${T}Vector.fromArray(SPECIES, in1 ? col : zeros, in1 ? r1 + at : 0), m);
                }
            }
            // whole stores: lanes past W land on the next image rows, written after this one; a store that would
            // pass the channel's end (into another task's channel) goes through a copy. (NOTE: inline, not a helper
            // taking the vector: a vector passed to a call C2 leaves out of line is boxed.)
            if (ih * W + VL <= H * W) {
                acc0.intoArray(x, xc + ih * W);
            } else {
                acc0.intoArray(last, 0);
                System.arraycopy(last, 0, x, xc + ih * W, W);
            }
            if (ih + 1 < H && (ih + 1) * W + VL <= H * W) {
                acc1.intoArray(x, xc + (ih + 1) * W);
            } else if (ih + 1 < H) {
                acc1.intoArray(last, 0);
                System.arraycopy(last, 0, x, xc + (ih + 1) * W, W);
            }
        }
    }

    /**
     * col2im of one channel when an image row and an output row each fit in one vector (stride 1): image
     * row ih gathers, for each tap (kh, kw) in order, output row oh = ih + pH - kh*dH of the tap's col row,
     * its lanes [lo, hi) moved to image columns ow - pW + kw*dW.
     */
    private static void col2imSmall(${t}[] col, int src, ConvGeom g, int[] los, int[] his, ${t}[] x, int xc, boolean add) {
        int W = g.W(), outW = g.outW(), L = g.colCols();
        // (add false: the row starts from a load under an empty mask, +0 in every lane: still one path)
        VectorMask<${T}> rowMask = SPECIES.indexInRange(0, W), start = SPECIES.indexInRange(0, add ? W : 0);
        ${T}Vector iota = ${T}Vector.zero(SPECIES).addIndex(1);
        for (int ih = 0; ih < g.H(); ih++) {
            ${T}Vector acc = ${T}Vector.fromArray(SPECIES, x, xc + ih * W, start);
            for (int kh = 0; kh < g.kH(); kh++) {
                int oh = ih + g.pH() - kh * g.dH();
                if (oh < 0 || oh >= g.outH()) continue;
                for (int kw = 0; kw < g.kW(); kw++) {
                    int shift = kw * g.dW() - g.pW(), lo = los[kw], hi = his[kw];
                    if (lo >= hi) continue;
                    // lane iw of the image row takes the run's element ow = iw - shift: load the run from shift
                    // elements before it, so no lane moves; lanes outside [lo + shift, hi + shift) are not added
                    VectorMask<${T}> on = iota.compare(VectorOperators.GE, (${t}) (lo + shift))
                            .and(iota.compare(VectorOperators.LT, (${t}) (hi + shift)));
                    int at = src + (kh * g.kW() + kw) * L + oh * outW - shift;
                    ${T}Vector run = ${T}Vector.fromArray(SPECIES, col, at, on);    // one path: no vector chosen between two
                    acc = acc.add(run, on);
                }
            }
            acc.intoArray(x, xc + ih * W, rowMask);
        }
    }

    /** x[c] += tap (kh, kw)'s col row, each output row's run [lo, hi) as whole vectors and one masked tail (as in im2col). */
    private static void col2imRowUnitStride(${t}[] col, int src, ConvGeom g, int kh, int kw, ${t}[] x, int xc) {
        int outW = g.outW(), lo = g.owLo(kw), hi = g.owHi(kw), n = hi - lo;
        for (int oh = 0; oh < g.outH(); oh++, src += outW) {
            int ih = oh * g.sH() - g.pH() + kh * g.dH();
            if (ih < 0 || ih >= g.H()) continue;
            int d = xc + ih * g.W() + lo - g.pW() + kw * g.dW(), s = src + lo, i = 0;
            for (; i + VL <= n; i += VL) {
                ${T}Vector.fromArray(SPECIES, x, d + i).add(${T}Vector.fromArray(SPECIES, col, s + i)).intoArray(x, d + i);
            }
            if (i < n) {
                VectorMask<${T}> m = SPECIES.indexInRange(0, n - i);
                ${T}Vector.fromArray(SPECIES, x, d + i, m).add(${T}Vector.fromArray(SPECIES, col, s + i, m)).intoArray(x, d + i, m);
            }
        }
    }
}
