package dev.weft.autograd;

import dev.weft.tensor.Create;
import dev.weft.tensor.Dispatch;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.SpectralOp;
import java.util.Arrays;

/**
 * Backward of the Fourier transforms: each is linear, y = A x, so gx = A^T g taken on the real (re, im)
 * pairs, i.e. the adjoint transform (torch's fft_c2c/r2c/c2r_backward). The adjoints are transforms
 * again, so higher orders work. Shapes: n the real signal length along dim, m = n/2 + 1 bins.
 */
final class SpectralGrads {
    private SpectralGrads() {}

    static Tensor[] backward(SpectralOp op, Ctx c) {
        Tensor g = c.g();
        return switch (op) {
            // F^H: the opposite-sign transform at the same scale
            case SpectralOp.C2c f -> new Tensor[] {Dispatch.apply1(new SpectralOp.C2c(f.dim(), !f.forward(), f.norm()), g)};
            // rfft keeps the first m bins of F x: gx = Re(F^H [g, 0]), zero-filled to n bins; C2r computes that
            // with bins 1..n-m doubled (their mirror images), so halve them first
            case SpectralOp.R2c r -> {
                int n = c.inShape(0)[r.dim()];
                yield new Tensor[] {Dispatch.apply1(new SpectralOp.C2r(r.dim(), n, r.norm()), binWeights(g, r.dim(), n, 0.5))};
            }
            // irfft folds bin k and its mirror n - k into one: gz = rfft(g) with bins 1..n-m doubled; the
            // imaginary parts of bin 0 and (n even) bin n/2 come out 0, as they are ignored
            case SpectralOp.C2r r -> {
                Tensor gz = Dispatch.apply1(new SpectralOp.R2c(r.dim(), r.norm()), g);
                yield new Tensor[] {binWeights(gz, r.dim(), r.n(), 2)};
            }
        };
    }

    /** z (complex, m = n/2 + 1 bins along dim) with bins 1..n-m times w. */
    private static Tensor binWeights(Tensor z, int dim, int n, double w) {
        int m = n / 2 + 1;
        if (n - m < 1) return z;
        double[] v = new double[m];
        Arrays.fill(v, 1);
        Arrays.fill(v, 1, n - m + 1, w);
        int[] shape = new int[z.dim() - dim];
        Arrays.fill(shape, 1);
        shape[0] = m;
        return z.mul(Create.fromHost(v, shape, z.device()).to(z.dtype()));
    }
}
