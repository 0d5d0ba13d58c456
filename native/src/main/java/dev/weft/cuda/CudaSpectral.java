package dev.weft.cuda;

import static dev.weft.cuda.kernel.ElementwiseCodes.suffix;

import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.SpectralOp;

/**
 * FFTs on the device as direct DFT sums (spectral.cu): O(n^2) per line, exact twiddles and double
 * accumulation, so it matches the CPU's FFT within the dtype's tolerance; a cuFFT binding would replace it
 * for long transforms. A complex operand is a real one with a trailing (re, im) pair.
 */
final class CudaSpectral {
    private CudaSpectral() {}

    static void run(DeviceOps ops, SpectralOp op, Strided x, Strided y) {
        int dim, mode, sign, n;
        double scale;
        boolean complexIn, complexOut;
        switch (op) {
            case SpectralOp.C2c c -> {
                dim = c.dim(); mode = 0; sign = c.forward() ? -1 : 1; complexIn = true; complexOut = true;
                n = x.size(dim); scale = c.norm().scale(n);
            }
            case SpectralOp.R2c r -> {
                dim = r.dim(); mode = 1; sign = -1; complexIn = false; complexOut = true;
                n = x.size(dim); scale = r.norm().scale(n);
            }
            case SpectralOp.C2r r -> {
                dim = r.dim(); mode = 2; sign = 1; complexIn = true; complexOut = false;
                n = r.n(); scale = r.norm().scale(n);
            }
        }
        if (y.numel() == 0 || n == 0) return;
        int[] xShape = x.shape(), xStride = x.stride();
        int xRank = complexIn ? xShape.length - 1 : xShape.length;
        int[] xLogical = java.util.Arrays.copyOf(xShape, xRank), xLogStride = java.util.Arrays.copyOf(xStride, xRank);
        int xc = complexIn ? xStride[xShape.length - 1] : 0;
        int[] yShape = y.shape(), yStride = Views.contiguous(yShape);
        int yRank = complexOut ? yShape.length - 1 : yShape.length;
        int[] yLogStride = java.util.Arrays.copyOf(yStride, yRank);
        int yc = complexOut ? yStride[yShape.length - 1] : 0;
        int nOut = yShape[dim];
        int[] outer = Views.without(xLogical, dim);
        int lines = Views.prod(outer);
        int xs = xLogStride[dim], ys = yLogStride[dim];
        int[] xo = Views.without(xLogStride, dim), yo = Views.without(yLogStride, dim);
        long xp = CudaStorage.of(x).pointer(), yp = DeviceOps.ptr(y);
        int m = mode, sg = sign, len = n;
        double sc = scale;
        ops.ctx.launch1d("dft_" + suffix(y.dtype()), lines * nOut, a -> a.i32(lines).i32(len).i32(nOut)
                .strided(outer, xo, x.storageOffset()).i32(xs).i32(xc).strided(outer, yo, 0).i32(ys).i32(yc)
                .ptr(xp).ptr(yp).i32(m).i32(sg).f64(sc));
    }
}
