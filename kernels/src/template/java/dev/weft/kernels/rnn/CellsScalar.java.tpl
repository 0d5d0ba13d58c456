//@twins CellsScalar${D} F32 F64 literals
package dev.weft.kernels.rnn;

import dev.weft.kernels.elementwise.UnaryFn;

/**
 * Scalar reference of the fused LSTM and GRU cells (see {@link Cells} for the math and layouts), rows
 * [b0, b1) of the batch. Sums and products in ${t}, in the order the SIMD twin uses; sigmoid and tanh are
 * {@link UnaryFn#sigmoid} and Math.tanh in double, rounded once, as the unary scalar kernels compute them.
 */
final class CellsScalar${D} {
    private CellsScalar${D}() {}

    private static ${t} sig(${t} x) {
        return (${t}) UnaryFn.sigmoid(x);
    }

    private static ${t} th(${t} x) {
        return (${t}) Math.tanh(x);
    }

    static void lstm(int b0, int b1, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd,
                     ${t}[] bias, int bOff, ${t}[] c, int cOff, int cLd,
                     ${t}[] hOut, int hOutOff, ${t}[] cOut, int cOutOff, ${t}[] gates, int gOff) {
        for (int b = b0; b < b1; b++) {
            int x = gxOff + b * gxLd, y = ghOff + b * ghLd, cp = cOff + b * cLd, o = b * H, w = gOff + b * 4 * H;
            for (int j = 0; j < H; j++) {
                ${t} pi = gx[x + j] + gh[y + j], pf = gx[x + H + j] + gh[y + H + j];
                ${t} pg = gx[x + 2 * H + j] + gh[y + 2 * H + j], po = gx[x + 3 * H + j] + gh[y + 3 * H + j];
                if (bias != null) {
                    pi += bias[bOff + j];
                    pf += bias[bOff + H + j];
                    pg += bias[bOff + 2 * H + j];
                    po += bias[bOff + 3 * H + j];
                }
                ${t} i = sig(pi), f = sig(pf), g = th(pg), og = sig(po);
                ${t} cn = f * c[cp + j] + i * g;
                cOut[cOutOff + o + j] = cn;
                hOut[hOutOff + o + j] = og * th(cn);
                gates[w + j] = i;
                gates[w + H + j] = f;
                gates[w + 2 * H + j] = g;
                gates[w + 3 * H + j] = og;
            }
        }
    }

    static void lstmBackward(int b0, int b1, int H, ${t}[] dh, int dhOff, int dhLd, ${t}[] dc, int dcOff, int dcLd,
                             ${t}[] gates, int gOff, int gLd, ${t}[] c, int cOff, int cLd, ${t}[] c2, int c2Off, int c2Ld,
                             ${t}[] dpre, int dpOff, ${t}[] dcPrev, int dcpOff) {
        for (int b = b0; b < b1; b++) {
            int w = gOff + b * gLd, d = dpOff + b * 4 * H;
            for (int j = 0; j < H; j++) {
                ${t} i = gates[w + j], f = gates[w + H + j], g = gates[w + 2 * H + j], og = gates[w + 3 * H + j];
                ${t} gh = dh[dhOff + b * dhLd + j], tc = th(c2[c2Off + b * c2Ld + j]);
                ${t} dct = dc[dcOff + b * dcLd + j] + gh * og * (1.0 - tc * tc);
                dpre[d + j] = dct * g * i * (1.0 - i);
                dpre[d + H + j] = dct * c[cOff + b * cLd + j] * f * (1.0 - f);
                dpre[d + 2 * H + j] = dct * i * (1.0 - g * g);
                dpre[d + 3 * H + j] = gh * tc * og * (1.0 - og);
                dcPrev[dcpOff + b * H + j] = dct * f;
            }
        }
    }

    static void gru(int b0, int b1, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd,
                    ${t}[] bias, int bOff, ${t}[] h, int hOff, int hLd, ${t}[] hOut, int hOutOff, ${t}[] saved, int sOff) {
        for (int b = b0; b < b1; b++) {
            int x = gxOff + b * gxLd, y = ghOff + b * ghLd, w = sOff + b * 4 * H;
            for (int j = 0; j < H; j++) {
                ${t} pr = gx[x + j] + gh[y + j], pz = gx[x + H + j] + gh[y + H + j], hn = gh[y + 2 * H + j];
                if (bias != null) {
                    pr += bias[bOff + j];
                    pz += bias[bOff + H + j];
                    hn += bias[bOff + 2 * H + j];
                }
                ${t} r = sig(pr), z = sig(pz), n = th(gx[x + 2 * H + j] + r * hn), hp = h[hOff + b * hLd + j];
                hOut[hOutOff + b * H + j] = n + z * (hp - n);
                saved[w + j] = r;
                saved[w + H + j] = z;
                saved[w + 2 * H + j] = n;
                saved[w + 3 * H + j] = hn;
            }
        }
    }

    static void gruBackward(int b0, int b1, int H, ${t}[] dh, int dhOff, int dhLd, ${t}[] saved, int sOff, int sLd,
                            ${t}[] h, int hOff, int hLd, ${t}[] dgx, int dgxOff, ${t}[] dgh, int dghOff,
                            ${t}[] dhPrev, int dhpOff) {
        for (int b = b0; b < b1; b++) {
            int w = sOff + b * sLd, x = dgxOff + b * 3 * H, y = dghOff + b * 3 * H;
            for (int j = 0; j < H; j++) {
                ${t} r = saved[w + j], z = saved[w + H + j], n = saved[w + 2 * H + j], hn = saved[w + 3 * H + j];
                ${t} g = dh[dhOff + b * dhLd + j], hp = h[hOff + b * hLd + j];
                ${t} dn = g * (1.0 - z) * (1.0 - n * n);
                ${t} dz = g * (hp - n) * z * (1.0 - z);
                ${t} dr = dn * hn * r * (1.0 - r);
                dgx[x + j] = dr;
                dgx[x + H + j] = dz;
                dgx[x + 2 * H + j] = dn;
                dgh[y + j] = dr;
                dgh[y + H + j] = dz;
                dgh[y + 2 * H + j] = dn * r;
                dhPrev[dhpOff + b * H + j] = g * z;
            }
        }
    }
}
