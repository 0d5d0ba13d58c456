//@twins Pool${D} F32 F64 literals
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import java.util.Arrays;

/**
 * Scalar reference max/avg pooling on ${D}, forward and backward. Loops run tap by tap (kh, kw) with
 * the output column innermost, the order the SIMD kernel vectorizes, so both give the same bits.
 * Channels are split over the pool; each output element is written by one task.
 */
final class Pool${D} {
    private Pool${D}() {}

    static void maxPool(${t}[] x, int xOff, ConvGeom g, ${t}[] y, int yOff, long[] idx, int idxOff) {
        int hw = g.H() * g.W(), ohw = g.outH() * g.outW();
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    int yr = yOff + c * ohw + oh * g.outW(), ir = idxOff + c * ohw + oh * g.outW();
                    maxPoolRow(x, xOff + c * hw, g, oh, y, yr, idx, ir, 0, g.outW());
                }
            }
        });
    }

    /** Output columns [from, to) of row oh of one channel. */
    static void maxPoolRow(${t}[] x, int xc, ConvGeom g, int oh, ${t}[] y, int yr, long[] idx, int ir, int from, int to) {
        Arrays.fill(y, yr + from, yr + to, ${T}.NEGATIVE_INFINITY);
        Arrays.fill(idx, ir + from, ir + to, -1L);
        int sW = g.sW();
        for (int kh = 0; kh < g.kH(); kh++) {
            int ih = oh * g.sH() - g.pH() + kh * g.dH();
            if (ih < 0 || ih >= g.H()) continue;
            for (int kw = 0; kw < g.kW(); kw++) {
                int lo = Math.max(from, g.owLo(kw)), hi = Math.min(to, g.owHi(kw));
                int p0 = ih * g.W() - g.pW() + kw * g.dW();
                for (int ow = lo; ow < hi; ow++) {
                    int p = p0 + ow * sW;
                    ${t} v = x[xc + p];
                    if (v > y[yr + ow] || v != v || idx[ir + ow] < 0) {
                        y[yr + ow] = v;
                        idx[ir + ow] = p;
                    }
                }
            }
        }
    }

    static void avgPool(${t}[] x, int xOff, ConvGeom g, boolean countIncludePad, ${t}[] y, int yOff) {
        int hw = g.H() * g.W(), ohw = g.outH() * g.outW();
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    int yr = yOff + c * ohw + oh * g.outW();
                    avgPoolRowSum(x, xOff + c * hw, g, oh, y, yr, 0, g.outW());
                    for (int ow = 0; ow < g.outW(); ow++) {
                        int d = g.avgDivisor(oh, ow, countIncludePad);
                        y[yr + ow] = d == 0 ? 0 : y[yr + ow] / d;
                    }
                }
            }
        });
    }

    /** y[yr + ow] = window sum of (oh, ow) for ow in [from, to), taps in row-major order. */
    static void avgPoolRowSum(${t}[] x, int xc, ConvGeom g, int oh, ${t}[] y, int yr, int from, int to) {
        Arrays.fill(y, yr + from, yr + to, 0);
        int sW = g.sW();
        for (int kh = 0; kh < g.kH(); kh++) {
            int ih = oh * g.sH() - g.pH() + kh;
            if (ih < 0 || ih >= g.H()) continue;
            for (int kw = 0; kw < g.kW(); kw++) {
                int lo = Math.max(from, g.owLo(kw)), hi = Math.min(to, g.owHi(kw));
                int src = xc + ih * g.W() - g.pW() + kw;
                for (int ow = lo; ow < hi; ow++) y[yr + ow] += x[src + ow * sW];
            }
        }
    }

    static void maxPoolBackward(${t}[] gy, int gyOff, long[] idx, int idxOff, int C, int hw, int ohw,
                                ${t}[] gx, int gxOff) {
        Parallel.forRange(C, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int gxc = gxOff + c * hw;
                for (int q = 0; q < ohw; q++) {
                    long p = idx[idxOff + c * ohw + q];
                    if (p >= 0) gx[gxc + (int) p] += gy[gyOff + c * ohw + q];
                }
            }
        });
    }

    static void avgPoolBackward(${t}[] gy, int gyOff, ConvGeom g, boolean countIncludePad, ${t}[] gx, int gxOff) {
        int hw = g.H() * g.W(), ohw = g.outH() * g.outW();
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            ${t}[] scaled = new ${t}[g.outW()];
            for (int c = c0; c < c1; c++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    scaleRow(gy, gyOff + c * ohw + oh * g.outW(), g, oh, countIncludePad, scaled);
                    spreadRow(scaled, g, oh, gx, gxOff + c * hw);
                }
            }
        });
    }

    /** scaled[ow] = gy[oh, ow] / divisor(oh, ow) (0 for an empty window). */
    static void scaleRow(${t}[] gy, int gr, ConvGeom g, int oh, boolean countIncludePad, ${t}[] scaled) {
        for (int ow = 0; ow < g.outW(); ow++) {
            int d = g.avgDivisor(oh, ow, countIncludePad);
            scaled[ow] = d == 0 ? 0 : gy[gr + ow] / d;
        }
    }

    /** gx[c, ih, iw] += scaled[ow] for every tap of every window in output row oh. */
    static void spreadRow(${t}[] scaled, ConvGeom g, int oh, ${t}[] gx, int gxc) {
        int sW = g.sW();
        for (int kh = 0; kh < g.kH(); kh++) {
            int ih = oh * g.sH() - g.pH() + kh;
            if (ih < 0 || ih >= g.H()) continue;
            for (int kw = 0; kw < g.kW(); kw++) {
                int lo = g.owLo(kw), hi = g.owHi(kw);
                int dst = gxc + ih * g.W() - g.pW() + kw;
                for (int ow = lo; ow < hi; ow++) gx[dst + ow * sW] += scaled[ow];
            }
        }
    }
}
