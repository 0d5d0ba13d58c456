package dev.weft.nn.train;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.Tensor;

/**
 * Running loss and accuracy over batches. Accuracy is counted when the task is recognisable: (B, C)
 * scores with C > 1 against (B) class indices or against (B, C) class probabilities (argmax against
 * argmax), or scores of the target's shape against a floating 0/1 target with one score per sample
 * ((B) or (B, 1): logit > 0 means class 1).
 */
public final class Metrics {
    private double lossSum;
    private long samples;
    private long correct;
    private long counted;

    /** Empty: no batch added, {@link #meanLoss()} and {@link #accuracy()} are NaN. */
    public Metrics() {}

    /**
     * Adds one batch, weighted by its size (the output's first dim).
     *
     * @param meanLoss the batch's mean loss
     * @param output the model output
     * @param target the target
     */
    public void add(double meanLoss, Tensor output, Tensor target) {
        int n = output.dim() == 0 ? 1 : output.size(0);
        lossSum += meanLoss * n;
        samples += n;
        long c = correct(output, target);
        if (c >= 0) {
            correct += c;
            counted += n;
        }
    }

    /**
     * Correct predictions in a batch, computed without recording a tape.
     *
     * @param output the model output (scores or logits)
     * @param target class indices, class probabilities or a 0/1 target (see the class comment)
     * @return the number correct, or -1 when accuracy does not apply
     */
    public static long correct(Tensor output, Tensor target) {
        try (var s = Autograd.noGrad()) {
            boolean indices = !target.dtype().isFloatingPoint() && target.dtype() != dev.weft.tensor.core.DType.BOOL;
            if (indices && output.dim() == 2 && output.size(1) > 1 && target.dim() == 1 && target.size(0) == output.size(0)) {
                return (long) output.argmax(1).eq(target.to(dev.weft.tensor.core.DType.I64)).sum().item();
            }
            if (!indices && output.dim() == 2 && output.size(1) > 1 && java.util.Arrays.equals(output.shape(), target.shape())) {
                return (long) output.argmax(1).eq(target.argmax(1)).sum().item();
            }
            boolean oneScore = output.dim() == 1 || (output.dim() == 2 && output.size(1) == 1);
            if (!indices && oneScore && java.util.Arrays.equals(output.shape(), target.shape())) {
                return (long) output.gt(0.0).eq(target.gt(0.5)).sum().item();
            }
            return -1;
        }
    }

    /** {@return the mean loss per sample over every batch added, NaN before any} */
    public double meanLoss() {
        return samples == 0 ? Double.NaN : lossSum / samples;
    }

    /** {@return true if accuracy applied to at least one batch} */
    public boolean hasAccuracy() {
        return counted > 0;
    }

    /** {@return the fraction correct in [0, 1], NaN when accuracy did not apply} */
    public double accuracy() {
        return counted == 0 ? Double.NaN : (double) correct / counted;
    }

    /** {@return the number of samples added} */
    public long samples() {
        return samples;
    }
}
