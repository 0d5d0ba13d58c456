package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import java.util.Arrays;

/**
 * torch.nn.utils.rnn.PackedSequence: a batch of sequences of different lengths, sorted by decreasing
 * length and stored step by step. Step t holds the batchSizes[t] sequences still running, in sorted order,
 * as consecutive rows of data; the recurrent layers compute exactly those rows, so each sequence's state
 * stops at its own last step. Made by {@link Packing#packPaddedSequence}, undone by
 * {@link Packing#padPackedSequence}.
 *
 * @param data            (N, *) with N = sum of batchSizes: the rows of step 0, then step 1, ...
 * @param batchSizes      sequences running at each step, non-increasing, all > 0; batchSizes[0] = B
 * @param sortedIndices   I64 (B): sortedIndices[j] = the original batch index of sorted position j, or null
 *                        when the batch was already sorted (enforceSorted)
 * @param unsortedIndices I64 (B): the inverse permutation (original index -> sorted position), or null
 */
public record PackedSequence(Tensor data, int[] batchSizes, Tensor sortedIndices, Tensor unsortedIndices) {
    /**
     * Checks the packing and copies batchSizes.
     *
     * @throws IllegalArgumentException if data or batchSizes is null, batchSizes is empty, not positive or increasing,
     *         data does not have sum(batchSizes) rows, only one of the index tensors is given, or one is not I64 (B)
     */
    public PackedSequence {
        if (data == null || batchSizes == null) throw new IllegalArgumentException("PackedSequence: data and batchSizes must not be null");
        batchSizes = batchSizes.clone();
        if (batchSizes.length == 0) throw new IllegalArgumentException("PackedSequence: batchSizes must have at least one step");
        long n = 0;
        for (int t = 0; t < batchSizes.length; t++) {
            if (batchSizes[t] <= 0 || (t > 0 && batchSizes[t] > batchSizes[t - 1])) {
                throw new IllegalArgumentException("PackedSequence: batchSizes " + Arrays.toString(batchSizes)
                        + " must be positive and non-increasing");
            }
            n += batchSizes[t];
        }
        if (data.dim() < 1 || data.size(0) != n) {
            throw new IllegalArgumentException("PackedSequence: data " + Shape.format(data.shape()) + " must have sum(batchSizes) = "
                    + n + " rows");
        }
        if ((sortedIndices == null) != (unsortedIndices == null)) {
            throw new IllegalArgumentException("PackedSequence: give both sortedIndices and unsortedIndices, or neither");
        }
        int B = batchSizes[0];
        for (Tensor ix : new Tensor[] {sortedIndices, unsortedIndices}) {
            if (ix != null && (ix.dtype() != DType.I64 || !Arrays.equals(ix.shape(), new int[] {B}))) {
                throw new IllegalArgumentException("PackedSequence: sorted/unsorted indices must be I64 of shape (" + B + "), got "
                        + Shape.format(ix.shape()) + " " + ix.dtype());
            }
        }
    }

    /** {@return the sequences running at each step, a copy} */
    @Override
    public int[] batchSizes() {
        return batchSizes.clone();
    }

    /** {@return the number of sequences B (batchSizes[0])} */
    public int batchSize() {
        return batchSizes[0];
    }

    /**
     * The same sequences with other data of the same rows (a layer's output over this packing).
     *
     * @param newData the new rows (N, *), N = sum of batchSizes
     * @return a packed sequence with newData and this packing
     */
    public PackedSequence withData(Tensor newData) {
        return new PackedSequence(newData, batchSizes, sortedIndices, unsortedIndices);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedSequence p && p.data == data && Arrays.equals(p.batchSizes, batchSizes)
                && p.sortedIndices == sortedIndices && p.unsortedIndices == unsortedIndices;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(data) * 31 + Arrays.hashCode(batchSizes);
    }

    @Override
    public String toString() {
        return "PackedSequence(data=" + Shape.format(data.shape()) + " " + data.dtype() + ", batchSizes=" + Arrays.toString(batchSizes)
                + (sortedIndices == null ? "" : ", sorted") + ")";
    }
}
