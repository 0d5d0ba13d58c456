package dev.weft.nn.data;

/**
 * A batch could not be made: carries the epoch and batch index, and the dataset's or collate
 * function's exception as the cause (rethrown on the consumer's thread when a worker made it).
 */
public final class DataLoaderException extends RuntimeException {
    private final int epoch;
    private final int batchIndex;

    public DataLoaderException(int epoch, int batchIndex, String message, Throwable cause) {
        super("DataLoader: epoch " + epoch + ", batch " + batchIndex + ": " + message, cause);
        this.epoch = epoch;
        this.batchIndex = batchIndex;
    }

    public int epoch() {
        return epoch;
    }

    public int batchIndex() {
        return batchIndex;
    }
}
