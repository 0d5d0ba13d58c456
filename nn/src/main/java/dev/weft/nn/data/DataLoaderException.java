package dev.weft.nn.data;

/**
 * A batch could not be made: carries the epoch and batch index, and the dataset's or collate
 * function's exception as the cause (rethrown on the consumer's thread when a worker made it).
 */
public final class DataLoaderException extends RuntimeException {
    /** The epoch the batch belongs to. */
    private final int epoch;
    /** The batch's index within its epoch. */
    private final int batchIndex;

    /**
     * An error while making a batch; the message is prefixed with "DataLoader: epoch E, batch B: ".
     *
     * @param epoch the epoch the batch belongs to
     * @param batchIndex the batch's index within its epoch
     * @param message what went wrong
     * @param cause the dataset's or collate function's exception
     */
    public DataLoaderException(int epoch, int batchIndex, String message, Throwable cause) {
        super("DataLoader: epoch " + epoch + ", batch " + batchIndex + ": " + message, cause);
        this.epoch = epoch;
        this.batchIndex = batchIndex;
    }

    /** {@return the epoch the batch belongs to} */
    public int epoch() {
        return epoch;
    }

    /** {@return the batch's index within its epoch} */
    public int batchIndex() {
        return batchIndex;
    }
}
