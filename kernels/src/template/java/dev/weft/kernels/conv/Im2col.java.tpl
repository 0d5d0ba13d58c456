//@twins Im2col${D} F32 F64 literals
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;

/**
 * Scalar reference im2col / col2im on ${D}. Work is split
 * over col rows (im2col) or channels (col2im), so every output element is written by one task in a
 * fixed order: same inputs, same bits, for any thread count.
 */
final class Im2col${D} {
    private Im2col${D}() {}

    static final int GRAIN = 8;

    static void im2col(${t}[] x, int xOff, ConvGeom g, ${t}[] col, int colOff) {
        int kk = g.kH() * g.kW();
        Parallel.forRange(g.colRows(), GRAIN, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int c = r / kk, kh = (r / g.kW()) % g.kH(), kw = r % g.kW();
                im2colRow(x, xOff + c * g.H() * g.W(), g, kh, kw, col, colOff + r * g.colCols());
            }
        });
    }

    /**
     * The interiors of {@code planes} zero-padded images in xp (each (H + 2 pH, W + 2 pW), from xpOff) = the
     * planes (H, W) of x from xs; the borders are left as they are (the caller's zeros).
     */
    static void pad(${t}[] x, int xs, int planes, int H, int W, int pH, int pW, ${t}[] xp, int xpOff) {
        int Wp = W + 2 * pW, plane = (H + 2 * pH) * Wp;
        for (int c = 0; c < planes; c++) {
            for (int h = 0; h < H; h++) System.arraycopy(x, xs + (c * H + h) * W, xp, xpOff + c * plane + (h + pH) * Wp + pW, W);
        }
    }

    /** One col row: tap (kh, kw) of channel image xc, over all output positions. */
    static void im2colRow(${t}[] x, int xc, ConvGeom g, int kh, int kw, ${t}[] col, int dst) {
        int outW = g.outW(), sW = g.sW(), lo = g.owLo(kw), hi = g.owHi(kw);
        for (int oh = 0; oh < g.outH(); oh++, dst += outW) {
            int ih = oh * g.sH() - g.pH() + kh * g.dH();
            if (ih < 0 || ih >= g.H()) {
                zero(col, dst, dst + outW);
                continue;
            }
            zero(col, dst, dst + lo);
            int src = xc + ih * g.W() + lo * sW - g.pW() + kw * g.dW();
            if (sW == 1) {
                System.arraycopy(x, src, col, dst + lo, hi - lo);
            } else {
                for (int ow = lo; ow < hi; ow++, src += sW) col[dst + ow] = x[src];
            }
            zero(col, dst + hi, dst + outW);
        }
    }

    /** col[from, to) = 0: a plain loop, the padding edges being a few elements (Arrays.fill's call costs more). */
    private static void zero(${t}[] col, int from, int to) {
        for (int i = from; i < to; i++) col[i] = 0;
    }

    static void col2im(${t}[] col, int colOff, ConvGeom g, ${t}[] x, int xOff) {
        int kk = g.kH() * g.kW();
        Parallel.forRange(g.C(), 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int xc = xOff + c * g.H() * g.W();
                for (int t = 0; t < kk; t++) {
                    int r = c * kk + t;
                    col2imRow(col, colOff + r * g.colCols(), g, t / g.kW(), t % g.kW(), x, xc);
                }
            }
        });
    }

    /** x[c] += tap (kh, kw)'s col row, over all output positions. */
    static void col2imRow(${t}[] col, int src, ConvGeom g, int kh, int kw, ${t}[] x, int xc) {
        int outW = g.outW(), sW = g.sW(), lo = g.owLo(kw), hi = g.owHi(kw);
        for (int oh = 0; oh < g.outH(); oh++, src += outW) {
            int ih = oh * g.sH() - g.pH() + kh * g.dH();
            if (ih < 0 || ih >= g.H()) continue;
            int dst = xc + ih * g.W() + lo * sW - g.pW() + kw * g.dW();
            for (int ow = lo; ow < hi; ow++, dst += sW) x[dst] += col[src + ow];
        }
    }
}
