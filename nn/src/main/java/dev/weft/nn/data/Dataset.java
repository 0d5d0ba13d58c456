package dev.weft.nn.data;

/**
 * A map-style dataset: a fixed number of samples reached by index 0..size()-1. Implementations must
 * give the same sample for the same index every time (the loader may call get from worker threads, so
 * get must also be safe to call concurrently).
 *
 * @param <T> the sample type (for {@link TensorDataset}: one tensor per column, as a List)
 */
public interface Dataset<T> {
    /** {@return the number of samples} */
    int size();

    /**
     * The sample at an index.
     *
     * @param index the sample's index, {@code 0 <= index < size()}
     * @return the sample
     * @throws IndexOutOfBoundsException if index is out of range
     */
    T get(int index);

    /**
     * Throws the loader-wide error for an index outside [0, size): names the dataset and both numbers.
     *
     * @param what the dataset's name for the message
     * @param index the index asked for
     * @param size the dataset's size
     * @throws IndexOutOfBoundsException if index is out of range
     */
    static void checkIndex(String what, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(what + ": index " + index + " out of range for size " + size);
        }
    }
}
