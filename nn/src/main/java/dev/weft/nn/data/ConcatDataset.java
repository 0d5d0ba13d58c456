package dev.weft.nn.data;

import java.util.Arrays;
import java.util.List;

/**
 * Datasets one after another: indices 0..size(d0)-1 reach d0, the next size(d1) reach d1, and so on.
 * A lookup is a binary search over the cumulative sizes (fixed at construction: the parts must not
 * change size afterwards).
 *
 * @param <T> the sample type
 */
public final class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<? extends T>> parts;
    private final long[] ends;

    /**
     * Concatenates a list of datasets.
     *
     * @param parts the datasets in order, at least one; their total size must fit an int
     * @throws IllegalArgumentException if parts is empty or the total size is too large
     */
    public ConcatDataset(List<? extends Dataset<? extends T>> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("ConcatDataset: needs at least one dataset");
        this.parts = List.copyOf(parts);
        this.ends = new long[parts.size()];
        long total = 0;
        for (int i = 0; i < parts.size(); i++) {
            total += parts.get(i).size();
            ends[i] = total;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ConcatDataset: total size " + total + " exceeds " + Integer.MAX_VALUE);
        }
    }

    /**
     * Concatenates datasets given as arguments.
     *
     * @param parts the datasets in order, at least one; their total size must fit an int
     * @throws IllegalArgumentException if parts is empty or the total size is too large
     */
    @SafeVarargs
    public ConcatDataset(Dataset<? extends T>... parts) {
        this(Arrays.asList(parts));
    }

    @Override
    public int size() {
        return (int) ends[ends.length - 1];
    }

    @Override
    public T get(int index) {
        Dataset.checkIndex("ConcatDataset", index, size());
        int part = Arrays.binarySearch(ends, index);
        // an exact hit means index is the first element of the next part
        part = part >= 0 ? part + 1 : -part - 1;
        long start = part == 0 ? 0 : ends[part - 1];
        return parts.get(part).get((int) (index - start));
    }

    /** {@return the parts, in order} */
    public List<Dataset<? extends T>> parts() {
        return parts;
    }

    @Override
    public String toString() {
        return "ConcatDataset(size=" + size() + ", parts=" + parts.size() + ")";
    }
}
