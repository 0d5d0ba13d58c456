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

    /** (B samples of shape S) -> (B, S...). */
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

    /** Samples (x_j for {@code j < K}) -> K stacked tensors: column j is stack of every sample's x_j. */
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

    /** Two-tensor samples (x, y) -> Batch(stack of x, stack of y). */
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
