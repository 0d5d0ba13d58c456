package dev.weft.tensor.cpu;

import dev.weft.kernels.fft.Fft;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.SpectralOp;

/**
 * CPU execution of {@link SpectralOp}: the input is read as a contiguous (outer, n, inner) block (in
 * place when it already is one; complex operands with their trailing (re, im) pair) and the kernels'
 * FFT writes the contiguous output, lines split over the shared pool by the kernel.
 */
final class CpuSpectral {
    private CpuSpectral() {}

    static void run(SpectralOp op, Strided x, Strided y) {
        if (y.numel() == 0) return;
        int[] s = x.shape();
        Contig xc = Contig.of(x);
        int xo = xc.offset(), yo = y.storageOffset();
        Object ya = CpuStorage.of(y).array();
        switch (op) {
            case SpectralOp.C2c c -> {
                int d = c.dim(), outer = Contig.prod(s, 0, d), n = s[d], inner = Contig.prod(s, d + 1, s.length - 1);
                double scale = c.norm().scale(n);
                switch (xc.array()) {
                    case float[] a -> Fft.c2c(a, xo, outer, n, inner, !c.forward(), (float) scale, (float[]) ya, yo);
                    case double[] a -> Fft.c2c(a, xo, outer, n, inner, !c.forward(), scale, (double[]) ya, yo);
                    default -> throw new IllegalStateException("cpu " + op.name() + ": array " + xc.array().getClass());
                }
            }
            case SpectralOp.R2c r -> {
                int d = r.dim(), outer = Contig.prod(s, 0, d), n = s[d], inner = Contig.prod(s, d + 1, s.length);
                double scale = r.norm().scale(n);
                switch (xc.array()) {
                    case float[] a -> Fft.r2c(a, xo, outer, n, inner, (float) scale, (float[]) ya, yo);
                    case double[] a -> Fft.r2c(a, xo, outer, n, inner, scale, (double[]) ya, yo);
                    default -> throw new IllegalStateException("cpu " + op.name() + ": array " + xc.array().getClass());
                }
            }
            case SpectralOp.C2r r -> {
                int d = r.dim(), outer = Contig.prod(s, 0, d), n = r.n(), inner = Contig.prod(s, d + 1, s.length - 1);
                double scale = r.norm().scale(n);
                switch (xc.array()) {
                    case float[] a -> Fft.c2r(a, xo, outer, n, inner, (float) scale, (float[]) ya, yo);
                    case double[] a -> Fft.c2r(a, xo, outer, n, inner, scale, (double[]) ya, yo);
                    default -> throw new IllegalStateException("cpu " + op.name() + ": array " + xc.array().getClass());
                }
            }
        }
    }
}
