package dev.weft.cuda.memory;

/** The device could not provide a block, even after the allocator released every cached one. */
public final class OutOfDeviceMemoryException extends RuntimeException {
    public OutOfDeviceMemoryException(String message) {
        super(message);
    }
}
