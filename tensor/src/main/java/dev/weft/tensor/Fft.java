package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.op.SpectralOp;
import dev.weft.tensor.op.SpectralOp.FftNorm;

/**
 * torch.fft: discrete Fourier transforms with PyTorch's names, defaults and scaling, on F32 and F64
 * (integer inputs are refused, not promoted). Weft has no complex dtype: a complex tensor is a real
 * tensor whose last dim has size 2 holding (real, imaginary), the layout of torch.view_as_real, and
 * for a complex input every {@code dim} counts over its logical dims only: for z (B, C, T, 2), dim -1
 * is T, never the trailing pair. n (or each entry of s) is the signal length: the input is trimmed or
 * zero-padded to it along dim; null (or -1 in s) keeps the input's length (irfft: 2 (m - 1) for m bins).
 * norm: "backward" (the default, null too) scales the inverse transforms by 1/n, "ortho" scales both
 * directions by 1/sqrt(n), "forward" scales the forward transforms by 1/n. Any n >= 1 works (radix-2 or
 * Bluestein kernels); every transform is differentiable (their adjoints are transforms too).
 * <pre>
 * fft:   Z[k] = sum_t z[t] exp(-2 pi i k t / n)          ifft: z[t] = 1/n sum_k Z[k] exp(+2 pi i k t / n)
 * rfft:  the bins {@code k < n/2 + 1} of fft of a real signal  irfft: the real inverse of such a half spectrum,
 *        whose imaginary parts at bin 0 and (n even) bin n/2 are ignored, as in torch
 * </pre>
 */
public final class Fft {
    private Fft() {}

    /**
     * torch.fft.fft along the last logical dim: (..., n, 2) -> (..., n, 2).
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @return the transform, shaped like z (length n along dim when given)
     */
    public static Tensor fft(Tensor z) {
        return fft(z, null, -1, null);
    }

    /**
     * {@return torch.fft.fft along one logical dim}
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param dim the dim to transform (negative counts from the end)
     */
    public static Tensor fft(Tensor z, int dim) {
        return fft(z, null, dim, null);
    }

    /**
     * torch.fft.fft(input, n, dim, norm): Z[k] = s {@code sum_{t<n}} z[t] exp(-2 pi i k t / n).
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param n transform length
     * @param dim the dim to transform (negative counts from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways); null for the default
     * @return the transform, shaped like z (length n along dim when given)
     */
    public static Tensor fft(Tensor z, Integer n, int dim, String norm) {
        return c2c("fft.fft", z, n, dim, norm, true);
    }

    /**
     * torch.fft.ifft along the last logical dim.
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @return the inverse transform, shaped like z
     */
    public static Tensor ifft(Tensor z) {
        return ifft(z, null, -1, null);
    }

    /**
     * {@return torch.fft.ifft along one logical dim}
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param dim the dim to transform (negative counts from the end)
     */
    public static Tensor ifft(Tensor z, int dim) {
        return ifft(z, null, dim, null);
    }

    /**
     * torch.fft.ifft(input, n, dim, norm): z[t] = s {@code sum_{k<n}} Z[k] exp(+2 pi i k t / n), s = 1/n by default.
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param n transform length
     * @param dim the dim to transform (negative counts from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways); null for the default
     * @return the inverse transform, shaped like z
     */
    public static Tensor ifft(Tensor z, Integer n, int dim, String norm) {
        return c2c("fft.ifft", z, n, dim, norm, false);
    }

    /**
     * torch.fft.rfft along the last dim: real (..., n) -> (..., n/2 + 1, 2).
     *
     * @param x the input tensor
     * @return the half spectrum, a trailing dim of 2 holding (re, im)
     */
    public static Tensor rfft(Tensor x) {
        return rfft(x, null, -1, null);
    }

    /**
     * {@return torch.fft.rfft along dim of a real x}
     *
     * @param x the input tensor
     * @param dim the dim to transform (negative counts from the end)
     */
    public static Tensor rfft(Tensor x, int dim) {
        return rfft(x, null, dim, null);
    }

    /**
     * torch.fft.rfft(input, n, dim, norm): the n/2 + 1 non-negative-frequency bins of fft of a real signal.
     *
     * @param x the input tensor
     * @param n transform length
     * @param dim the dim to transform (negative counts from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways); null for the default
     * @return the half spectrum, a trailing dim of 2 holding (re, im)
     */
    public static Tensor rfft(Tensor x, Integer n, int dim, String norm) {
        String op = "fft.rfft";
        real(op, x);
        return r2c(op, x, n, dim(op, x, dim, x.dim()), norm);
    }

    /**
     * torch.fft.irfft along the last logical dim: (..., m, 2) -> real (..., 2 (m - 1)).
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @return the real signal
     */
    public static Tensor irfft(Tensor z) {
        return irfft(z, null, -1, null);
    }

    /**
     * {@return torch.fft.irfft along dim with the default length 2 (m - 1)}
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param dim the dim to transform (negative counts from the end)
     */
    public static Tensor irfft(Tensor z, int dim) {
        return irfft(z, null, dim, null);
    }

    /**
     * torch.fft.irfft(input, n, dim, norm): the real signal of length n (default 2 (m - 1)) whose rfft is
     * the input's first n/2 + 1 bins (trimmed or zero-padded to that many), Hermitian symmetry supplying
     * the rest; Im of bin 0 and (n even) bin n/2 are ignored and get a zero gradient, as in torch.
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param n transform length
     * @param dim the dim to transform (negative counts from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways); null for the default
     * @return the real signal
     */
    public static Tensor irfft(Tensor z, Integer n, int dim, String norm) {
        String op = "fft.irfft";
        complex(op, z);
        return c2r(op, z, n, dim(op, z, dim, z.dim() - 1), norm);
    }

    /**
     * torch.fft.fft2: fftn over the last two logical dims.
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @return fftn over the last two logical dims
     */
    public static Tensor fft2(Tensor z) {
        return c2cn("fft.fft2", z, null, new int[] {-2, -1}, null, true);
    }

    /**
     * torch.fft.fftn over all logical dims.
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @return the transform, shaped like z except along dims (s)
     */
    public static Tensor fftn(Tensor z) {
        return fftn(z, null, null, null);
    }

    /**
     * torch.fft.fftn(input, s, dim, norm): fft along each of dims, s[i] the length along dims[i].
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param s the signal length along each dim (null keeps the input sizes)
     * @param dims the dims to transform (negatives count from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways); null for the default
     * @return the transform, shaped like z except along dims (s)
     */
    public static Tensor fftn(Tensor z, int[] s, int[] dims, String norm) {
        return c2cn("fft.fftn", z, s, dims, norm, true);
    }

    /**
     * torch.fft.ifft2: ifftn over the last two logical dims.
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @return ifftn over the last two logical dims
     */
    public static Tensor ifft2(Tensor z) {
        return c2cn("fft.ifft2", z, null, new int[] {-2, -1}, null, false);
    }

    /**
     * {@return torch.fft.ifftn over all logical dims}
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     */
    public static Tensor ifftn(Tensor z) {
        return ifftn(z, null, null, null);
    }

    /**
     * torch.fft.ifftn(input, s, dim, norm).
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param s the signal length along each dim (null keeps the input sizes)
     * @param dims the dims to transform (negatives count from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways); null for the default
     * @return the inverse transform, shaped like z except along dims (s)
     */
    public static Tensor ifftn(Tensor z, int[] s, int[] dims, String norm) {
        return c2cn("fft.ifftn", z, s, dims, norm, false);
    }

    /**
     * torch.fft.rfft2: rfftn over the last two dims, (..., H, W) -> (..., H, W/2 + 1, 2).
     *
     * @param x the input tensor
     * @return rfftn over the last two dims, (..., H, W) -> (..., H, W/2 + 1, 2)
     */
    public static Tensor rfft2(Tensor x) {
        return r2cn("fft.rfft2", x, null, new int[] {-2, -1}, null);
    }

    /**
     * {@return torch.fft.rfftn over all dims of a real x}
     *
     * @param x the input tensor
     */
    public static Tensor rfftn(Tensor x) {
        return rfftn(x, null, null, null);
    }

    /**
     * torch.fft.rfftn(input, s, dim, norm): rfft along the last of dims, then fft along the others.
     *
     * @param x the input tensor
     * @param s the signal length along each dim (null keeps the input sizes)
     * @param dims the dims to transform (negatives count from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways); null for the default
     * @return rfft along the last of dims, then fft along the others
     */
    public static Tensor rfftn(Tensor x, int[] s, int[] dims, String norm) {
        return r2cn("fft.rfftn", x, s, dims, norm);
    }

    /**
     * torch.fft.irfft2: irfftn over the last two logical dims.
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @return the real signal (..., H, W)
     */
    public static Tensor irfft2(Tensor z) {
        return c2rn("fft.irfft2", z, null, new int[] {-2, -1}, null);
    }

    /**
     * torch.fft.irfft2 with output sizes s = (H, W).
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param s the signal length along each dim (null keeps the input sizes)
     * @return the real signal (..., H, W)
     */
    public static Tensor irfft2(Tensor z, int[] s) {
        return c2rn("fft.irfft2", z, s, new int[] {-2, -1}, null);
    }

    /**
     * {@return torch.fft.irfftn over all logical dims}
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     */
    public static Tensor irfftn(Tensor z) {
        return irfftn(z, null, null, null);
    }

    /**
     * torch.fft.irfftn(input, s, dim, norm): ifft along all but the last of dims, then irfft along the last
     * (its default length 2 (m - 1)).
     *
     * @param z the complex input, a trailing dim of 2 holding (re, im)
     * @param s the signal length along each dim (null keeps the input sizes)
     * @param dims the dims to transform (negatives count from the end)
     * @param norm the normalization: "backward" (default, 1/n on the inverse), "forward" (1/n on the forward) or "ortho" (1/sqrt(n) both ways); null for the default
     * @return ifft along all but the last of dims, then irfft along the last (its default length 2 (m - 1))
     */
    public static Tensor irfftn(Tensor z, int[] s, int[] dims, String norm) {
        return c2rn("fft.irfftn", z, s, dims, norm);
    }

    private static Tensor c2c(String op, Tensor z, Integer n, int dim, String norm, boolean forward) {
        complex(op, z);
        int d = dim(op, z, dim, z.dim() - 1);
        int len = length(op, z, n, z.size(d), d);
        return Dispatch.apply1(new SpectralOp.C2c(d, forward, norm(op, z, norm, forward)), resize(z, d, len));
    }

    /** rfft along the normalized dim d of a checked real x. */
    private static Tensor r2c(String op, Tensor x, Integer n, int d, String norm) {
        int len = length(op, x, n, x.size(d), d);
        return Dispatch.apply1(new SpectralOp.R2c(d, norm(op, x, norm, true)), resize(x, d, len));
    }

    /** irfft along the normalized logical dim d of a checked complex z. */
    private static Tensor c2r(String op, Tensor z, Integer n, int d, String norm) {
        int len = length(op, z, n, 2 * (z.size(d) - 1), d);
        return Dispatch.apply1(new SpectralOp.C2r(d, len, norm(op, z, norm, false)), resize(z, d, len / 2 + 1));
    }

    private static Tensor c2cn(String op, Tensor z, int[] s, int[] dims, String norm, boolean forward) {
        complex(op, z);
        norm(op, z, norm, forward);
        FftDims p = FftDims.of(op, z, s, dims, z.dim() - 1);
        Tensor y = z;
        for (int i = 0; i < p.dims().length; i++) y = c2c(op, y, p.sizes()[i], p.dims()[i], norm, forward);
        return y;
    }

    private static Tensor r2cn(String op, Tensor x, int[] s, int[] dims, String norm) {
        real(op, x);
        norm(op, x, norm, true);
        FftDims p = FftDims.of(op, x, s, dims, x.dim());
        int last = p.dims().length - 1;
        Tensor y = r2c(op, x, p.sizes()[last], p.dims()[last], norm);
        for (int i = 0; i < last; i++) y = c2c(op, y, p.sizes()[i], p.dims()[i], norm, true);
        return y;
    }

    private static Tensor c2rn(String op, Tensor z, int[] s, int[] dims, String norm) {
        complex(op, z);
        norm(op, z, norm, false);
        FftDims p = FftDims.of(op, z, s, dims, z.dim() - 1);
        int last = p.dims().length - 1;
        Tensor y = z;
        for (int i = 0; i < last; i++) y = c2c(op, y, p.sizes()[i], p.dims()[i], norm, false);
        return c2r(op, y, p.sizes()[last], p.dims()[last], norm);
    }

    /** x with dim d trimmed or zero-padded at the end to len (torch's resize_fft_input). */
    private static Tensor resize(Tensor x, int d, int len) {
        int size = x.size(d);
        if (size == len) return x;
        if (size > len) return x.narrow(d, 0, len);
        int[] pads = new int[2 * (x.dim() - d)];
        pads[pads.length - 1] = len - size;
        return Joining.pad(x, pads);
    }

    static String what(Tensor t) {
        return "input " + Shape.format(t.shape()) + " " + t.dtype();
    }

    private static void real(String op, Tensor x) {
        dtype(op, x);
        if (x.dim() == 0) throw new IllegalArgumentException(op + ": " + what(x) + ": expected at least 1 dim, got a 0-d tensor");
    }

    private static void complex(String op, Tensor z) {
        dtype(op, z);
        if (z.dim() < 2 || z.size(-1) != 2) {
            throw new IllegalArgumentException(op + ": " + what(z) + ": expected a complex tensor as (..., n, 2) real pairs "
                    + "(torch.view_as_real), got " + (z.dim() < 2 ? "a " + z.dim() + "-d tensor" : "last dim " + z.size(-1)));
        }
    }

    private static void dtype(String op, Tensor t) {
        if (t.dtype() != DType.F32 && t.dtype() != DType.F64) {
            throw new IllegalArgumentException(op + ": " + what(t) + ": expected F32 or F64 (integer and bool inputs are not "
                    + "promoted; convert with to(DType.F32))");
        }
    }

    /** dim normalized over the rank dims that count (the logical dims of a complex input). */
    static int dim(String op, Tensor t, int dim, int rank) {
        if (dim < -rank || dim >= rank) {
            throw new IllegalArgumentException(op + ": " + what(t) + ": dim " + dim + " out of range for " + rank
                    + (rank == t.dim() ? " dims" : " logical dims (the trailing size-2 axis holds re, im)")
                    + " (expected " + (-rank) + ".." + (rank - 1) + ")");
        }
        return dim < 0 ? dim + rank : dim;
    }

    private static int length(String op, Tensor t, Integer n, int dflt, int d) {
        int len = n == null ? dflt : n;
        if (len < 1) {
            throw new IllegalArgumentException(op + ": " + what(t) + ": invalid number of data points " + len + " along dim " + d
                    + (n == null ? " (the default length; pass n >= 1)" : " (n must be >= 1)"));
        }
        return len;
    }

    /** torch's norm_from_string: the scaling of a forward or inverse transform for norm. */
    static FftNorm norm(String op, Tensor t, String norm, boolean forward) {
        String s = norm == null ? "backward" : norm;
        return switch (s) {
            case "backward" -> forward ? FftNorm.NONE : FftNorm.BY_N;
            case "ortho" -> FftNorm.BY_ROOT_N;
            case "forward" -> forward ? FftNorm.BY_N : FftNorm.NONE;
            default -> throw new IllegalArgumentException(op + ": " + what(t) + ": norm \"" + norm
                    + "\" is not one of \"backward\", \"ortho\", \"forward\"");
        };
    }
}
