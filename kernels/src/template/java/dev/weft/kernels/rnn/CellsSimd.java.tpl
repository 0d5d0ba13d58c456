//@twins CellsSimd${D} F32 F64 literals
package dev.weft.kernels.rnn;

import dev.weft.kernels.elementwise.${T}Math;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link CellsScalar${D}}: per batch row, whole vectors along H and one masked tail, both
 * through the same lane method, so an element's bits never depend on where it sits. sigmoid and tanh are
 * {@link ${T}Math}'s (basic lane ops only, the unary SIMD kernels' formulation), the same in every JIT tier;
 * sums and products in the scalar twin's order. Rows [b0, b1).
 */
final class CellsSimd${D} {
    private CellsSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;

    /** a[off..] as one vector; m null: all lanes, else the lanes m sets (the others 0). */
    private static ${T}Vector ld(${t}[] a, int off, VectorMask<${T}> m) {
        return m == null ? ${T}Vector.fromArray(S, a, off) : ${T}Vector.fromArray(S, a, off, m);
    }

    private static void st(${T}Vector v, ${t}[] a, int off, VectorMask<${T}> m) {
        if (m == null) v.intoArray(a, off);
        else v.intoArray(a, off, m);
    }

    private static ${T}Vector oneMinus(${T}Vector v) {
        return ${T}Vector.broadcast(S, 1.0).sub(v);
    }

    static void lstm(int b0, int b1, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd,
                     ${t}[] bias, int bOff, ${t}[] c, int cOff, int cLd,
                     ${t}[] hOut, int hOutOff, ${t}[] cOut, int cOutOff, ${t}[] gates, int gOff) {
        int bound = S.loopBound(H), len = S.length();
        for (int b = b0; b < b1; b++) {
            int x = gxOff + b * gxLd, y = ghOff + b * ghLd, cp = cOff + b * cLd, o = b * H, w = gOff + b * 4 * H;
            int j = 0;
            for (; j < bound; j += len) lstmLanes(H, j, null, gx, x, gh, y, bias, bOff, c, cp, hOut, hOutOff + o, cOut, cOutOff + o, gates, w);
            if (j < H) lstmLanes(H, j, S.indexInRange(j, H), gx, x, gh, y, bias, bOff, c, cp, hOut, hOutOff + o, cOut, cOutOff + o, gates, w);
        }
    }

    private static void lstmLanes(int H, int j, VectorMask<${T}> m, ${t}[] gx, int x, ${t}[] gh, int y, ${t}[] bias, int bOff,
                                  ${t}[] c, int cp, ${t}[] hOut, int ho, ${t}[] cOut, int co, ${t}[] gates, int w) {
        ${T}Vector pi = ld(gx, x + j, m).add(ld(gh, y + j, m)), pf = ld(gx, x + H + j, m).add(ld(gh, y + H + j, m));
        ${T}Vector pg = ld(gx, x + 2 * H + j, m).add(ld(gh, y + 2 * H + j, m));
        ${T}Vector po = ld(gx, x + 3 * H + j, m).add(ld(gh, y + 3 * H + j, m));
        if (bias != null) {
            pi = pi.add(ld(bias, bOff + j, m));
            pf = pf.add(ld(bias, bOff + H + j, m));
            pg = pg.add(ld(bias, bOff + 2 * H + j, m));
            po = po.add(ld(bias, bOff + 3 * H + j, m));
        }
        ${T}Vector i = ${T}Math.sigmoid(pi), f = ${T}Math.sigmoid(pf), g = ${T}Math.tanh(pg), og = ${T}Math.sigmoid(po);
        ${T}Vector cn = f.mul(ld(c, cp + j, m)).add(i.mul(g));
        st(cn, cOut, co + j, m);
        st(og.mul(${T}Math.tanh(cn)), hOut, ho + j, m);
        st(i, gates, w + j, m);
        st(f, gates, w + H + j, m);
        st(g, gates, w + 2 * H + j, m);
        st(og, gates, w + 3 * H + j, m);
    }

    static void lstmBackward(int b0, int b1, int H, ${t}[] dh, int dhOff, int dhLd, ${t}[] dc, int dcOff, int dcLd,
                             ${t}[] gates, int gOff, int gLd, ${t}[] c, int cOff, int cLd, ${t}[] c2, int c2Off, int c2Ld,
                             ${t}[] dpre, int dpOff, ${t}[] dcPrev, int dcpOff) {
        int bound = S.loopBound(H), len = S.length();
        for (int b = b0; b < b1; b++) {
            int dhr = dhOff + b * dhLd, dcr = dcOff + b * dcLd, w = gOff + b * gLd, cr = cOff + b * cLd, c2r = c2Off + b * c2Ld;
            int d = dpOff + b * 4 * H, dcp = dcpOff + b * H;
            int j = 0;
            for (; j < bound; j += len) lstmBackLanes(H, j, null, dh, dhr, dc, dcr, gates, w, c, cr, c2, c2r, dpre, d, dcPrev, dcp);
            if (j < H) lstmBackLanes(H, j, S.indexInRange(j, H), dh, dhr, dc, dcr, gates, w, c, cr, c2, c2r, dpre, d, dcPrev, dcp);
        }
    }

    private static void lstmBackLanes(int H, int j, VectorMask<${T}> m, ${t}[] dh, int dhr, ${t}[] dc, int dcr, ${t}[] gates, int w,
                                      ${t}[] c, int cr, ${t}[] c2, int c2r, ${t}[] dpre, int d, ${t}[] dcPrev, int dcp) {
        ${T}Vector i = ld(gates, w + j, m), f = ld(gates, w + H + j, m), g = ld(gates, w + 2 * H + j, m), og = ld(gates, w + 3 * H + j, m);
        ${T}Vector gh = ld(dh, dhr + j, m), tc = ${T}Math.tanh(ld(c2, c2r + j, m));
        ${T}Vector dct = ld(dc, dcr + j, m).add(gh.mul(og).mul(oneMinus(tc.mul(tc))));
        st(dct.mul(g).mul(i).mul(oneMinus(i)), dpre, d + j, m);
        st(dct.mul(ld(c, cr + j, m)).mul(f).mul(oneMinus(f)), dpre, d + H + j, m);
        st(dct.mul(i).mul(oneMinus(g.mul(g))), dpre, d + 2 * H + j, m);
        st(gh.mul(tc).mul(og).mul(oneMinus(og)), dpre, d + 3 * H + j, m);
        st(dct.mul(f), dcPrev, dcp + j, m);
    }

    static void gru(int b0, int b1, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd,
                    ${t}[] bias, int bOff, ${t}[] h, int hOff, int hLd, ${t}[] hOut, int hOutOff, ${t}[] saved, int sOff) {
        int bound = S.loopBound(H), len = S.length();
        for (int b = b0; b < b1; b++) {
            int x = gxOff + b * gxLd, y = ghOff + b * ghLd, hr = hOff + b * hLd, ho = hOutOff + b * H, w = sOff + b * 4 * H;
            int j = 0;
            for (; j < bound; j += len) gruLanes(H, j, null, gx, x, gh, y, bias, bOff, h, hr, hOut, ho, saved, w);
            if (j < H) gruLanes(H, j, S.indexInRange(j, H), gx, x, gh, y, bias, bOff, h, hr, hOut, ho, saved, w);
        }
    }

    private static void gruLanes(int H, int j, VectorMask<${T}> m, ${t}[] gx, int x, ${t}[] gh, int y, ${t}[] bias, int bOff,
                                 ${t}[] h, int hr, ${t}[] hOut, int ho, ${t}[] saved, int w) {
        ${T}Vector pr = ld(gx, x + j, m).add(ld(gh, y + j, m)), pz = ld(gx, x + H + j, m).add(ld(gh, y + H + j, m));
        ${T}Vector hn = ld(gh, y + 2 * H + j, m);
        if (bias != null) {
            pr = pr.add(ld(bias, bOff + j, m));
            pz = pz.add(ld(bias, bOff + H + j, m));
            hn = hn.add(ld(bias, bOff + 2 * H + j, m));
        }
        ${T}Vector r = ${T}Math.sigmoid(pr), z = ${T}Math.sigmoid(pz);
        ${T}Vector n = ${T}Math.tanh(ld(gx, x + 2 * H + j, m).add(r.mul(hn))), hp = ld(h, hr + j, m);
        st(n.add(z.mul(hp.sub(n))), hOut, ho + j, m);
        st(r, saved, w + j, m);
        st(z, saved, w + H + j, m);
        st(n, saved, w + 2 * H + j, m);
        st(hn, saved, w + 3 * H + j, m);
    }

    static void gruBackward(int b0, int b1, int H, ${t}[] dh, int dhOff, int dhLd, ${t}[] saved, int sOff, int sLd,
                            ${t}[] h, int hOff, int hLd, ${t}[] dgx, int dgxOff, ${t}[] dgh, int dghOff,
                            ${t}[] dhPrev, int dhpOff) {
        int bound = S.loopBound(H), len = S.length();
        for (int b = b0; b < b1; b++) {
            int dhr = dhOff + b * dhLd, w = sOff + b * sLd, hr = hOff + b * hLd;
            int x = dgxOff + b * 3 * H, y = dghOff + b * 3 * H, dp = dhpOff + b * H;
            int j = 0;
            for (; j < bound; j += len) gruBackLanes(H, j, null, dh, dhr, saved, w, h, hr, dgx, x, dgh, y, dhPrev, dp);
            if (j < H) gruBackLanes(H, j, S.indexInRange(j, H), dh, dhr, saved, w, h, hr, dgx, x, dgh, y, dhPrev, dp);
        }
    }

    private static void gruBackLanes(int H, int j, VectorMask<${T}> m, ${t}[] dh, int dhr, ${t}[] saved, int w, ${t}[] h, int hr,
                                     ${t}[] dgx, int x, ${t}[] dgh, int y, ${t}[] dhPrev, int dp) {
        ${T}Vector r = ld(saved, w + j, m), z = ld(saved, w + H + j, m), n = ld(saved, w + 2 * H + j, m), hn = ld(saved, w + 3 * H + j, m);
        ${T}Vector g = ld(dh, dhr + j, m), hp = ld(h, hr + j, m);
        ${T}Vector dn = g.mul(oneMinus(z)).mul(oneMinus(n.mul(n)));
        ${T}Vector dz = g.mul(hp.sub(n)).mul(z).mul(oneMinus(z));
        ${T}Vector dr = dn.mul(hn).mul(r).mul(oneMinus(r));
        st(dr, dgx, x + j, m);
        st(dz, dgx, x + H + j, m);
        st(dn, dgx, x + 2 * H + j, m);
        st(dr, dgh, y + j, m);
        st(dz, dgh, y + H + j, m);
        st(dn.mul(r), dgh, y + 2 * H + j, m);
        st(g.mul(z), dhPrev, dp + j, m);
    }
}
