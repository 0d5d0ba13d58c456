package dev.weft.cuda.memory;

/** The device could not provide a block, even after the allocator released every cached one. */
public final class OutOfDeviceMemoryException extends RuntimeException {
    /**
     * An out-of-memory error.
     *
     * @param message what failed (the caching allocator names the device, the size asked for and what it held)
     */
    public OutOfDeviceMemoryException(String message) {
        super(message);
    }
}
