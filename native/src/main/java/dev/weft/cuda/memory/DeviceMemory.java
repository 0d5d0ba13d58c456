package dev.weft.cuda.memory;

/**
 * The raw device allocator under {@link CachingAllocator}: cuMemAlloc/cuMemFree on a GPU, a fake in tests.
 * Addresses are opaque 64-bit values; 0 is never a valid block.
 */
public interface DeviceMemory {
    /** A new block of exactly bytes (> 0) bytes; {@link OutOfDeviceMemoryException} when the device is full. */
    long allocate(long bytes);

    /** Returns a block from {@link #allocate}. */
    void free(long address);

    /** Names the device in messages, e.g. "cuda:0". */
    String name();
}
