//@twins Im2colSimd${D} F32 F64 literals
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API col2im on ${D}. im2col is pure data movement and uses the scalar kernel: its stride-1 runs
 * are System.arraycopy (whole-vector copies with spill and masked tails measured no faster for LeNet's
 * 10- and 28-element runs), and for larger strides a lane gather costs about what scalar loads do.
 * col2im accumulates, for stride 1 only (other strides use the scalar loop):
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
        Im2col${D}.im2col(x, xOff, g, col, colOff);
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
        if (g.sW() != 1) {
            Im2col${D}.col2im(col, colOff, g, x, xOff);
            return;
        }
        int kk = g.kH() * g.kW();
        if (g.W() <= VL && g.outW() <= VL && g.sH() == 1) {
            int[] lo = owLos(g), hi = owHis(g);
            Parallel.forRange(g.C(), 1, (c0, c1) -> {
                for (int c = c0; c < c1; c++) col2imSmall(col, colOff + c * kk * g.colCols(), g, lo, hi, x, xOff + c * g.H() * g.W());
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
     * col2im of one channel when an image row and an output row each fit in one vector (stride 1): image
     * row ih gathers, for each tap (kh, kw) in order, output row oh = ih + pH - kh*dH of the tap's col row,
     * its lanes [lo, hi) moved to image columns ow - pW + kw*dW.
     */
    private static void col2imSmall(${t}[] col, int src, ConvGeom g, int[] los, int[] his, ${t}[] x, int xc) {
        int W = g.W(), outW = g.outW(), L = g.colCols();
        VectorMask<${T}> rowMask = SPECIES.indexInRange(0, W);
        ${T}Vector iota = ${T}Vector.zero(SPECIES).addIndex(1);
        for (int ih = 0; ih < g.H(); ih++) {
            ${T}Vector acc = ${T}Vector.fromArray(SPECIES, x, xc + ih * W, rowMask);
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
                    ${T}Vector run = at >= 0 && at <= col.length - VL ? ${T}Vector.fromArray(SPECIES, col, at)
                            : ${T}Vector.fromArray(SPECIES, col, at, on);
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
