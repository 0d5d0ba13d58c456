package dev.weft.tensor;

import static dev.weft.tensor.JoiningTest.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

/**
 * torch.fft by its laws on random signals: irfft(rfft(x), n) == x and ifft(fft(z)) == z for odd, even,
 * prime and power-of-two n along any dim, Parseval under "ortho", rfft as the first half of fft, the n-d
 * transforms as their 1-d compositions, a hand-checked golden, and the error of every bad argument.
 */
class FftTest {
    static final int[] LENGTHS = {1, 2, 5, 7, 8, 12, 13, 64, 100};

    static void near(Tensor want, Tensor got, double tol, String what) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        assertTrue(got.allclose(want, tol, tol), what + ": expected " + want + ", got " + got);
    }

    /** x as a complex tensor with zero imaginary part. */
    static Tensor complexOf(Tensor x) {
        return Tensor.stack(new Tensor[] {x, Tensor.zerosLike(x)}, -1);
    }

    @Test
    void goldenOfAShortSignal() {
        // rfft of (1, 2, 3, 4): (10, -2 + 2i, -2); the norms scale by 1, 1/2, 1/4
        Tensor x = Tensor.of(1.0, 2, 3, 4);
        near(Tensor.of(new double[] {10, 0, -2, 2, -2, 0}, 3, 2), Fft.rfft(x), 1e-14, "rfft");
        near(Tensor.of(new double[] {5, 0, -1, 1, -1, 0}, 3, 2), Fft.rfft(x, null, 0, "ortho"), 1e-14, "rfft ortho");
        near(Tensor.of(new double[] {2.5, 0, -0.5, 0.5, -0.5, 0}, 3, 2), Fft.rfft(x, null, -1, "forward"), 1e-14, "rfft forward");
        near(x, Fft.irfft(Fft.rfft(x)), 1e-14, "irfft");
        // trimmed to (1, 2): bins (3, -1); read back as 5 points the bins are padded to (3, -1, 0): (3 - 2 cos(2 pi t / 5)) / 5
        near(Tensor.of(1.0, 2), Fft.irfft(Fft.rfft(x, 2, -1, null)), 1e-14, "trimmed to 2");
        double[] five = new double[5];
        for (int t = 0; t < 5; t++) five[t] = (3 - 2 * Math.cos(2 * Math.PI * t / 5)) / 5;
        near(Tensor.of(five), Fft.irfft(Fft.rfft(x, 2, -1, null), 5, -1, null), 1e-14, "trimmed to 2, read back as 5");
    }

    @Test
    void roundTripsAlongEveryDim() {
        Generator g = new Generator(5);
        for (int n : LENGTHS) {
            for (DType dt : new DType[] {DType.F32, DType.F64}) {
                double tol = dt == DType.F64 ? 1e-12 : 2e-5;
                Tensor x = Tensor.randn(g, dt, 3, n, 2);
                for (int d = 0; d < 3; d++) {
                    int len = x.size(d);
                    for (String norm : new String[] {"backward", "ortho", "forward"}) {
                        String what = "n=" + n + " dim=" + d + " " + norm + " " + dt;
                        near(x, Fft.irfft(Fft.rfft(x, null, d, norm), len, d, norm), tol, "irfft(rfft(x)) " + what);
                        if (d < 2) near(x, Fft.ifft(Fft.fft(x, null, d, norm), null, d, norm), tol, "ifft(fft(z)) " + what);
                    }
                }
            }
        }
    }

    @Test
    void parsevalUnderOrtho() {
        Generator g = new Generator(6);
        for (int n : LENGTHS) {
            Tensor z = Tensor.randn(g, DType.F64, 4, n, 2);
            Tensor e = z.square().sum(), f = Fft.fft(z, null, 1, "ortho").square().sum();
            assertEquals(e.item(), f.item(), 1e-12 * e.item(), "fft n=" + n);
            // rfft holds each bin 1..n - m once for its mirror too
            Tensor x = z.select(-1, 0), h = Fft.rfft(x, null, 1, "ortho").square().sum(-1);
            int m = n / 2 + 1;
            double twice = n - m > 0 ? h.narrow(1, 1, n - m).sum().item() : 0;
            assertEquals(x.square().sum().item(), h.sum().item() + twice, 1e-12 * e.item(), "rfft n=" + n);
        }
    }

    @Test
    void rfftIsTheFirstHalfOfFft() {
        Generator g = new Generator(7);
        for (int n : LENGTHS) {
            Tensor x = Tensor.randn(g, DType.F64, n, 3).t();                     // non-contiguous, transform dim 1
            Tensor full = Fft.fft(complexOf(x), null, 1, null);
            near(full.narrow(1, 0, n / 2 + 1), Fft.rfft(x, 1), 1e-12, "n=" + n);
            near(Fft.rfft(x.contiguous(), 1), Fft.rfft(x, 1), 0, "strided input n=" + n);
        }
    }

    @Test
    void nDimensionalTransformsComposeTheOneDimensionalOnes() {
        Generator g = new Generator(8);
        Tensor x = Tensor.randn(g, DType.F64, 2, 6, 5);
        Tensor r2 = Fft.rfft2(x);
        near(Fft.fft(Fft.rfft(x, -1), -2), r2, 1e-12, "rfft2");
        near(x, Fft.irfft2(r2, new int[] {6, 5}), 1e-12, "irfft2(rfft2(x), s)");
        near(Fft.fft(Fft.rfft(x, 4, 0, "ortho"), 3, 2, "ortho"), Fft.rfftn(x, new int[] {3, 4}, new int[] {2, 0}, "ortho"), 1e-12,
                "rfftn halves the last of dims");
        near(Fft.fft(Fft.fft(Fft.fft(complexOf(x), 0), 1), 2), Fft.fftn(complexOf(x)), 1e-12, "fftn over all logical dims");
        near(complexOf(x), Fft.ifftn(Fft.fftn(complexOf(x))), 1e-12, "ifftn(fftn(z))");
        near(Fft.ifft2(Fft.fft2(complexOf(x))), complexOf(x), 1e-12, "ifft2(fft2(z))");
        near(x, Fft.irfftn(Fft.rfftn(x), new int[] {2, 6, 5}, null, null), 1e-12, "irfftn(rfftn(x), s)");
    }

    @Test
    void badArgumentsAreNamedErrors() {
        Tensor x = Tensor.zeros(DType.F64, 3, 4), z = Tensor.zeros(DType.F64, 3, 4, 2);
        error("fft.fft: input (3, 4) f64: expected a complex tensor as (..., n, 2) real pairs (torch.view_as_real), got last dim 4",
                () -> Fft.fft(x));
        error("fft.irfft: input (2,) f64: expected a complex tensor", () -> Fft.irfft(Tensor.zeros(DType.F64, 2)));
        error("fft.rfft: input (3, 4) i64: expected F32 or F64", () -> Fft.rfft(x.to(DType.I64)));
        error("fft.ifft: input (3, 4, 2) i32: expected F32 or F64", () -> Fft.ifft(z.to(DType.I32)));
        error("fft.rfft: input (3, 4) f64: invalid number of data points 0 along dim 1 (n must be >= 1)", () -> Fft.rfft(x, 0, 1, null));
        error("fft.irfft: input (3, 1, 2) f64: invalid number of data points 0 along dim 1 (the default length",
                () -> Fft.irfft(Tensor.zeros(DType.F64, 3, 1, 2)));
        error("fft.fft: input (3, 4, 2) f64: norm \"none\" is not one of \"backward\", \"ortho\", \"forward\"",
                () -> Fft.fft(z, null, 0, "none"));
        error("fft.fft: input (3, 4, 2) f64: dim 2 out of range for 2 logical dims (the trailing size-2 axis holds re, im) (expected -2..1)",
                () -> Fft.fft(z, 2));
        error("fft.rfft: input (3, 4) f64: dim -3 out of range for 2 dims", () -> Fft.rfft(x, -3));
        error("fft.rfft: input () f64: expected at least 1 dim", () -> Fft.rfft(Tensor.zeros(DType.F64)));
        error("fft.rfftn: input (3, 4) f64: dim 1 repeated in dims [1, -1]", () -> Fft.rfftn(x, null, new int[] {1, -1}, null));
        error("fft.fftn: input (3, 4, 2) f64: s [4] and dims [0, 1] must have the same length",
                () -> Fft.fftn(z, new int[] {4}, new int[] {0, 1}, null));
        error("fft.irfftn: input (3, 4, 2) f64: invalid number of data points 0 in s [0, 3]", () -> Fft.irfftn(z, new int[] {0, 3}, null, null));
        error("fft.rfft2: input", () -> Fft.rfft2(Tensor.zeros(DType.F64, 4)));
    }
}
