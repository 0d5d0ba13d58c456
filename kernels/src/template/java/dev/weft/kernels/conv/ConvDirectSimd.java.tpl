//@twins ConvDirectSimd${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API convolution forward on ${D} for stride 1, with no column matrix. Each sample is copied into a
 * zero-padded scratch image (C, Hp, Wp), Hp = H + 2 pH, Wp = W + 2 pW. The outputs are computed on a wide grid
 * of outH rows of Wp positions, p = oh * Wp + ow, on which the input of tap (c, i, j) is
 * <pre>
 * xp[c * Hp * Wp + i * dH * Wp + j * dW + p]
 * </pre>
 * a fixed shift of p per tap: so the product is {@link ConvMatmulSimd${D}}'s 6-row x 2-vector tile with those
 * shifts as its row offsets, reading the image in place. A row's positions ow >= outW are junk (they read
 * across into the next row) and are dropped when the row is copied into y.
 *
 * <p>Each kept y element is the same fma chain over k = (c, i, j) in order from zero as im2col +
 * {@link ConvMatmulSimd${D}}: padding taps multiply the scratch's zeros, as im2col's zeros are multiplied, so
 * the bits are the same. Work per sample: a position tile is done for every output-channel block before
 * the next, so its taps' image lines are read from cache. Tasks are samples; when there are fewer samples
 * than threads, also parts of each sample's output channels (the bits do not depend on the split).
 */
final class ConvDirectSimd${D} {
    private ConvDirectSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    private static final int MR = ConvMatmulSimd${D}.MR;

    /**
     * True when this kernel computes g's forward (stride 1, a wide grid of at least one tile) and is the faster
     * one: a tile's K tap lines of two vectors fit in 32 KiB, K = C*kH*kW per group (LeNet's conv1, K = 25:
     * 0.52 -> 0.29 ms; at C=64, 56x56, 3x3, K = 576, it ran 23 GFLOP/s against im2col's 39).
     */
    static boolean applies(ConvGeom g, int K) {
        return g.sH() == 1 && g.sW() == 1 && (long) g.outH() * (g.W() + 2L * g.pW()) >= 2 * VL
                && (long) K * 2 * S.vectorByteSize() <= 32 * 1024;
    }

    /** y (B, G*co, L) = conv(x (B, C, H, W), w (G*co, K)), K = C/G*kH*kW, for {@link #applies} geometries. */
    static void conv2d(${t}[] x, int xOff, int B, ConvGeom g, ${t}[] w, int wOff, int G, int cOut, ${t}[] bias, int bOff,
                       ${t}[] y, int yOff) {
        int C = g.C(), H = g.H(), W = g.W(), Wp = g.paddedW(), plane = g.paddedPlane();
        int outH = g.outH(), outW = g.outW(), L = outH * outW, Lw = outH * Wp;
        int Cg = C / G, co = cOut / G, kH = g.kH(), kW = g.kW(), K = Cg * kH * kW;
        int[] off = g.tapShifts(Cg);
        // the last plane's junk positions read up to (kW-1)*dW past it
        int scratch = C * plane + (kW - 1) * g.dW();
        int blocks = (co + MR - 1) / MR, units = G * blocks;
        int parts = Math.min(units, Math.max(1, (Parallel.threads() + B - 1) / Math.max(B, 1)));
        Parallel.forRange(B * parts, 1, (t0, t1) -> {
            ${t}[] xp = new ${t}[scratch];
            ${t}[] wide = new ${t}[G * co * Lw + VL];   // + VL: a row's last vector may read past the last row
            for (int t = t0; t < t1; t++) {
                int b = t / parts, p = t % parts, u0 = units * p / parts, u1 = units * (p + 1) / parts;
                Im2col${D}.pad(x, xOff + b * C * H * W, C, H, W, g.pH(), g.pW(), xp, 0);
                for (int l = 0; ; l += 2 * VL) {
                    int at = Math.min(l, Lw - 2 * VL);
                    for (int u = u0; u < u1; u++) {
                        int gr = u / blocks, o = MR * (u % blocks), rows = Math.min(MR, co - o), r = gr * co + o;
                        ConvMatmulSimd${D}.tile(w, wOff + r * K, K, 1, rows, xp, gr * Cg * plane + at, off, wide, r * Lw + at, Lw);
                    }
                    if (at == Lw - 2 * VL) break;
                }
                int r0 = unitRow(u0, blocks, co, MR), r1 = unitRow(u1, blocks, co, MR);
                if (bias == null) keep(wide, r0, r1, outH, outW, Wp, y, yOff + b * cOut * L);
                else keepBias(wide, r0, r1, outH, outW, Wp, bias, bOff, y, yOff + b * cOut * L);
            }
        });
    }

    /** The first output channel of unit u (a block of MR channels of one group; u = units: one past the last). */
    private static int unitRow(int u, int blocks, int co, int mr) {
        return u / blocks * co + Math.min(co, mr * (u % blocks));
    }

    /**
     * y's channels [r0, r1) (each (outH, outW), from ys) = the wide rows' first outW positions. Each row is whole
     * vectors; a row's last one spills past outW onto the rows after it, which are copied after it, so only a
     * vector that would pass the range's end is stored with a mask (past it is another task's output).
     */
    private static void keep(${t}[] wide, int r0, int r1, int outH, int outW, int Wp, ${t}[] y, int ys) {
        int Lw = outH * Wp, L = outH * outW, end = ys + r1 * L;
        for (int r = r0; r < r1; r++) {
            for (int oh = 0; oh < outH; oh++) {
                int src = r * Lw + oh * Wp, dst = ys + r * L + oh * outW;
                for (int v = 0; v < outW; v += VL) {
                    ${T}Vector a = ${T}Vector.fromArray(S, wide, src + v);
                    if (dst + v + VL > end) a.intoArray(y, dst + v, S.indexInRange(v, outW));
                    else a.intoArray(y, dst + v);
                }
            }
        }
    }

    /** {@link #keep} adding bias[r] to channel r's values as they are stored (one add: the broadcast add's bits). */
    private static void keepBias(${t}[] wide, int r0, int r1, int outH, int outW, int Wp, ${t}[] bias, int bOff, ${t}[] y, int ys) {
        int Lw = outH * Wp, L = outH * outW, end = ys + r1 * L;
        for (int r = r0; r < r1; r++) {
            ${T}Vector b = ${T}Vector.broadcast(S, bias[bOff + r]);
            for (int oh = 0; oh < outH; oh++) {
                int src = r * Lw + oh * Wp, dst = ys + r * L + oh * outW;
                for (int v = 0; v < outW; v += VL) {
                    ${T}Vector a = ${T}Vector.fromArray(S, wide, src + v).add(b);
                    if (dst + v + VL > end) a.intoArray(y, dst + v, S.indexInRange(v, outW));
                    else a.intoArray(y, dst + v);
                }
            }
        }
    }
}
