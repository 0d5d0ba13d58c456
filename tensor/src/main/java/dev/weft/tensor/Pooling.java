package dev.weft.tensor;

import dev.weft.tensor.core.Shape;

import dev.weft.tensor.op.ConvOp;

/**
 * Max and average pooling as F.max_pool1d/2d and F.avg_pool1d/2d compute them, plus the backward
 * primitives autograd rules call. Inputs are (B, C, H, W) or unbatched (C, H, W) (1-d: (B, C, L) or
 * (C, L), run as 2-d with H = 1). Sizes have 1 or 2 entries; a null or empty stride means the kernel
 * size, as in PyTorch. Indices are flat positions ih*W + iw within each channel (1-d: positions in L).
 */
public final class Pooling {
    private Pooling() {}

    private static int[] strideOr(int[] stride, int[] kernel) {
        return stride == null || stride.length == 0 ? kernel : stride;
    }

    /**
     * F.max_pool2d with stride = kernel, no padding, no dilation.
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @return the pooled tensor
     */
    public static Tensor maxPool2d(Tensor x, int... kernel) {
        return maxPool2d(x, kernel, null, new int[] {0}, new int[] {1}, false);
    }

    /**
     * F.max_pool2d: the maximum over each window ({@code padding <= kernel/2} is skipped, never a value).
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @return the pooled tensor
     */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return maxPool2dWithIndices(x, kernel, stride, padding, dilation, ceilMode).values();
    }

    /**
     * F.max_pool2d with return_indices: the maxima and their flat positions ih*W + iw in each channel.
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @return the maxima and their flat positions ih*W + iw in each channel
     */
    public static ValuesIndices maxPool2dWithIndices(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                                     boolean ceilMode) {
        ConvOp.Window w = Convolution.window("max_pool2d", kernel, dilation, padding, strideOr(stride, kernel));
        boolean unbatched = x.dim() == 3;
        Tensor[] o = Dispatch.apply(new ConvOp.MaxPool2d(w, ceilMode), unbatched ? x.unsqueeze(0) : x);
        return unbatched ? new ValuesIndices(o[0].squeeze(0), o[1].squeeze(0)) : new ValuesIndices(o[0], o[1]);
    }

    /**
     * F.max_pool1d with stride = kernel, no padding, no dilation.
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @return the pooled tensor
     */
    public static Tensor maxPool1d(Tensor x, int kernel) {
        return maxPool1d(x, kernel, kernel, 0, 1, false);
    }

    /**
     * F.max_pool1d on (B, C, L) or (C, L).
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @return the pooled tensor
     */
    public static Tensor maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        return maxPool1dWithIndices(x, kernel, stride, padding, dilation, ceilMode).values();
    }

    /**
     * F.max_pool1d with return_indices (positions along L).
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @return the pooled values and their I64 positions
     */
    public static ValuesIndices maxPool1dWithIndices(Tensor x, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        check1d("max_pool1d", x);
        ValuesIndices r = maxPool2dWithIndices(x.unsqueeze(-2), new int[] {1, kernel}, new int[] {1, stride},
                new int[] {0, padding}, new int[] {1, dilation}, ceilMode);
        return new ValuesIndices(r.values().squeeze(-2), r.indices().squeeze(-2));
    }

    /**
     * F.avg_pool2d with stride = kernel, no padding, counting padding, floor mode.
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @return the pooled tensor
     */
    public static Tensor avgPool2d(Tensor x, int... kernel) {
        return avgPool2d(x, kernel, null, new int[] {0}, false, true);
    }

    /**
     * F.avg_pool2d: window sum / divisor, the divisor being the window clipped to the padded image when
     * countIncludePad, else the number of input elements in it.
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     * @return the pooled tensor
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        ConvOp.Window w = Convolution.window("avg_pool2d", kernel, new int[] {1}, padding, strideOr(stride, kernel));
        boolean unbatched = x.dim() == 3;
        Tensor y = Dispatch.apply1(new ConvOp.AvgPool2d(w, ceilMode, countIncludePad), unbatched ? x.unsqueeze(0) : x);
        return unbatched ? y.squeeze(0) : y;
    }

    /**
     * F.avg_pool1d with stride = kernel, no padding.
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @return the pooled tensor
     */
    public static Tensor avgPool1d(Tensor x, int kernel) {
        return avgPool1d(x, kernel, kernel, 0, false, true);
    }

    /**
     * F.avg_pool1d on (B, C, L) or (C, L).
     *
     * @param x the input tensor
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     * @return the pooled tensor
     */
    public static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        check1d("avg_pool1d", x);
        return avgPool2d(x.unsqueeze(-2), new int[] {1, kernel}, new int[] {1, stride}, new int[] {0, padding}, ceilMode,
                countIncludePad).squeeze(-2);
    }

    private static void check1d(String op, Tensor x) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException(op + ": input " + Shape.format(x.shape()) + " must be (B, C, L) or (C, L)");
        }
    }

    /**
     * {@return the max-pooling backward primitive: gx (B, C, H, W) with gx[b, c, idx] += grad[b, c, oh, ow] for
     * idx = indices[b, c, oh, ow]} grad and indices are (B, C, outH, outW).
     *
     * @param grad the gradient of the output
     * @param indices the indices
     * @param H input height
     * @param W input width
     */
    public static Tensor maxPool2dBackward(Tensor grad, Tensor indices, int H, int W) {
        return Dispatch.apply1(new ConvOp.MaxPool2dBackward(H, W), grad, indices);
    }

    /**
     * {@return the average-pooling backward primitive (the adjoint of avgPool2d on an (H, W) input); grad is (B, C, outH, outW)}
     *
     * @param grad the gradient of the output
     * @param H input height
     * @param W input width
     * @param kernel the window size (one entry per spatial dim, or one for all)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     */
    public static Tensor avgPool2dBackward(Tensor grad, int H, int W, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                                           boolean countIncludePad) {
        ConvOp.Window w = Convolution.window("avg_pool2d_backward", kernel, new int[] {1}, padding, strideOr(stride, kernel));
        return Dispatch.apply1(new ConvOp.AvgPool2dBackward(H, W, w, ceilMode, countIncludePad), grad);
    }
}
