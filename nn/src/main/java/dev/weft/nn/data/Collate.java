package dev.weft.nn.data;

import dev.weft.nn.train.Batch;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Collate functions: turn a list of B samples into one batch by stacking along a new dim 0.
 * Samples must agree in shape and dtype; a mismatch names the first offending sample.
 */
public final class Collate {
    private Collate() {}

    /**
     * Stacks B samples of shape S into one (B, S...) tensor.
     *
     * @param samples the samples, all of one shape and dtype
     * @return the stacked batch
     * @throws IllegalArgumentException if the list is empty or a sample differs in shape or dtype
     */
    public static Tensor stack(List<Tensor> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("collate: empty batch");
        Tensor first = samples.getFirst();
        for (int i = 1; i < samples.size(); i++) {
            Tensor s = samples.get(i);
            if (!java.util.Arrays.equals(s.shape(), first.shape()) || s.dtype() != first.dtype()) {
                throw new IllegalArgumentException("collate: sample " + i + " is " + Shape.format(s.shape()) + " " + s.dtype()
                        + ", sample 0 is " + Shape.format(first.shape()) + " " + first.dtype());
            }
        }
        return Tensor.stack(samples, 0);
    }

    /**
     * Stacks samples of K tensors column by column: output j is the stack of every sample's x_j.
     *
     * @param samples the samples, each a list of K tensors
     * @return the K stacked tensors
     * @throws IllegalArgumentException if the list is empty, sample sizes differ, or a column's shapes or dtypes differ
     */
    public static List<Tensor> stackEach(List<List<Tensor>> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("collate: empty batch");
        int k = samples.getFirst().size();
        List<Tensor> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            List<Tensor> column = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                List<Tensor> s = samples.get(i);
                if (s.size() != k) {
                    throw new IllegalArgumentException("collate: sample " + i + " has " + s.size() + " tensors, sample 0 has " + k);
                }
                column.add(s.get(j));
            }
            out.add(stack(column));
        }
        return List.copyOf(out);
    }

    /**
     * Stacks two-tensor samples (x, y) into Batch(stack of x, stack of y).
     *
     * @param samples the samples, each an (input, target) pair
     * @return the batch
     * @throws IllegalArgumentException if a sample does not hold 2 tensors or the stacks fail
     */
    public static Batch pairs(List<List<Tensor>> samples) {
        return toBatch(stackEach(samples));
    }

    static Batch toBatch(List<Tensor> columns) {
        if (columns.size() != 2) {
            throw new IllegalArgumentException("collate: an (input, target) batch needs samples of 2 tensors, got " + columns.size());
        }
        return new Batch(columns.get(0), columns.get(1));
    }
}
