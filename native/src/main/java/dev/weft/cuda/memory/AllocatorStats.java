package dev.weft.cuda.memory;

/**
 * A snapshot of a {@link CachingAllocator}: bytes held by live blocks (allocated, rounded to size classes),
 * bytes kept for reuse (cached), the most ever allocated at once (peak), and counters: requests, requests
 * served from the cache (hits), and calls into the device allocator (device allocations and frees).
 *
 * @param allocatedBytes bytes held by live blocks, rounded up to their size classes
 * @param cachedBytes bytes of freed blocks kept for reuse
 * @param peakAllocatedBytes the largest allocatedBytes seen
 * @param requests allocation requests made
 * @param cacheHits requests served from the cache
 * @param deviceAllocations calls into the device allocator
 * @param deviceFrees blocks returned to the device
 */
public record AllocatorStats(long allocatedBytes, long cachedBytes, long peakAllocatedBytes, long requests, long cacheHits,
                             long deviceAllocations, long deviceFrees) {
    /** {@return bytes the allocator holds from the device: allocated + cached} */
    public long reservedBytes() {
        return allocatedBytes + cachedBytes;
    }

    @Override
    public String toString() {
        return String.format("allocated %s, cached %s, peak %s (%d requests, %d from cache, %d device allocations)",
                mib(allocatedBytes), mib(cachedBytes), mib(peakAllocatedBytes), requests, cacheHits, deviceAllocations);
    }

    private static String mib(long b) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", b / 1048576.0);
    }
}
