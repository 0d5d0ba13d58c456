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

    /** Layer norm over the trailing dims normalizedShape: (x - mean) / sqrt(var + eps) * w + b (biased var; w, b may be null). */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Norms.layerNorm(x, normalizedShape, weight, bias, eps);
    }

    /** Layer norm with eps = 1e-5. */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias) {
        return Norms.layerNorm(x, normalizedShape, weight, bias, 1e-5);
    }

    /** RMS norm over the trailing dims: x / sqrt(mean(x^2) + eps) * w (w may be null). */
    public static Tensor rmsNorm(Tensor x, int[] normalizedShape, Tensor weight, double eps) {
        return Norms.rmsNorm(x, normalizedShape, weight, eps);
    }

    /** RMS norm with eps = the input dtype's machine epsilon (PyTorch's eps=None). */
    public static Tensor rmsNorm(Tensor x, int[] normalizedShape, Tensor weight) {
        return Norms.rmsNorm(x, normalizedShape, weight, null);
    }

    /** Group norm: x (B, C, *) split into numGroups groups of C/numGroups channels, each normalized; w, b (C,) or null. */
    public static Tensor groupNorm(Tensor x, int numGroups, Tensor weight, Tensor bias, double eps) {
        return Norms.groupNorm(x, numGroups, weight, bias, eps);
    }

    /**
     * Batch norm on x (B, C, *). training: normalize with batch mean and biased variance over all dims but
     * C; if runningMean/runningVar are non-null they are updated IN PLACE (no grad):
     * r = (1 - momentum) r + momentum * stat, using the unbiased variance. Not training: normalize with
     * the running stats. weight, bias (C,) or null.
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
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        if (weight.dim() == 4) {
            return PerSample.conv("conv1d", x, weight, bias, groups, (xf, wf, g) -> Convolution.conv1d(xf, wf, null, stride, padding, dilation, g));
        }
        return Convolution.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    /** conv1d with padding {@link Padding#SAME} or {@link Padding#VALID}. */
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
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        if (weight.dim() == 5) {
            return PerSample.conv("conv2d", x, weight, bias, groups, (xf, wf, g) -> Convolution.conv2d(xf, wf, null, stride, padding, dilation, g));
        }
        return Convolution.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    /** conv2d with padding {@link Padding#SAME} or {@link Padding#VALID}. */
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
     */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return Convs.convTranspose2d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    // ---------------------------------------------------------------- pooling

    /** max_pool1d on (B, C, L) or (C, L). */
    public static Tensor maxPool1d(Tensor x, int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        return Pooling.maxPool1d(x, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** max_pool2d on (B, C, H, W) or (C, H, W); stride null means kernelSize. */
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

    /** avg_pool1d on (B, C, L) or (C, L). */
    public static Tensor avgPool1d(Tensor x, int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        return Pooling.avgPool1d(x, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    /** avg_pool2d on (B, C, H, W) or (C, H, W); stride null means kernelSize. */
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
     */
    public static Tensor pad(Tensor x, int[] pads, PadMode mode, double value) {
        return Joining.pad(x, pads, mode.toString(), value);
    }

    /** F.pad in a mode with value 0 (for CONSTANT, the same as {@link #pad(Tensor, int...)}). */
    public static Tensor pad(Tensor x, int[] pads, PadMode mode) {
        return Joining.pad(x, pads, mode.toString(), 0);
    }

    /** adaptive_avg_pool2d: (B, C, H, W) or (C, H, W) -> (..., oh, ow) with PyTorch's windows. */
    public static Tensor adaptiveAvgPool2d(Tensor x, int... outputSize) {
        return Pools.adaptiveAvgPool2d(x, outputSize);
    }

    /** adaptive_avg_pool1d: (B, C, L) or (C, L) -> (..., outputSize). */
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
