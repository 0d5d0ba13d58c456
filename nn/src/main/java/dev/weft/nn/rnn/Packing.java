package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import java.util.Arrays;

/**
 * torch.nn.utils.rnn's packing of variable-length batches: {@link #packPaddedSequence} turns a padded
 * (T, B, *) batch and its lengths into a {@link PackedSequence}, {@link #padPackedSequence} turns one back
 * into a padded batch (positions past a sequence's length hold the padding value) and the lengths. Both are
 * one indexSelect, so gradients flow through them.
 */
public final class Packing {
    private Packing() {}

    /**
     * What {@link #padPackedSequence} returns: the padded batch and each sequence's length (I64 (B)).
     *
     * @param output  the padded batch (T, B, *), or (B, T, *) when batchFirst
     * @param lengths each sequence's length, I64 (B), in the original batch order
     */
    public record Padded(Tensor output, Tensor lengths) {}

    /**
     * torch.nn.utils.rnn.pack_padded_sequence. input: (T, B, *), or (B, T, *) when batchFirst; lengths: B
     * values in 1..T. enforceSorted: lengths must be non-increasing and the batch order is kept (no sorted
     * indices); otherwise the batch is sorted by decreasing length (stably) and the permutation recorded.
     *
     * @param input         the padded batch (T, B, *), or (B, T, *) when batchFirst
     * @param lengths       each sequence's length, B values in 1..T
     * @param batchFirst    whether input is (B, T, *)
     * @param enforceSorted require non-increasing lengths and keep the batch order
     * @return the packed sequence
     * @throws IllegalArgumentException if the lengths do not fit input or are unsorted under enforceSorted
     */
    public static PackedSequence packPaddedSequence(Tensor input, long[] lengths, boolean batchFirst, boolean enforceSorted) {
        String op = "packPaddedSequence";
        if (input == null || lengths == null) throw new IllegalArgumentException(op + ": input and lengths must not be null");
        if (input.dim() < 2) {
            throw new IllegalArgumentException(op + ": input " + Shape.format(input.shape()) + " must have at least 2 dims ("
                    + (batchFirst ? "B, T" : "T, B") + ", *)");
        }
        int T = input.size(batchFirst ? 1 : 0), B = input.size(batchFirst ? 0 : 1);
        if (lengths.length != B) {
            throw new IllegalArgumentException(op + ": input " + Shape.format(input.shape()) + " has batch size " + B + " but "
                    + lengths.length + " lengths were given");
        }
        for (int b = 0; b < B; b++) {
            if (lengths[b] < 1 || lengths[b] > T) {
                throw new IllegalArgumentException(op + ": lengths " + Arrays.toString(lengths) + ": every length must be in 1.."
                        + T + " (the padded length of input " + Shape.format(input.shape()) + ")");
            }
            if (enforceSorted && b > 0 && lengths[b] > lengths[b - 1]) {
                throw new IllegalArgumentException(op + ": lengths " + Arrays.toString(lengths) + " must be sorted in decreasing "
                        + "order when enforceSorted is true; pass enforceSorted=false to have them sorted");
            }
        }
        int[] order = sortedOrder(lengths, enforceSorted);
        int maxLen = (int) lengths[order[0]];
        int[] batchSizes = new int[maxLen];
        for (long l : lengths) for (int t = 0; t < l; t++) batchSizes[t]++;
        long[] idx = new long[Arrays.stream(batchSizes).sum()];
        for (int t = 0, k = 0; t < maxLen; t++) {
            for (int j = 0; j < batchSizes[t]; j++) idx[k++] = batchFirst ? (long) order[j] * T + t : (long) t * B + order[j];
        }
        Tensor data = input.flatten(0, 1).indexSelect(0, Tensor.of(idx));
        if (enforceSorted) return new PackedSequence(data, batchSizes, null, null);
        long[] sorted = new long[B], unsorted = new long[B];
        for (int j = 0; j < B; j++) {
            sorted[j] = order[j];
            unsorted[order[j]] = j;
        }
        return new PackedSequence(data, batchSizes, Tensor.of(sorted), Tensor.of(unsorted));
    }

    /**
     * {@link #packPaddedSequence(Tensor, long[], boolean, boolean)} with lengths as an integer tensor (B).
     *
     * @param input         the padded batch (T, B, *), or (B, T, *) when batchFirst
     * @param lengths       each sequence's length, a 1-d integer tensor (B)
     * @param batchFirst    whether input is (B, T, *)
     * @param enforceSorted require non-increasing lengths and keep the batch order
     * @return the packed sequence
     * @throws IllegalArgumentException if lengths is not a 1-d integer tensor, or as the overload above
     */
    public static PackedSequence packPaddedSequence(Tensor input, Tensor lengths, boolean batchFirst, boolean enforceSorted) {
        if (lengths == null || lengths.dim() != 1 || lengths.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("packPaddedSequence: lengths must be a 1-d integer tensor, got "
                    + (lengths == null ? "null" : Shape.format(lengths.shape()) + " " + lengths.dtype()));
        }
        return packPaddedSequence(input, lengths.to(DType.I64).toLongArray(), batchFirst, enforceSorted);
    }

    /** Batch positions by decreasing length, ties in batch order (the identity when the lengths are sorted). */
    private static int[] sortedOrder(long[] lengths, boolean keep) {
        Integer[] o = new Integer[lengths.length];
        for (int i = 0; i < o.length; i++) o[i] = i;
        if (!keep) Arrays.sort(o, (a, b) -> Long.compare(lengths[b], lengths[a]));
        int[] r = new int[o.length];
        for (int i = 0; i < r.length; i++) r[i] = o[i];
        return r;
    }

    /**
     * torch.nn.utils.rnn.pad_packed_sequence: the padded batch (T, B, *) ((B, T, *) when batchFirst) in the
     * original batch order, T = totalLength or, when that is null, the longest length; entries past a
     * sequence's length are paddingValue. Returns it with the lengths.
     *
     * @param sequence     the packed batch
     * @param batchFirst   whether to return (B, T, *)
     * @param paddingValue the value past each sequence's end
     * @param totalLength  the padded length T, or null for the longest length
     * @return the padded batch and the lengths
     * @throws IllegalArgumentException if totalLength is shorter than the longest sequence
     */
    public static Padded padPackedSequence(PackedSequence sequence, boolean batchFirst, double paddingValue, Integer totalLength) {
        int[] bs = sequence.batchSizes();
        int maxLen = bs.length, B = bs[0], T = totalLength == null ? maxLen : totalLength;
        if (T < maxLen) {
            throw new IllegalArgumentException("padPackedSequence: totalLength " + T + " is shorter than the longest sequence ("
                    + maxLen + " steps)");
        }
        Tensor data = sequence.data();
        int n = data.size(0);
        long[] sortedPos = new long[B];                       // original batch index -> sorted position
        if (sequence.unsortedIndices() == null) for (int b = 0; b < B; b++) sortedPos[b] = b;
        else sortedPos = sequence.unsortedIndices().toLongArray();
        int[] offset = new int[maxLen + 1];
        for (int t = 0; t < maxLen; t++) offset[t + 1] = offset[t] + bs[t];
        long[] idx = new long[T * B], lengths = new long[B];
        for (int b = 0; b < B; b++) {
            int j = (int) sortedPos[b];
            for (int t = 0; t < T; t++) {
                boolean in = t < maxLen && j < bs[t];
                if (in) lengths[b]++;
                idx[batchFirst ? b * T + t : t * B + b] = in ? offset[t] + j : n;
            }
        }
        int[] row = Shape.remove(data.shape(), 0), one = new int[row.length + 1];
        one[0] = 1;
        System.arraycopy(row, 0, one, 1, row.length);
        Tensor pad = Tensor.full(paddingValue, data.dtype(), one).to(data.device());
        Tensor padded = Tensor.cat(new Tensor[] {data, pad}, 0).indexSelect(0, Tensor.of(idx));
        int[] shape = new int[row.length + 2];
        shape[0] = batchFirst ? B : T;
        shape[1] = batchFirst ? T : B;
        System.arraycopy(row, 0, shape, 2, row.length);
        return new Padded(padded.reshape(shape), Tensor.of(lengths));
    }

    /**
     * Time-major, zero padding, the longest length.
     *
     * @param sequence the packed batch
     * @return the padded batch (T, B, *) and the lengths
     */
    public static Padded padPackedSequence(PackedSequence sequence) {
        return padPackedSequence(sequence, false, 0.0, null);
    }
}
