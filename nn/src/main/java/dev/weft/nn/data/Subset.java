package dev.weft.nn.data;

import java.util.Arrays;

/**
 * The samples of a dataset at given indices, in that order: subset.get(i) = dataset.get(indices[i]).
 * Indices are checked against the dataset's size when the subset is made.
 *
 * @param <T> the sample type
 */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    /**
     * The samples of a dataset at given indices.
     *
     * @param dataset the underlying dataset
     * @param indices each in [0, dataset.size()); repeats allowed; copied
     * @throws IndexOutOfBoundsException naming the first index out of range
     */
    public Subset(Dataset<T> dataset, int[] indices) {
        this.dataset = dataset;
        this.indices = indices.clone();
        int n = dataset.size();
        for (int k = 0; k < this.indices.length; k++) {
            if (this.indices[k] < 0 || this.indices[k] >= n) {
                throw new IndexOutOfBoundsException("Subset: indices[" + k + "] = " + this.indices[k]
                        + " out of range for a dataset of size " + n);
            }
        }
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public T get(int index) {
        Dataset.checkIndex("Subset", index, indices.length);
        return dataset.get(indices[index]);
    }

    /** {@return the underlying dataset} */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** {@return the indices into {@link #dataset()} (a copy)} */
    public int[] indices() {
        return indices.clone();
    }

    /** dataset indices of the given subset positions (each checked). */
    int[] map(int[] positions) {
        int[] out = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            Dataset.checkIndex("Subset", positions[k], indices.length);
            out[k] = indices[positions[k]];
        }
        return out;
    }

    @Override
    public String toString() {
        return "Subset(size=" + indices.length + ", of=" + dataset + ", first="
                + Arrays.toString(Arrays.copyOf(indices, Math.min(8, indices.length))) + ")";
    }
}
