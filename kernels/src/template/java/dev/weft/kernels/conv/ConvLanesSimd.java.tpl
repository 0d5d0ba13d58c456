//@twins ConvLanesSimd${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API convolution forward on ${D} with output channels as the lanes, for layers whose groups fill
 * vectors with them ({@link WeightGradLanesSimd${D}#applies}), any stride and dilation, and no columns:
 * <pre>
 * y_b^T (L, co) = cols_b^T (L, K) w^T (K, co)      per group, cols_b(k, l) = xp[off[k] + pos[l]]
 * </pre>
 * where xp is the sample (zero-padded in a task's scratch when the convolution pads), off[k] the shift of
 * tap k = (c, i, j) and pos[l] the pixel under output position l. A tile is 12 output positions x one vector
 * of channels: per tap, one vector of w^T (transposed once per call, zeros past co), 12 broadcast pixels and
 * 12 fmas, every lane a real channel and every position a real output (the wide-row kernel,
 * {@link ConvDirectSimd${D}}, computes padding columns too).
 *
 * <p>Each y element is one fma chain over k in order from zero: the chain of im2col +
 * {@link ConvMatmulSimd${D}}, so the same bits. A tile's channel vector is the outer loop, so its (K, VL)
 * slice of w^T stays in cache over the sample's positions. Tasks are samples, and parts of each sample's
 * positions when there are fewer samples than threads.
 */
final class ConvLanesSimd${D} {
    private ConvLanesSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    private static final int LR = 12;

    /**
     * True when this kernel is the faster forward: co output channels per group fill vectors and a channel
     * vector's slice of w^T, K vectors, fits in 48 KiB (measured at 512 bits on one core: C=64, 56x56, 3x3,
     * K = 576, 54 GFLOP/s against im2col's 39; K = 1152 and more ran 13-41 against 54-57).
     */
    static boolean applies(int co, int K) {
        return WeightGradLanesSimd${D}.applies(co) && (long) K * S.vectorByteSize() <= 48 * 1024;
    }

    /** y (B, G*co, L) = conv(x (B, C, H, W), w (G*co, K)), K = C/G*kH*kW; y overwritten. */
    static void conv2d(${t}[] x, int xOff, int B, ConvGeom g, ${t}[] w, int wOff, int G, int cOut, ${t}[] bias, int bOff,
                       ${t}[] y, int yOff) {
        int C = g.C(), H = g.H(), W = g.W(), pH = g.pH(), pW = g.pW(), plane = g.paddedPlane();
        int Cg = C / G, co = cOut / G, kH = g.kH(), kW = g.kW(), K = Cg * kH * kW, outH = g.outH(), outW = g.outW(), L = outH * outW;
        int coPad = (co + VL - 1) / VL * VL, vecs = coPad / VL, tiles = (L + LR - 1) / LR;
        boolean padded = pH > 0 || pW > 0;
        ${t}[] wT = new ${t}[G * K * coPad];
        for (int gr = 0; gr < G; gr++)
            for (int o = 0; o < co; o++)
                for (int k = 0; k < K; k++) wT[(gr * K + k) * coPad + o] = w[wOff + (gr * co + o) * K + k];
        int[] off = g.tapShifts(Cg), pos = g.outputPixels();
        int parts = Math.min(tiles, Math.max(1, (Parallel.threads() + B - 1) / Math.max(B, 1)));
        Parallel.forRange(B * parts, 1, (t0, t1) -> {
            ${t}[] xp = padded ? new ${t}[C * plane] : null;
            ${t}[] acc = new ${t}[LR * VL];
            for (int t = t0; t < t1; t++) {
                int b = t / parts, p = t % parts, l0 = tiles * p / parts, l1 = tiles * (p + 1) / parts;
                ${t}[] src = x;
                int s = xOff + b * C * H * W;
                if (padded) {
                    Im2col${D}.pad(x, s, C, H, W, pH, pW, xp, 0);
                    src = xp;
                    s = 0;
                }
                for (int gr = 0; gr < G; gr++) {
                    for (int v = 0; v < vecs; v++) {
                        int o0 = v * VL, n = Math.min(VL, co - o0), y0 = yOff + (b * cOut + gr * co + o0) * L;
                        for (int tl = l0; tl < l1; tl++) {
                            int l = tl * LR;
                            tile(wT, gr * K * coPad + o0, coPad, src, s + gr * Cg * plane, off, pos, l, acc);
                            if (bias == null) {
                                for (int i = 0; i < LR && l + i < L; i++) {
                                    for (int lane = 0; lane < n; lane++) y[y0 + lane * L + l + i] = acc[i * VL + lane];
                                }
                            } else {                                   // one add as stored: the broadcast add's bits
                                int b0 = bOff + gr * co + o0;
                                for (int i = 0; i < LR && l + i < L; i++) {
                                    for (int lane = 0; lane < n; lane++) y[y0 + lane * L + l + i] = acc[i * VL + lane] + bias[b0 + lane];
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    /**
     * acc[i*VL ...] = the chains of output positions l + i (past the last: the last again, dropped by the
     * caller), one lane per channel: sum over k of src[s + off[k] + pos[l + i]] times wT[w0 + k*coPad ...].
     */
    private static void tile(${t}[] wT, int w0, int coPad, ${t}[] src, int s, int[] off, int[] pos, int l, ${t}[] acc) {
        int last = pos.length - 1;
        int p0 = s + pos[l], p1 = s + pos[Math.min(l + 1, last)], p2 = s + pos[Math.min(l + 2, last)];
        int p3 = s + pos[Math.min(l + 3, last)], p4 = s + pos[Math.min(l + 4, last)], p5 = s + pos[Math.min(l + 5, last)];
        int p6 = s + pos[Math.min(l + 6, last)], p7 = s + pos[Math.min(l + 7, last)], p8 = s + pos[Math.min(l + 8, last)];
        int p9 = s + pos[Math.min(l + 9, last)], p10 = s + pos[Math.min(l + 10, last)], p11 = s + pos[Math.min(l + 11, last)];
        ${T}Vector a0 = ${T}Vector.zero(S), a1 = ${T}Vector.zero(S), a2 = ${T}Vector.zero(S), a3 = ${T}Vector.zero(S);
        ${T}Vector a4 = ${T}Vector.zero(S), a5 = ${T}Vector.zero(S), a6 = ${T}Vector.zero(S), a7 = ${T}Vector.zero(S);
        ${T}Vector a8 = ${T}Vector.zero(S), a9 = ${T}Vector.zero(S), a10 = ${T}Vector.zero(S), a11 = ${T}Vector.zero(S);
        for (int k = 0; k < off.length; k++) {
            int f = off[k];
            ${T}Vector wv = ${T}Vector.fromArray(S, wT, w0 + k * coPad);
            a0 = ${T}Vector.broadcast(S, src[p0 + f]).fma(wv, a0);
            a1 = ${T}Vector.broadcast(S, src[p1 + f]).fma(wv, a1);
            a2 = ${T}Vector.broadcast(S, src[p2 + f]).fma(wv, a2);
            a3 = ${T}Vector.broadcast(S, src[p3 + f]).fma(wv, a3);
            a4 = ${T}Vector.broadcast(S, src[p4 + f]).fma(wv, a4);
            a5 = ${T}Vector.broadcast(S, src[p5 + f]).fma(wv, a5);
            a6 = ${T}Vector.broadcast(S, src[p6 + f]).fma(wv, a6);
            a7 = ${T}Vector.broadcast(S, src[p7 + f]).fma(wv, a7);
            a8 = ${T}Vector.broadcast(S, src[p8 + f]).fma(wv, a8);
            a9 = ${T}Vector.broadcast(S, src[p9 + f]).fma(wv, a9);
            a10 = ${T}Vector.broadcast(S, src[p10 + f]).fma(wv, a10);
            a11 = ${T}Vector.broadcast(S, src[p11 + f]).fma(wv, a11);
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, VL);
        a2.intoArray(acc, 2 * VL);
        a3.intoArray(acc, 3 * VL);
        a4.intoArray(acc, 4 * VL);
        a5.intoArray(acc, 5 * VL);
        a6.intoArray(acc, 6 * VL);
        a7.intoArray(acc, 7 * VL);
        a8.intoArray(acc, 8 * VL);
        a9.intoArray(acc, 9 * VL);
        a10.intoArray(acc, 10 * VL);
        a11.intoArray(acc, 11 * VL);
    }
}
