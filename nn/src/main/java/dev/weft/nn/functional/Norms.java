package dev.weft.nn.functional;

import dev.weft.autograd.GradMode;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.util.Arrays;

/**
 * Normalizations behind F: batch, layer, group and RMS norm, composed of reductions and pointwise
 * ops (differentiable to any order). Variances used to normalize are biased, as in PyTorch.
 */
final class Norms {
    private Norms() {}

    /** x: (..., *normalizedShape): y = (x - E[x]) / sqrt(Var[x] + eps) * w + b over the trailing dims. */
    static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor w, Tensor b, double eps) {
        int[] dims = trailing("layer_norm", x, normalizedShape);
        checkAffine("layer_norm", x, normalizedShape, w, b);
        Tensor mean = x.mean(dims, true);
        Tensor xc = x.sub(mean);
        Tensor var = xc.square().mean(dims, true);
        Tensor y = xc.mul(var.add(eps).rsqrt());
        if (w != null) y = y.mul(affine(w, normalizedShape, x));
        if (b != null) y = y.add(affine(b, normalizedShape, x));
        return y;
    }

    /** A trailing-dims affine as given, or a per-sample one (B, *normalizedShape) broadcast over each sample. */
    private static Tensor affine(Tensor t, int[] ns, Tensor x) {
        return Arrays.equals(t.shape(), ns) ? t : PerSample.trailingAffine(t, x);
    }

    /** x: (..., *normalizedShape): y = x / sqrt(mean(x^2) + eps) * w. eps null: the dtype's machine epsilon. */
    static Tensor rmsNorm(Tensor x, int[] normalizedShape, Tensor w, Double eps) {
        int[] dims = trailing("rms_norm", x, normalizedShape);
        checkAffine("rms_norm", x, normalizedShape, w, null);
        double e = eps != null ? eps : (x.dtype() == dev.weft.tensor.core.DType.F64 ? Math.ulp(1.0) : Math.ulp(1.0f));
        Tensor y = x.mul(x.square().mean(dims, true).add(e).rsqrt());
        return w == null ? y : y.mul(affine(w, normalizedShape, x));
    }

    private static int[] trailing(String op, Tensor x, int[] ns) {
        int k = ns.length, r = x.dim();
        boolean ok = k >= 1 && k <= r;
        for (int i = 0; ok && i < k; i++) ok = x.size(r - k + i) == ns[i];
        if (!ok) {
            throw new IllegalArgumentException(op + ": input " + Shape.format(x.shape()) + ": expected trailing dims "
                    + Shape.format(ns));
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = r - k + i;
        return dims;
    }

    private static void checkAffine(String op, Tensor x, int[] ns, Tensor w, Tensor b) {
        for (Tensor t : new Tensor[] {w, b}) {
            if (t != null && !Arrays.equals(t.shape(), ns) && !PerSample.isPerSample(t, ns, x)) {
                throw new IllegalArgumentException(op + ": input " + Shape.format(x.shape()) + ": "
                        + (t == w ? "weight " : "bias ") + Shape.format(t.shape()) + " must be " + Shape.format(ns)
                        + " or per-sample " + Shape.format(Shape.insert(ns, 0, x.size(0))));
            }
        }
    }

    /**
     * x: (B, C, *): per group of C/G channels, normalize over (C/G, *), then per-channel affine.
     */
    static Tensor groupNorm(Tensor x, int groups, Tensor w, Tensor b, double eps) {
        if (x.dim() < 2) throw new IllegalArgumentException("group_norm: input " + Shape.format(x.shape()) + " must be (B, C, *)");
        int n = x.size(0), c = x.size(1);
        if (groups < 1 || c % groups != 0) {
            throw new IllegalArgumentException("group_norm: input " + Shape.format(x.shape()) + ": number of channels " + c
                    + " must be divisible by num_groups " + groups);
        }
        checkChannel("group_norm", x, w, "weight");
        checkChannel("group_norm", x, b, "bias");
        Tensor g = x.reshape(n, groups, x.numel() / (n * groups));
        Tensor mean = g.mean(new int[] {2}, true);
        Tensor gc = g.sub(mean);
        Tensor var = gc.square().mean(new int[] {2}, true);
        Tensor y = gc.mul(var.add(eps).rsqrt()).reshape(x.shape());
        if (w != null) y = y.mul(channel(w, x));
        if (b != null) y = y.add(channel(b, x));
        return y;
    }

    /** A (C) affine as (1, C, 1, ...), or a per-sample (B, C) one as (B, C, 1, ...). */
    private static Tensor channel(Tensor t, Tensor x) {
        return t.dim() == 2 ? PerSample.channelAffine(t, x) : t.reshape(channelShape(x));
    }

    /**
     * x: (B, C, *). Training (or no running stats): normalize with the batch mean and biased variance
     * over every dim but C, and — when running stats are given — update them in place under no-grad:
     * running = (1 - momentum) * running + momentum * stat, with the unbiased variance. Evaluation:
     * normalize with the running stats. runningMean and runningVar are modified.
     */
    static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor w, Tensor b, boolean training,
                            double momentum, double eps) {
        if (x.dim() < 2) throw new IllegalArgumentException("batch_norm: input " + Shape.format(x.shape()) + " must be (B, C, *)");
        int c = x.size(1);
        for (Tensor t : new Tensor[] {runningMean, runningVar}) {
            if (t != null && (t.dim() != 1 || t.size(0) != c)) {
                throw new IllegalArgumentException("batch_norm: input " + Shape.format(x.shape()) + ": running stats "
                        + Shape.format(t.shape()) + " must be (" + c + ",)");
            }
        }
        checkChannel("batch_norm", x, w, "weight");
        checkChannel("batch_norm", x, b, "bias");
        int[] bshape = channelShape(x);
        int[] dims = new int[x.dim() - 1];
        dims[0] = 0;
        for (int i = 2; i < x.dim(); i++) dims[i - 1] = i;
        Tensor y;
        if (training || runningMean == null || runningVar == null) {
            int count = x.numel() / c;
            if (training && count <= 1) {
                throw new IllegalArgumentException("batch_norm: expected more than 1 value per channel when training, got input size "
                        + Shape.format(x.shape()));
            }
            Tensor mean = x.mean(dims, true);
            Tensor xc = x.sub(mean);
            Tensor var = xc.square().mean(dims, true);
            y = xc.mul(var.add(eps).rsqrt());
            if (training && runningMean != null && runningVar != null) {
                try (var s = GradMode.noGrad()) {
                    Tensor m = mean.detach().reshape(c).to(runningMean.dtype());
                    Tensor v = var.detach().reshape(c).mul((double) count / (count - 1)).to(runningVar.dtype());
                    runningMean.mul_(1 - momentum).add_(m.mul(momentum));
                    runningVar.mul_(1 - momentum).add_(v.mul(momentum));
                }
            }
        } else {
            y = x.sub(runningMean.reshape(bshape)).mul(runningVar.reshape(bshape).add(eps).rsqrt());
        }
        if (w != null) y = y.mul(channel(w, x));
        if (b != null) y = y.add(channel(b, x));
        return y;
    }

    private static void checkChannel(String op, Tensor x, Tensor t, String what) {
        if (t != null && (t.dim() != 1 || t.size(0) != x.size(1)) && !PerSample.isPerSample(t, new int[] {x.size(1)}, x)) {
            throw new IllegalArgumentException(op + ": input " + Shape.format(x.shape()) + ": " + what + " "
                    + Shape.format(t.shape()) + " must be (" + x.size(1) + ",) or per-sample (" + x.size(0) + ", " + x.size(1) + ")");
        }
    }

    /** (1, C, 1, ..., 1) matching x's rank. */
    private static int[] channelShape(Tensor x) {
        int[] s = new int[x.dim()];
        Arrays.fill(s, 1);
        s[1] = x.size(1);
        return s;
    }
}
