//@twins CellsSimd${D} F32 F64 literals
package dev.weft.kernels.rnn;

import dev.weft.kernels.elementwise.${T}Math;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link CellsScalar${D}}: per batch row, whole vectors along H and one masked tail that
 * does the same lane ops, so an element's bits never depend on where it sits. sigmoid and tanh are
 * {@link ${T}Math}'s (basic lane ops only, the unary SIMD kernels' formulation), the same in every JIT tier;
 * sums and products in the scalar twin's order. Rows [b0, b1).
 */
final class CellsSimd${D} {
    private CellsSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    // NOTE: one transcendental per loop and one loop nest per method, as in the unary kernels: a method with
    // several gets too big for C2 to inline ${T}Math into, and every vector is then boxed (about 10x slower); no
    // vector is assigned in a branch either (a phi of two vectors is boxed), so an optional bias picks a method.
    // A cell therefore runs as a few passes over its rows: the gate activations, then the state update.

    /** y[yo + r*yl + k] = sigmoid(a[ao + r*al + k] + b[bo + r*bl + k] (+ c[co + k])), rows r in [b0, b1), k < n; c may be null. */
    private static void sigmoidRows(int b0, int b1, ${t}[] a, int ao, int al, ${t}[] b, int bo, int bl, ${t}[] c, int co,
                                    ${t}[] y, int yo, int yl, int n) {
        if (c == null) sigmoidRows(b0, b1, a, ao, al, b, bo, bl, y, yo, yl, n);
        else sigmoidRowsBias(b0, b1, a, ao, al, b, bo, bl, c, co, y, yo, yl, n);
    }

    /** As {@link #sigmoidRows} with tanh. */
    private static void tanhRows(int b0, int b1, ${t}[] a, int ao, int al, ${t}[] b, int bo, int bl, ${t}[] c, int co,
                                 ${t}[] y, int yo, int yl, int n) {
        if (c == null) tanhRows(b0, b1, a, ao, al, b, bo, bl, y, yo, yl, n);
        else tanhRowsBias(b0, b1, a, ao, al, b, bo, bl, c, co, y, yo, yl, n);
    }

    private static void sigmoidRows(int b0, int b1, ${t}[] a, int ao, int al, ${t}[] b, int bo, int bl, ${t}[] y, int yo, int yl, int n) {
        int bound = S.loopBound(n), len = S.length();
        for (int r = b0; r < b1; r++) {
            int ar = ao + r * al, br = bo + r * bl, yr = yo + r * yl, k = 0;
            for (; k < bound; k += len) {
                ${T}Vector v = ${T}Vector.fromArray(S, a, ar + k).add(${T}Vector.fromArray(S, b, br + k));
                ${T}Math.sigmoid(v).intoArray(y, yr + k);
            }
            if (k < n) {
                VectorMask<${T}> m = S.indexInRange(k, n);
                ${T}Vector v = ${T}Vector.fromArray(S, a, ar + k, m).add(${T}Vector.fromArray(S, b, br + k, m));
                ${T}Math.sigmoid(v).intoArray(y, yr + k, m);
            }
        }
    }

    private static void sigmoidRowsBias(int b0, int b1, ${t}[] a, int ao, int al, ${t}[] b, int bo, int bl, ${t}[] c, int co, ${t}[] y, int yo, int yl, int n) {
        int bound = S.loopBound(n), len = S.length();
        for (int r = b0; r < b1; r++) {
            int ar = ao + r * al, br = bo + r * bl, yr = yo + r * yl, k = 0;
            for (; k < bound; k += len) {
                ${T}Vector v = ${T}Vector.fromArray(S, a, ar + k).add(${T}Vector.fromArray(S, b, br + k)).add(${T}Vector.fromArray(S, c, co + k));
                ${T}Math.sigmoid(v).intoArray(y, yr + k);
            }
            if (k < n) {
                VectorMask<${T}> m = S.indexInRange(k, n);
                ${T}Vector v = ${T}Vector.fromArray(S, a, ar + k, m).add(${T}Vector.fromArray(S, b, br + k, m)).add(${T}Vector.fromArray(S, c, co + k, m));
                ${T}Math.sigmoid(v).intoArray(y, yr + k, m);
            }
        }
    }

    private static void tanhRows(int b0, int b1, ${t}[] a, int ao, int al, ${t}[] b, int bo, int bl, ${t}[] y, int yo, int yl, int n) {
        int bound = S.loopBound(n), len = S.length();
        for (int r = b0; r < b1; r++) {
            int ar = ao + r * al, br = bo + r * bl, yr = yo + r * yl, k = 0;
            for (; k < bound; k += len) {
                ${T}Vector v = ${T}Vector.fromArray(S, a, ar + k).add(${T}Vector.fromArray(S, b, br + k));
                ${T}Math.tanh(v).intoArray(y, yr + k);
            }
            if (k < n) {
                VectorMask<${T}> m = S.indexInRange(k, n);
                ${T}Vector v = ${T}Vector.fromArray(S, a, ar + k, m).add(${T}Vector.fromArray(S, b, br + k, m));
                ${T}Math.tanh(v).intoArray(y, yr + k, m);
            }
        }
    }

    private static void tanhRowsBias(int b0, int b1, ${t}[] a, int ao, int al, ${t}[] b, int bo, int bl, ${t}[] c, int co, ${t}[] y, int yo, int yl, int n) {
        int bound = S.loopBound(n), len = S.length();
        for (int r = b0; r < b1; r++) {
            int ar = ao + r * al, br = bo + r * bl, yr = yo + r * yl, k = 0;
            for (; k < bound; k += len) {
                ${T}Vector v = ${T}Vector.fromArray(S, a, ar + k).add(${T}Vector.fromArray(S, b, br + k)).add(${T}Vector.fromArray(S, c, co + k));
                ${T}Math.tanh(v).intoArray(y, yr + k);
            }
            if (k < n) {
                VectorMask<${T}> m = S.indexInRange(k, n);
                ${T}Vector v = ${T}Vector.fromArray(S, a, ar + k, m).add(${T}Vector.fromArray(S, b, br + k, m)).add(${T}Vector.fromArray(S, c, co + k, m));
                ${T}Math.tanh(v).intoArray(y, yr + k, m);
            }
        }
    }

    static void lstm(int b0, int b1, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd,
                     ${t}[] bias, int bOff, ${t}[] c, int cOff, int cLd,
                     ${t}[] hOut, int hOutOff, ${t}[] cOut, int cOutOff, ${t}[] gates, int gOff) {
        int G = 4 * H;
        sigmoidRows(b0, b1, gx, gxOff, gxLd, gh, ghOff, ghLd, bias, bOff, gates, gOff, G, 2 * H);                 // i, f
        tanhRows(b0, b1, gx, gxOff + 2 * H, gxLd, gh, ghOff + 2 * H, ghLd, bias, bOff + 2 * H, gates, gOff + 2 * H, G, H);
        sigmoidRows(b0, b1, gx, gxOff + 3 * H, gxLd, gh, ghOff + 3 * H, ghLd, bias, bOff + 3 * H, gates, gOff + 3 * H, G, H);
        lstmState(b0, b1, H, gates, gOff, c, cOff, cLd, hOut, hOutOff, cOut, cOutOff);
    }

    /** c' = f c + i g, h' = o tanh(c') from the activated gates. */
    private static void lstmState(int b0, int b1, int H, ${t}[] gates, int gOff, ${t}[] c, int cOff, int cLd,
                                  ${t}[] hOut, int hOutOff, ${t}[] cOut, int cOutOff) {
        int bound = S.loopBound(H), len = S.length();
        for (int b = b0; b < b1; b++) {
            int w = gOff + b * 4 * H, cp = cOff + b * cLd, ho = hOutOff + b * H, co = cOutOff + b * H, j = 0;
            for (; j < bound; j += len) {
                ${T}Vector i = ${T}Vector.fromArray(S, gates, w + j), f = ${T}Vector.fromArray(S, gates, w + H + j);
                ${T}Vector g = ${T}Vector.fromArray(S, gates, w + 2 * H + j), og = ${T}Vector.fromArray(S, gates, w + 3 * H + j);
                ${T}Vector cn = f.mul(${T}Vector.fromArray(S, c, cp + j)).add(i.mul(g));
                cn.intoArray(cOut, co + j);
                og.mul(${T}Math.tanh(cn)).intoArray(hOut, ho + j);
            }
            if (j < H) {
                VectorMask<${T}> m = S.indexInRange(j, H);
                ${T}Vector i = ${T}Vector.fromArray(S, gates, w + j, m), f = ${T}Vector.fromArray(S, gates, w + H + j, m);
                ${T}Vector g = ${T}Vector.fromArray(S, gates, w + 2 * H + j, m), og = ${T}Vector.fromArray(S, gates, w + 3 * H + j, m);
                ${T}Vector cn = f.mul(${T}Vector.fromArray(S, c, cp + j, m)).add(i.mul(g));
                cn.intoArray(cOut, co + j, m);
                og.mul(${T}Math.tanh(cn)).intoArray(hOut, ho + j, m);
            }
        }
    }

    static void lstmBackward(int b0, int b1, int H, ${t}[] dh, int dhOff, int dhLd, ${t}[] dc, int dcOff, int dcLd,
                             ${t}[] gates, int gOff, int gLd, ${t}[] c, int cOff, int cLd, ${t}[] c2, int c2Off, int c2Ld,
                             ${t}[] dpre, int dpOff, ${t}[] dcPrev, int dcpOff) {
        int bound = S.loopBound(H), len = S.length();
        ${T}Vector one = ${T}Vector.broadcast(S, 1.0);
        for (int b = b0; b < b1; b++) {
            int dhr = dhOff + b * dhLd, dcr = dcOff + b * dcLd, w = gOff + b * gLd, cr = cOff + b * cLd, c2r = c2Off + b * c2Ld;
            int d = dpOff + b * 4 * H, dcp = dcpOff + b * H;
            int j = 0;
            for (; j < bound; j += len) {
                ${T}Vector i = ${T}Vector.fromArray(S, gates, w + j), f = ${T}Vector.fromArray(S, gates, w + H + j);
                ${T}Vector g = ${T}Vector.fromArray(S, gates, w + 2 * H + j), og = ${T}Vector.fromArray(S, gates, w + 3 * H + j);
                ${T}Vector gh = ${T}Vector.fromArray(S, dh, dhr + j), tc = ${T}Math.tanh(${T}Vector.fromArray(S, c2, c2r + j));
                ${T}Vector dct = ${T}Vector.fromArray(S, dc, dcr + j).add(gh.mul(og).mul(one.sub(tc.mul(tc))));
                dct.mul(g).mul(i).mul(one.sub(i)).intoArray(dpre, d + j);
                dct.mul(${T}Vector.fromArray(S, c, cr + j)).mul(f).mul(one.sub(f)).intoArray(dpre, d + H + j);
                dct.mul(i).mul(one.sub(g.mul(g))).intoArray(dpre, d + 2 * H + j);
                gh.mul(tc).mul(og).mul(one.sub(og)).intoArray(dpre, d + 3 * H + j);
                dct.mul(f).intoArray(dcPrev, dcp + j);
            }
            if (j < H) lstmBackwardTail(j, H, dh, dhr, dc, dcr, gates, w, c, cr, c2, c2r, dpre, d, dcPrev, dcp);
        }
    }

    /**
     * The masked last step of one lstmBackward row, a method of its own: inside the row loop's method it
     * doubled the code C1 compiles, C1 gave up ("out of virtual registers"), and in about half the JVM
     * launches the kernel then never reached C2 and ran the Vector API's Java fallback (a fresh array per
     * vector op) for the whole run: 2x slower LSTM training and 4x the allocation.
     */
    private static void lstmBackwardTail(int j, int H, ${t}[] dh, int dhr, ${t}[] dc, int dcr, ${t}[] gates, int w, ${t}[] c, int cr,
                                         ${t}[] c2, int c2r, ${t}[] dpre, int d, ${t}[] dcPrev, int dcp) {
        lstmTailIF(j, H, dh, dhr, dc, dcr, gates, w, c, cr, c2, c2r, dpre, d, dcPrev, dcp);
        lstmTailGO(j, H, dh, dhr, dc, dcr, gates, w, c2, c2r, dpre, d);
    }

    /** Tail half 1 (C1 still gave up on the whole tail in one method): dp_i, dp_f and dc_prev. */
    private static void lstmTailIF(int j, int H, ${t}[] dh, int dhr, ${t}[] dc, int dcr, ${t}[] gates, int w, ${t}[] c, int cr,
                                   ${t}[] c2, int c2r, ${t}[] dpre, int d, ${t}[] dcPrev, int dcp) {
        ${T}Vector one = ${T}Vector.broadcast(S, 1.0);
        VectorMask<${T}> m = S.indexInRange(j, H);
        ${T}Vector i = ${T}Vector.fromArray(S, gates, w + j, m), f = ${T}Vector.fromArray(S, gates, w + H + j, m);
        ${T}Vector g = ${T}Vector.fromArray(S, gates, w + 2 * H + j, m), og = ${T}Vector.fromArray(S, gates, w + 3 * H + j, m);
        ${T}Vector gh = ${T}Vector.fromArray(S, dh, dhr + j, m), tc = ${T}Math.tanh(${T}Vector.fromArray(S, c2, c2r + j, m));
        ${T}Vector dct = ${T}Vector.fromArray(S, dc, dcr + j, m).add(gh.mul(og).mul(one.sub(tc.mul(tc))));
        dct.mul(g).mul(i).mul(one.sub(i)).intoArray(dpre, d + j, m);
        dct.mul(${T}Vector.fromArray(S, c, cr + j, m)).mul(f).mul(one.sub(f)).intoArray(dpre, d + H + j, m);
        dct.mul(f).intoArray(dcPrev, dcp + j, m);
    }

    /** Tail half 2: dp_g and dp_o (dct recomputed, the same expression). */
    private static void lstmTailGO(int j, int H, ${t}[] dh, int dhr, ${t}[] dc, int dcr, ${t}[] gates, int w, ${t}[] c2, int c2r,
                                   ${t}[] dpre, int d) {
        ${T}Vector one = ${T}Vector.broadcast(S, 1.0);
        VectorMask<${T}> m = S.indexInRange(j, H);
        ${T}Vector i = ${T}Vector.fromArray(S, gates, w + j, m);
        ${T}Vector g = ${T}Vector.fromArray(S, gates, w + 2 * H + j, m), og = ${T}Vector.fromArray(S, gates, w + 3 * H + j, m);
        ${T}Vector gh = ${T}Vector.fromArray(S, dh, dhr + j, m), tc = ${T}Math.tanh(${T}Vector.fromArray(S, c2, c2r + j, m));
        ${T}Vector dct = ${T}Vector.fromArray(S, dc, dcr + j, m).add(gh.mul(og).mul(one.sub(tc.mul(tc))));
        dct.mul(i).mul(one.sub(g.mul(g))).intoArray(dpre, d + 2 * H + j, m);
        gh.mul(tc).mul(og).mul(one.sub(og)).intoArray(dpre, d + 3 * H + j, m);
    }

    static void gru(int b0, int b1, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd,
                    ${t}[] bias, int bOff, ${t}[] h, int hOff, int hLd, ${t}[] hOut, int hOutOff, ${t}[] saved, int sOff) {
        sigmoidRows(b0, b1, gx, gxOff, gxLd, gh, ghOff, ghLd, bias, bOff, saved, sOff, 4 * H, 2 * H);            // r, z
        if (bias == null) gruState(b0, b1, H, gx, gxOff, gxLd, gh, ghOff, ghLd, h, hOff, hLd, hOut, hOutOff, saved, sOff);
        else gruStateBias(b0, b1, H, gx, gxOff, gxLd, gh, ghOff, ghLd, bias, bOff, h, hOff, hLd, hOut, hOutOff, saved, sOff);
    }

    /** hn = gh_n (+ b_n), n = tanh(gx_n + r hn), h' = n + z (h - n), with r, z already in saved. */
    private static void gruState(int b0, int b1, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd, 
                                 ${t}[] h, int hOff, int hLd, ${t}[] hOut, int hOutOff, ${t}[] saved, int sOff) {
        int bound = S.loopBound(H), len = S.length();
        for (int b = b0; b < b1; b++) {
            int x = gxOff + b * gxLd, y = ghOff + b * ghLd, hr = hOff + b * hLd, ho = hOutOff + b * H, w = sOff + b * 4 * H, j = 0;
            for (; j < bound; j += len) {
                ${T}Vector hn = ${T}Vector.fromArray(S, gh, y + 2 * H + j);
                ${T}Vector r = ${T}Vector.fromArray(S, saved, w + j), z = ${T}Vector.fromArray(S, saved, w + H + j);
                ${T}Vector n = ${T}Math.tanh(${T}Vector.fromArray(S, gx, x + 2 * H + j).add(r.mul(hn)));
                n.add(z.mul(${T}Vector.fromArray(S, h, hr + j).sub(n))).intoArray(hOut, ho + j);
                n.intoArray(saved, w + 2 * H + j);
                hn.intoArray(saved, w + 3 * H + j);
            }
            if (j < H) {
                VectorMask<${T}> m = S.indexInRange(j, H);
                ${T}Vector hn = ${T}Vector.fromArray(S, gh, y + 2 * H + j, m);
                ${T}Vector r = ${T}Vector.fromArray(S, saved, w + j, m), z = ${T}Vector.fromArray(S, saved, w + H + j, m);
                ${T}Vector n = ${T}Math.tanh(${T}Vector.fromArray(S, gx, x + 2 * H + j, m).add(r.mul(hn)));
                n.add(z.mul(${T}Vector.fromArray(S, h, hr + j, m).sub(n))).intoArray(hOut, ho + j, m);
                n.intoArray(saved, w + 2 * H + j, m);
                hn.intoArray(saved, w + 3 * H + j, m);
            }
        }
    }

    private static void gruStateBias(int b0, int b1, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd, ${t}[] bias, int bOff, 
                                 ${t}[] h, int hOff, int hLd, ${t}[] hOut, int hOutOff, ${t}[] saved, int sOff) {
        int bound = S.loopBound(H), len = S.length();
        for (int b = b0; b < b1; b++) {
            int x = gxOff + b * gxLd, y = ghOff + b * ghLd, hr = hOff + b * hLd, ho = hOutOff + b * H, w = sOff + b * 4 * H, j = 0;
            for (; j < bound; j += len) {
                ${T}Vector hn = ${T}Vector.fromArray(S, gh, y + 2 * H + j).add(${T}Vector.fromArray(S, bias, bOff + 2 * H + j));
                ${T}Vector r = ${T}Vector.fromArray(S, saved, w + j), z = ${T}Vector.fromArray(S, saved, w + H + j);
                ${T}Vector n = ${T}Math.tanh(${T}Vector.fromArray(S, gx, x + 2 * H + j).add(r.mul(hn)));
                n.add(z.mul(${T}Vector.fromArray(S, h, hr + j).sub(n))).intoArray(hOut, ho + j);
                n.intoArray(saved, w + 2 * H + j);
                hn.intoArray(saved, w + 3 * H + j);
            }
            if (j < H) {
                VectorMask<${T}> m = S.indexInRange(j, H);
                ${T}Vector hn = ${T}Vector.fromArray(S, gh, y + 2 * H + j, m).add(${T}Vector.fromArray(S, bias, bOff + 2 * H + j, m));
                ${T}Vector r = ${T}Vector.fromArray(S, saved, w + j, m), z = ${T}Vector.fromArray(S, saved, w + H + j, m);
                ${T}Vector n = ${T}Math.tanh(${T}Vector.fromArray(S, gx, x + 2 * H + j, m).add(r.mul(hn)));
                n.add(z.mul(${T}Vector.fromArray(S, h, hr + j, m).sub(n))).intoArray(hOut, ho + j, m);
                n.intoArray(saved, w + 2 * H + j, m);
                hn.intoArray(saved, w + 3 * H + j, m);
            }
        }
    }

    static void gruBackward(int b0, int b1, int H, ${t}[] dh, int dhOff, int dhLd, ${t}[] saved, int sOff, int sLd,
                            ${t}[] h, int hOff, int hLd, ${t}[] dgx, int dgxOff, ${t}[] dgh, int dghOff,
                            ${t}[] dhPrev, int dhpOff) {
        int bound = S.loopBound(H), len = S.length();
        ${T}Vector one = ${T}Vector.broadcast(S, 1.0);
        for (int b = b0; b < b1; b++) {
            int dhr = dhOff + b * dhLd, w = sOff + b * sLd, hr = hOff + b * hLd;
            int x = dgxOff + b * 3 * H, y = dghOff + b * 3 * H, dp = dhpOff + b * H;
            int j = 0;
            for (; j < bound; j += len) {
                ${T}Vector r = ${T}Vector.fromArray(S, saved, w + j), z = ${T}Vector.fromArray(S, saved, w + H + j);
                ${T}Vector n = ${T}Vector.fromArray(S, saved, w + 2 * H + j), hn = ${T}Vector.fromArray(S, saved, w + 3 * H + j);
                ${T}Vector g = ${T}Vector.fromArray(S, dh, dhr + j), hp = ${T}Vector.fromArray(S, h, hr + j);
                ${T}Vector dn = g.mul(one.sub(z)).mul(one.sub(n.mul(n)));
                ${T}Vector dz = g.mul(hp.sub(n)).mul(z).mul(one.sub(z));
                ${T}Vector dr = dn.mul(hn).mul(r).mul(one.sub(r));
                dr.intoArray(dgx, x + j);
                dz.intoArray(dgx, x + H + j);
                dn.intoArray(dgx, x + 2 * H + j);
                dr.intoArray(dgh, y + j);
                dz.intoArray(dgh, y + H + j);
                dn.mul(r).intoArray(dgh, y + 2 * H + j);
                g.mul(z).intoArray(dhPrev, dp + j);
            }
            if (j < H) gruBackwardTail(j, H, dh, dhr, saved, w, h, hr, dgx, x, dgh, y, dhPrev, dp);
        }
    }

    /** The masked last step of one gruBackward row (its own method for the reason given at lstmBackwardTail). */
    private static void gruBackwardTail(int j, int H, ${t}[] dh, int dhr, ${t}[] saved, int w, ${t}[] h, int hr, ${t}[] dgx, int x,
                                        ${t}[] dgh, int y, ${t}[] dhPrev, int dp) {
        ${T}Vector one = ${T}Vector.broadcast(S, 1.0);
        VectorMask<${T}> m = S.indexInRange(j, H);
        ${T}Vector r = ${T}Vector.fromArray(S, saved, w + j, m), z = ${T}Vector.fromArray(S, saved, w + H + j, m);
        ${T}Vector n = ${T}Vector.fromArray(S, saved, w + 2 * H + j, m), hn = ${T}Vector.fromArray(S, saved, w + 3 * H + j, m);
        ${T}Vector g = ${T}Vector.fromArray(S, dh, dhr + j, m), hp = ${T}Vector.fromArray(S, h, hr + j, m);
        ${T}Vector dn = g.mul(one.sub(z)).mul(one.sub(n.mul(n)));
        ${T}Vector dz = g.mul(hp.sub(n)).mul(z).mul(one.sub(z));
        ${T}Vector dr = dn.mul(hn).mul(r).mul(one.sub(r));
        dr.intoArray(dgx, x + j, m);
        dz.intoArray(dgx, x + H + j, m);
        dn.intoArray(dgx, x + 2 * H + j, m);
        dr.intoArray(dgh, y + j, m);
        dz.intoArray(dgh, y + H + j, m);
        dn.mul(r).intoArray(dgh, y + 2 * H + j, m);
        g.mul(z).intoArray(dhPrev, dp + j, m);
    }
}
