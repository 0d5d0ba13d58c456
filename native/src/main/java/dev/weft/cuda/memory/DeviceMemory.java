package dev.weft.cuda.memory;

/**
 * The raw device allocator under {@link CachingAllocator}: cuMemAlloc/cuMemFree on a GPU, a fake in tests.
 * Addresses are opaque 64-bit values; 0 is never a valid block.
 */
public interface DeviceMemory {
    /**
     * A new block of exactly the given size.
     *
     * @param bytes the size, more than 0
     * @return the block's address, never 0
     * @throws OutOfDeviceMemoryException when the device is full
     */
    long allocate(long bytes);

    /**
     * Returns a block from {@link #allocate}.
     *
     * @param address the block's address
     */
    void free(long address);

    /** {@return the device's name for messages, e.g. "cuda:0"} */
    String name();
}
