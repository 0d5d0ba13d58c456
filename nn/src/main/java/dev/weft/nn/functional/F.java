package dev.weft.nn.functional;

import dev.weft.nn.loss.Losses;
import dev.weft.nn.loss.Reduction;
import dev.weft.tensor.Convolution;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Pooling;
import dev.weft.tensor.Joining;
import dev.weft.tensor.Tensor;

/**
 * Stateless layer functions, named as torch.nn.functional (camelCase): the layers' forward passes
 * delegate here. Each is composed of differentiable tensor ops, so autograd works to any order.
 * Arguments are never modified except batchNorm's running statistics (documented there).
 * Shape letters: B batch, C channels/features, H/W spatial, L length, E embedding size.
 */
public final class F {
    private F() {}

    // ---------------------------------------------------------------- linear

    /**
     * y = x W^T + b. Shared weights: x (..., C_in), W (C_out, C_in), b (C_out,) or null -> (..., C_out).
     * Per-sample weights: x (B, ..., C_in), W (B, C_out, C_in), b (B, C_out) or null -> (B, ..., C_out).
     *
     * @param x the input
     * @param weight W, shared or per sample
     * @param bias b, or null
     * @return y
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Linears.linear(x, weight, bias);
    }

    /**
     * y = x W^T.
     *
     * @param x (..., C_in)
     * @param weight W, (C_out, C_in)
     * @return y, (..., C_out)
     */
    public static Tensor linear(Tensor x, Tensor weight) {
        return Linears.linear(x, weight, null);
    }

    /**
     * y[..., k] = x1^T W[k] x2 + b[k]: x1 (..., C1), x2 (..., C2), W (C_out, C1, C2), b (C_out,) or null.
     *
     * @param x1 (..., C1)
     * @param x2 (..., C2)
     * @param weight W, (C_out, C1, C2)
     * @param bias b, (C_out,) or null
     * @return y, (..., C_out)
     */
    public static Tensor bilinear(Tensor x1, Tensor x2, Tensor weight, Tensor bias) {
        return Linears.bilinear(x1, x2, weight, bias);
    }

    // ---------------------------------------------------------------- dropout

    /**
     * Inverted dropout: in training each element is zeroed with probability p (drawn from g) and the
     * rest scaled by 1/(1-p); otherwise x itself. p = 1 gives zeros.
     *
     * @param x the input, any shape
     * @param p the zeroing probability, in [0, 1]
     * @param training whether to drop (false: x is returned)
     * @param g draws the mask
     * @return the dropped-out tensor, x's shape
     */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator g) {
        return Dropouts.dropout(x, p, training, g);
    }

    // ---------------------------------------------------------------- normalization

    /**
     * Layer norm over the trailing dims normalizedShape: (x - mean) / sqrt(var + eps) * w + b (biased var).
     *
     * @param x the input (..., *normalizedShape)
     * @param normalizedShape the trailing dims to normalize over
     * @param weight the scale, shape normalizedShape, or null
     * @param bias the shift, shape normalizedShape, or null
     * @param eps added to the variance
     * @return the normalized tensor, x's shape
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Norms.layerNorm(x, normalizedShape, weight, bias, eps);
    }

    /**
     * Layer norm with eps = 1e-5.
     *
     * @param x the input (..., *normalizedShape)
     * @param normalizedShape the trailing dims to normalize over
     * @param weight the scale, shape normalizedShape, or null
     * @param bias the shift, shape normalizedShape, or null
     * @return the normalized tensor, x's shape
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias) {
        return Norms.layerNorm(x, normalizedShape, weight, bias, 1e-5);
    }

    /**
     * RMS norm over the trailing dims: x / sqrt(mean(x^2) + eps) * w.
     *
     * @param x the input (..., *normalizedShape)
     * @param normalizedShape the trailing dims to normalize over
     * @param weight the scale, shape normalizedShape, or null
     * @param eps added to the mean square
     * @return the normalized tensor, x's shape
     */
    public static Tensor rmsNorm(Tensor x, int[] normalizedShape, Tensor weight, double eps) {
        return Norms.rmsNorm(x, normalizedShape, weight, eps);
    }

    /**
     * RMS norm with eps = the input dtype's machine epsilon (PyTorch's eps=None).
     *
     * @param x the input (..., *normalizedShape)
     * @param normalizedShape the trailing dims to normalize over
     * @param weight the scale, shape normalizedShape, or null
     * @return the normalized tensor, x's shape
     */
    public static Tensor rmsNorm(Tensor x, int[] normalizedShape, Tensor weight) {
        return Norms.rmsNorm(x, normalizedShape, weight, null);
    }

    /**
     * Group norm: x (B, C, *) split into numGroups groups of C/numGroups channels, each normalized.
     *
     * @param x the input (B, C, *)
     * @param numGroups the number of groups; must divide C
     * @param weight the per-channel scale (C,), or null
     * @param bias the per-channel shift (C,), or null
     * @param eps added to the variance
     * @return the normalized tensor, x's shape
     */
    public static Tensor groupNorm(Tensor x, int numGroups, Tensor weight, Tensor bias, double eps) {
        return Norms.groupNorm(x, numGroups, weight, bias, eps);
    }

    /**
     * Batch norm on x (B, C, *). training: normalize with batch mean and biased variance over all dims but
     * C; if runningMean/runningVar are non-null they are updated IN PLACE (no grad):
     * r = (1 - momentum) r + momentum * stat, using the unbiased variance. Not training: normalize with
     * the running stats.
     *
     * @param x the input (B, C, *)
     * @param runningMean the running mean (C,), or null
     * @param runningVar the running variance (C,), or null
     * @param weight the per-channel scale (C,), or null
     * @param bias the per-channel shift (C,), or null
     * @param training normalize with batch statistics (and update the running ones) rather than the running ones
     * @param momentum the weight of the new batch statistic in the running update
     * @param eps added to the variance
     * @return the normalized tensor, x's shape
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return Norms.batchNorm(x, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    // ---------------------------------------------------------------- embedding

    /**
     * Rows of weight (N, E) at integer indices (*) -> (*, E); row paddingIdx (negative: from the end) gets no gradient.
     *
     * @param indices integer indices in [0, N)
     * @param weight the table (N, E)
     * @param paddingIdx the row that gets no gradient
     * @return the rows, (*, E)
     */
    public static Tensor embedding(Tensor indices, Tensor weight, int paddingIdx) {
        return Embeddings.embedding(indices, weight, paddingIdx);
    }

    /**
     * Embedding without a padding index.
     *
     * @param indices integer indices in [0, N)
     * @param weight the table (N, E)
     * @return the rows, (*, E)
     */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return Embeddings.embedding(indices, weight, null);
    }

    // ---------------------------------------------------------------- convolution

    /**
     * conv1d: x (B, C_in, L) or (C_in, L), weight (C_out, C_in/groups, k), bias (C_out,) or null; or per-sample
     * weight (B, C_out, C_in/groups, k) and bias (B, C_out) with a batched x (sample i uses weight[i]).
     *
     * @param x the input (B, C_in, L) or (C_in, L)
     * @param weight the kernels (C_out, C_in/groups, k), or per sample (B, C_out, C_in/groups, k)
     * @param bias (C_out,), per sample (B, C_out), or null
     * @param stride the step
     * @param padding zeros on both sides
     * @param dilation the spacing between kernel taps
     * @param groups the number of channel groups
     * @return (B, C_out, L_out) or (C_out, L_out)
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        if (weight.dim() == 4) {
            return PerSample.conv("conv1d", x, weight, bias, groups, (xf, wf, g) -> Convolution.conv1d(xf, wf, null, stride, padding, dilation, g));
        }
        return Convolution.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * conv1d with padding {@link Padding#SAME} or {@link Padding#VALID}.
     *
     * @param x the input (B, C_in, L) or (C_in, L)
     * @param weight the kernels (C_out, C_in/groups, k), or per sample (B, C_out, C_in/groups, k)
     * @param bias (C_out,), per sample (B, C_out), or null
     * @param stride the step
     * @param padding SAME (output length L, stride 1) or VALID (no padding)
     * @param dilation the spacing between kernel taps
     * @param groups the number of channel groups
     * @return (B, C_out, L_out) or (C_out, L_out)
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, Padding padding, int dilation, int groups) {
        String p = padding.toString();
        if (weight.dim() == 4) {
            return PerSample.conv("conv1d", x, weight, bias, groups, (xf, wf, g) -> Convolution.conv1d(xf, wf, null, stride, p, dilation, g));
        }
        return Convolution.conv1d(x, weight, bias, stride, p, dilation, groups);
    }

    /**
     * conv2d: x (B, C_in, H, W) or (C_in, H, W), weight (C_out, C_in/groups, kH, kW); sizes have 1 or 2 entries.
     * A per-sample weight (B, C_out, C_in/groups, kH, kW) and bias (B, C_out) convolve sample i with weight[i].
     *
     * @param x the input (B, C_in, H, W) or (C_in, H, W)
     * @param weight the kernels (C_out, C_in/groups, kH, kW), or per sample (B, C_out, C_in/groups, kH, kW)
     * @param bias (C_out,), per sample (B, C_out), or null
     * @param stride the step, 1 or 2 entries
     * @param padding zeros on each side, 1 or 2 entries
     * @param dilation the spacing between kernel taps, 1 or 2 entries
     * @param groups the number of channel groups
     * @return (B, C_out, H_out, W_out) or (C_out, H_out, W_out)
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        if (weight.dim() == 5) {
            return PerSample.conv("conv2d", x, weight, bias, groups, (xf, wf, g) -> Convolution.conv2d(xf, wf, null, stride, padding, dilation, g));
        }
        return Convolution.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * conv2d with padding {@link Padding#SAME} or {@link Padding#VALID}.
     *
     * @param x the input (B, C_in, H, W) or (C_in, H, W)
     * @param weight the kernels (C_out, C_in/groups, kH, kW), or per sample (B, C_out, C_in/groups, kH, kW)
     * @param bias (C_out,), per sample (B, C_out), or null
     * @param stride the step, 1 or 2 entries
     * @param padding SAME (output H, W with stride 1) or VALID (no padding)
     * @param dilation the spacing between kernel taps, 1 or 2 entries
     * @param groups the number of channel groups
     * @return (B, C_out, H_out, W_out) or (C_out, H_out, W_out)
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, Padding padding, int[] dilation, int groups) {
        String p = padding.toString();
        if (weight.dim() == 5) {
            return PerSample.conv("conv2d", x, weight, bias, groups, (xf, wf, g) -> Convolution.conv2d(xf, wf, null, stride, p, dilation, g));
        }
        return Convolution.conv2d(x, weight, bias, stride, p, dilation, groups);
    }

    /**
     * conv2d with a square stride and padding, dilation 1, one group: F.conv2d(x, w, b, stride=s, padding=p).
     *
     * @param x (B, C_in, H, W) or (C_in, H, W)
     * @param weight (C_out, C_in, kH, kW)
     * @param bias (C_out,), or null
     * @param stride the step in both dims
     * @param padding zeros on every side
     * @return (B, C_out, H_out, W_out)
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(x, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {1}, 1);
    }

    /**
     * conv2d with stride 1, padding 0, dilation 1, one group.
     *
     * @param x (B, C_in, H, W) or (C_in, H, W)
     * @param weight (C_out, C_in, kH, kW)
     * @param bias (C_out,), or null
     * @return (B, C_out, H - kH + 1, W - kW + 1)
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return conv2d(x, weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /**
     * conv_transpose2d: x (B, C_in, H, W) or (C_in, H, W), weight (C_in, C_out/groups, kH, kW), bias (C_out,)
     * or null -> H_out = (H - 1) stride - 2 padding + dilation (kH - 1) + outputPadding + 1 (same for W).
     *
     * @param x the input (B, C_in, H, W) or (C_in, H, W)
     * @param weight the kernels (C_in, C_out/groups, kH, kW)
     * @param bias (C_out,), or null
     * @param stride the step, 1 or 2 entries
     * @param padding removed from each side of the output, 1 or 2 entries
     * @param outputPadding extra size added to one side of the output, 1 or 2 entries
     * @param groups the number of channel groups
     * @param dilation the spacing between kernel taps, 1 or 2 entries
     * @return (B, C_out, H_out, W_out) or (C_out, H_out, W_out)
     */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return Convs.convTranspose2d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    // ---------------------------------------------------------------- pooling

    /**
     * max_pool1d on (B, C, L) or (C, L).
     *
     * @param x the input (B, C, L) or (C, L)
     * @param kernelSize the window length
     * @param stride the step
     * @param padding implicit negative-infinity padding on both sides
     * @param dilation the spacing between window taps
     * @param ceilMode round the output length up instead of down
     * @return the window maxima, (B, C, L_out) or (C, L_out)
     */
    public static Tensor maxPool1d(Tensor x, int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        return Pooling.maxPool1d(x, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * max_pool2d on (B, C, H, W) or (C, H, W); stride null means kernelSize.
     *
     * @param x the input (B, C, H, W) or (C, H, W)
     * @param kernelSize the window, 1 or 2 entries
     * @param stride the step, 1 or 2 entries, or null for kernelSize
     * @param padding implicit negative-infinity padding on each side, 1 or 2 entries
     * @param dilation the spacing between window taps, 1 or 2 entries
     * @param ceilMode round the output size up instead of down
     * @return the window maxima
     */
    public static Tensor maxPool2d(Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return Pooling.maxPool2d(x, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * max_pool2d(x, k): a k x k window, stride k, no padding.
     *
     * @param x (B, C, H, W) or (C, H, W)
     * @param kernelSize k
     * @return the window maxima
     */
    public static Tensor maxPool2d(Tensor x, int kernelSize) {
        return maxPool2d(x, kernelSize, kernelSize);
    }

    /**
     * max_pool2d(x, k, stride): a k x k window, no padding.
     *
     * @param x (B, C, H, W) or (C, H, W)
     * @param kernelSize k
     * @param stride the step in both dims
     * @return the window maxima
     */
    public static Tensor maxPool2d(Tensor x, int kernelSize, int stride) {
        return Pooling.maxPool2d(x, new int[] {kernelSize}, new int[] {stride}, new int[] {0}, new int[] {1}, false);
    }

    /**
     * avg_pool1d on (B, C, L) or (C, L).
     *
     * @param x the input (B, C, L) or (C, L)
     * @param kernelSize the window length
     * @param stride the step
     * @param padding zeros on both sides
     * @param ceilMode round the output length up instead of down
     * @param countIncludePad count the padding zeros in each window's divisor
     * @return the window means, (B, C, L_out) or (C, L_out)
     */
    public static Tensor avgPool1d(Tensor x, int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        return Pooling.avgPool1d(x, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    /**
     * avg_pool2d on (B, C, H, W) or (C, H, W); stride null means kernelSize.
     *
     * @param x the input (B, C, H, W) or (C, H, W)
     * @param kernelSize the window, 1 or 2 entries
     * @param stride the step, 1 or 2 entries, or null for kernelSize
     * @param padding zeros on each side, 1 or 2 entries
     * @param ceilMode round the output size up instead of down
     * @param countIncludePad count the padding zeros in each window's divisor
     * @return the window means
     */
    public static Tensor avgPool2d(Tensor x, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad) {
        return Pooling.avgPool2d(x, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    /**
     * avg_pool2d(x, k): a k x k window, stride k, no padding.
     *
     * @param x (B, C, H, W) or (C, H, W)
     * @param kernelSize k
     * @return the window means
     */
    public static Tensor avgPool2d(Tensor x, int kernelSize) {
        return avgPool2d(x, kernelSize, kernelSize);
    }

    /**
     * avg_pool2d(x, k, stride): a k x k window, no padding, padding counted (PyTorch's defaults).
     *
     * @param x (B, C, H, W) or (C, H, W)
     * @param kernelSize k
     * @param stride the step in both dims
     * @return the window means
     */
    public static Tensor avgPool2d(Tensor x, int kernelSize, int stride) {
        return Pooling.avgPool2d(x, new int[] {kernelSize}, new int[] {stride}, new int[] {0}, false, true);
    }

    /**
     * F.pad with zeros: pads = (left, right) of the last dim, then (left, right) of the one before, ...
     *
     * @param x the input
     * @param pads pairs (left, right), last dim first
     * @return the padded tensor
     */
    public static Tensor pad(Tensor x, int... pads) {
        return Joining.pad(x, pads);
    }

    /**
     * F.pad(x, pads, mode, value): mode CONSTANT (value), REFLECT, REPLICATE or CIRCULAR; negative pads
     * crop. Differentiable in every mode (see {@link Joining#pad(Tensor, int[], String, double)}).
     *
     * @param x the input
     * @param pads pairs (left, right), last dim first
     * @param mode how the border is filled
     * @param value the fill for CONSTANT
     * @return the padded tensor
     */
    public static Tensor pad(Tensor x, int[] pads, PadMode mode, double value) {
        return Joining.pad(x, pads, mode.toString(), value);
    }

    /**
     * F.pad in a mode with value 0 (for CONSTANT, the same as {@link #pad(Tensor, int...)}).
     *
     * @param x the input
     * @param pads pairs (left, right), last dim first
     * @param mode how the border is filled
     * @return the padded tensor
     */
    public static Tensor pad(Tensor x, int[] pads, PadMode mode) {
        return Joining.pad(x, pads, mode.toString(), 0);
    }

    /**
     * adaptive_avg_pool2d: (B, C, H, W) or (C, H, W) -> (..., oh, ow) with PyTorch's windows.
     *
     * @param x the input (B, C, H, W) or (C, H, W)
     * @param outputSize (oh, ow), or one size for both
     * @return the window means, (..., oh, ow)
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, int... outputSize) {
        return Pools.adaptiveAvgPool2d(x, outputSize);
    }

    /**
     * adaptive_avg_pool1d: (B, C, L) or (C, L) -> (..., outputSize).
     *
     * @param x the input (B, C, L) or (C, L)
     * @param outputSize the output length
     * @return the window means, (..., outputSize)
     */
    public static Tensor adaptiveAvgPool1d(Tensor x, int outputSize) {
        return Pools.adaptiveAvgPool1d(x, outputSize);
    }

    // ---------------------------------------------------------------- activations

    /**
     * max(x, 0).
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor relu(Tensor x) { return x.relu(); }

    /**
     * x if x > 0 else negativeSlope * x.
     *
     * @param x the input, any shape
     * @param negativeSlope the slope below 0
     * @return the result elementwise, x's shape
     */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) { return x.leakyRelu(negativeSlope); }

    /**
     * leakyRelu with slope 0.01.
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor leakyRelu(Tensor x) { return x.leakyRelu(0.01); }

    /**
     * x if x > 0 else alpha (exp(x) - 1).
     *
     * @param x the input, any shape
     * @param alpha the saturation value's magnitude
     * @return the result elementwise, x's shape
     */
    public static Tensor elu(Tensor x, double alpha) { return x.elu(alpha); }

    /**
     * elu with alpha 1.
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor elu(Tensor x) { return x.elu(1.0); }

    /**
     * x Phi(x) (NONE) or 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) (TANH).
     *
     * @param x the input, any shape
     * @param approximate NONE (exact) or TANH
     * @return the result elementwise, x's shape
     */
    public static Tensor gelu(Tensor x, GeluApproximate approximate) {
        return x.gelu(approximate.toString());
    }

    /**
     * Exact GELU.
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor gelu(Tensor x) { return x.gelu(); }

    /**
     * x sigmoid(x).
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor silu(Tensor x) { return x.silu(); }

    /**
     * x tanh(softplus(x)).
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor mish(Tensor x) { return x.mul(x.softplus(1, 20).tanh()); }

    /**
     * tanh(x).
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor tanh(Tensor x) { return x.tanh(); }

    /**
     * 1 / (1 + exp(-x)).
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor sigmoid(Tensor x) { return x.sigmoid(); }

    /**
     * log(1 + exp(beta x)) / beta, x itself where beta x > threshold.
     *
     * @param x the input, any shape
     * @param beta the sharpness
     * @param threshold above which beta x is passed through
     * @return the result elementwise, x's shape
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) { return x.softplus(beta, threshold); }

    /**
     * softplus with beta 1, threshold 20.
     *
     * @param x the input, any shape
     * @return the result elementwise, x's shape
     */
    public static Tensor softplus(Tensor x) { return x.softplus(1, 20); }

    /**
     * exp(x) / sum(exp(x)) along dim.
     *
     * @param x the input
     * @param dim the dim the map runs along (negative counts from the end)
     * @return x's shape, each slice along dim summing to 1
     */
    public static Tensor softmax(Tensor x, int dim) { return x.softmax(dim); }

    /**
     * x - logsumexp(x) along dim.
     *
     * @param x the input
     * @param dim the dim the map runs along (negative counts from the end)
     * @return x's shape: log-probabilities along dim
     */
    public static Tensor logSoftmax(Tensor x, int dim) { return x.logSoftmax(dim); }

    /**
     * Sparsemax along dim (Martins and Astudillo 2016): the Euclidean projection of x onto the simplex,
     * relu(x - tau) with tau such that the outputs sum to 1; small scores get exact zeros. Exact sort-based
     * threshold, exact backward (the projection's Jacobian).
     * <pre>{@code
     * F.sparsemax(Tensor.of(new double[] {1, 0.5, -1}), 0);   // [0.75, 0.25, 0]
     * }</pre>
     *
     * @param x the input
     * @param dim the dim the map runs along (negative counts from the end)
     * @return x's shape, each slice along dim summing to 1
     */
    public static Tensor sparsemax(Tensor x, int dim) { return SparseMaps.sparsemax(x, dim); }

    /**
     * 1.5-entmax along dim (Peters, Niculae and Martins 2019): relu(x / 2 - tau)^2 with tau such that the
     * outputs sum to 1, between softmax and sparsemax in sparsity. Exact sort-based threshold (not
     * bisection), closed-form backward through sqrt of the output.
     * <pre>{@code
     * F.entmax15(Tensor.of(new double[] {2, 1, -1}), 0);      // [(1 + sqrt 7)^2 / 16, (sqrt 7 - 1)^2 / 16, 0] = [0.8307, 0.1693, 0]
     * }</pre>
     *
     * @param x the input
     * @param dim the dim the map runs along (negative counts from the end)
     * @return x's shape, each slice along dim summing to 1
     */
    public static Tensor entmax15(Tensor x, int dim) { return SparseMaps.entmax15(x, dim); }

    // ---------------------------------------------------------------- losses (torch.nn.functional's; the same functions as Losses)

    /**
     * Cross-entropy of logits against class indices or probabilities, mean over positions (see Losses.crossEntropy).
     *
     * @param input logits, classes on dim 1
     * @param target class indices or class probabilities
     * @return the scalar mean loss
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return Losses.crossEntropy(input, target);
    }

    /**
     * Cross-entropy with label smoothing s in [0, 1]: the target mixed with the uniform distribution, (1 - s) y + s / C.
     *
     * @param input logits, classes on dim 1
     * @param target class indices or class probabilities
     * @param labelSmoothing s in [0, 1]
     * @return the scalar mean loss
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, double labelSmoothing) {
        return Losses.crossEntropy(input, target, null, -100, Reduction.MEAN, labelSmoothing);
    }

    /**
     * Negative log-likelihood of log-probabilities at class indices, mean (see Losses.nllLoss).
     *
     * @param input log-probabilities, classes on dim 1
     * @param target class indices
     * @return the scalar mean loss
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target);
    }

    /**
     * mean((x - y)^2).
     *
     * @param input the prediction
     * @param target the target, the input's shape
     * @return the scalar mean loss
     */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target);
    }

    /**
     * mean(|x - y|).
     *
     * @param input the prediction
     * @param target the target, the input's shape
     * @return the scalar mean loss
     */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return Losses.l1Loss(input, target);
    }

    /**
     * Smooth L1 with beta 1, mean (see Losses.smoothL1Loss).
     *
     * @param input the prediction
     * @param target the target, the input's shape
     * @return the scalar mean loss
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return Losses.smoothL1Loss(input, target);
    }

    /**
     * Huber loss with delta 1, mean (see Losses.huberLoss).
     *
     * @param input the prediction
     * @param target the target, the input's shape
     * @return the scalar mean loss
     */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return Losses.huberLoss(input, target);
    }

    /**
     * Binary cross-entropy of probabilities, mean (see Losses.binaryCrossEntropy).
     *
     * @param input probabilities in [0, 1]
     * @param target the target, the input's shape
     * @return the scalar mean loss
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropy(input, target);
    }

    /**
     * Binary cross-entropy of sigmoid(logits), computed stably, mean (see Losses.binaryCrossEntropyWithLogits).
     *
     * @param input logits
     * @param target the target, the input's shape
     * @return the scalar mean loss
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropyWithLogits(input, target);
    }

    /**
     * KL divergence of log-probabilities input from probabilities target, mean (PyTorch's default).
     *
     * @param input log-probabilities
     * @param target probabilities, the input's shape
     * @return the scalar mean loss
     */
    public static Tensor klDiv(Tensor input, Tensor target) {
        return Losses.klDiv(input, target);
    }
}
