//@twins Im2colSimd${D} F32 F64 literals
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API col2im on ${D}. im2col is pure data movement:
 * for stride 1 its runs are System.arraycopy (already a vectorized copy in the JVM) and for larger
 * strides a lane gather costs about what scalar loads do, so it delegates to the scalar kernel.
 * col2im accumulates, and for stride 1 each run is a vector add; other strides use the scalar loop.
 * The order of additions into each x element is the scalar kernel's, so both give the same bits.
 */
final class Im2colSimd${D} {
    private Im2colSimd${D}() {}

    private static final VectorSpecies<${T}> SPECIES = ${T}Vector.SPECIES_PREFERRED;

    static void im2col(${t}[] x, int xOff, ConvGeom g, ${t}[] col, int colOff) {
        Im2col${D}.im2col(x, xOff, g, col, colOff);
    }

    static void col2im(${t}[] col, int colOff, ConvGeom g, ${t}[] x, int xOff) {
        if (g.sW() != 1) {
            Im2col${D}.col2im(col, colOff, g, x, xOff);
            return;
        }
        int kk = g.kH() * g.kW();
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

    private static void col2imRowUnitStride(${t}[] col, int src, ConvGeom g, int kh, int kw, ${t}[] x, int xc) {
        int outW = g.outW(), lo = g.owLo(kw), hi = g.owHi(kw), n = hi - lo;
        int bound = SPECIES.loopBound(n);
        for (int oh = 0; oh < g.outH(); oh++, src += outW) {
            int ih = oh * g.sH() - g.pH() + kh * g.dH();
            if (ih < 0 || ih >= g.H()) continue;
            int dst = xc + ih * g.W() + lo - g.pW() + kw * g.dW();
            int s = src + lo, i = 0;
            for (; i < bound; i += SPECIES.length()) {
                ${T}Vector.fromArray(SPECIES, x, dst + i)
                        .add(${T}Vector.fromArray(SPECIES, col, s + i))
                        .intoArray(x, dst + i);
            }
            for (; i < n; i++) x[dst + i] += col[s + i];
        }
    }
}
