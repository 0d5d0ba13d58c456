package dev.weft.nn.data;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset over whole tensors that share dim 0: sample i is (t0[i], t1[i], ...), each a view
 * (t.select(0, i)). The loader gathers whole batches with indexSelect instead of stacking samples
 * ({@link #rows}).
 */
public final class TensorDataset implements Dataset<List<Tensor>> {
    private final List<Tensor> tensors;
    private final int size;

    /**
     * A dataset over the rows of tensors.
     *
     * @param tensors at least one, each (N, ...) with the same N; not copied
     * @throws IllegalArgumentException if there is none, one is a scalar, or their dim 0 sizes differ
     */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) throw new IllegalArgumentException("TensorDataset: needs at least one tensor");
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i].dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: tensor " + i + " is a scalar (shape ()); each tensor needs a dim 0 of samples");
            }
            if (tensors[i].size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("TensorDataset: size mismatch between tensors: tensor 0 "
                        + Shape.format(tensors[0].shape()) + " has " + tensors[0].size(0) + " samples, tensor " + i + " "
                        + Shape.format(tensors[i].shape()) + " has " + tensors[i].size(0));
            }
        }
        this.tensors = List.of(tensors);
        this.size = tensors[0].size(0);
    }

    @Override
    public int size() {
        return size;
    }

    /** (t0[index], t1[index], ...): views of one row of each tensor. */
    @Override
    public List<Tensor> get(int index) {
        Dataset.checkIndex("TensorDataset", index, size);
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) out.add(t.select(0, index));
        return List.copyOf(out);
    }

    /** {@return the tensors, in order (not copied)} */
    public List<Tensor> tensors() {
        return tensors;
    }

    /**
     * The rows at {@code indices} of every tensor, gathered in one indexSelect per tensor:
     * t_j (N, ...) becomes (indices.length, ...). Equal to stacking get(i) over the indices.
     *
     * @param indices the sample indices, each in [0, size())
     * @return one gathered tensor per column
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public List<Tensor> rows(int[] indices) {
        long[] idx = new long[indices.length];
        for (int k = 0; k < indices.length; k++) {
            Dataset.checkIndex("TensorDataset", indices[k], size);
            idx[k] = indices[k];
        }
        Tensor index = Tensor.of(idx);
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) out.add(t.indexSelect(0, index));
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TensorDataset(size=").append(size);
        for (Tensor t : tensors) sb.append(", ").append(Arrays.toString(t.shape())).append(' ').append(t.dtype());
        return sb.append(')').toString();
    }
}
