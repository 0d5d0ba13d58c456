package dev.weft.cuda.memory;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * A caching device allocator: requests round up to {@link SizeClasses}; a freed block goes to the free list
 * of its class and serves the next request of that class without a device call (cuMemAlloc and cuMemFree
 * synchronize the device, so this keeps them off the op path). When the device is full the allocator
 * releases every cached block and tries once more. {@link #emptyCache()} returns the cache to the device on
 * demand. Blocks are freed deterministically by {@link DeviceBlock#close()}, by a Cleaner as the safety net.
 * Thread-safe (one lock; the calls are short).
 */
public final class CachingAllocator {
    private static final Cleaner CLEANER = Cleaner.create();

    private final DeviceMemory device;
    private final TreeMap<Long, ArrayDeque<Long>> free = new TreeMap<>();
    private long allocated;
    private long cached;
    private long peak;
    private long requests;
    private long hits;
    private long deviceAllocations;
    private long deviceFrees;

    public CachingAllocator(DeviceMemory device) {
        this.device = device;
    }

    /** A block of at least bytes bytes (a zero-byte request still gets the smallest block). */
    public DeviceBlock allocate(long bytes) {
        long size = SizeClasses.round(bytes);
        long address;
        synchronized (this) {
            requests++;
            ArrayDeque<Long> list = free.get(size);
            if (list != null && !list.isEmpty()) {
                address = list.pop();
                if (list.isEmpty()) free.remove(size);
                cached -= size;
                hits++;
            } else {
                address = fromDevice(size, bytes);
            }
            allocated += size;
            peak = Math.max(peak, allocated);
        }
        return new DeviceBlock(this, address, size, bytes, CLEANER);
    }

    private long fromDevice(long size, long bytes) {
        try {
            long a = device.allocate(size);
            deviceAllocations++;
            return a;
        } catch (OutOfDeviceMemoryException first) {
            if (cached == 0) throw oom(bytes, size, first);
            releaseCached();
            try {
                long a = device.allocate(size);
                deviceAllocations++;
                return a;
            } catch (OutOfDeviceMemoryException second) {
                throw oom(bytes, size, second);
            }
        }
    }

    private OutOfDeviceMemoryException oom(long bytes, long size, RuntimeException cause) {
        OutOfDeviceMemoryException e = new OutOfDeviceMemoryException("cuda: out of memory on " + device.name() + " allocating "
                + bytes + " bytes (block " + size + "): " + stats() + "; free tensors or use smaller batches");
        e.initCause(cause);
        return e;
    }

    /** Called by a block's release: the block goes to its class's free list. */
    synchronized void release(long address, long size) {
        allocated -= size;
        cached += size;
        free.computeIfAbsent(size, k -> new ArrayDeque<>()).push(address);
    }

    /** Frees every cached block on the device (torch.cuda.empty_cache); live blocks are untouched. */
    public synchronized void emptyCache() {
        releaseCached();
    }

    private void releaseCached() {
        for (Map.Entry<Long, ArrayDeque<Long>> e : free.entrySet()) {
            for (long a : e.getValue()) {
                device.free(a);
                deviceFrees++;
            }
        }
        free.clear();
        cached = 0;
    }

    /** The current statistics. */
    public synchronized AllocatorStats stats() {
        return new AllocatorStats(allocated, cached, peak, requests, hits, deviceAllocations, deviceFrees);
    }

    /** Resets the peak to the current allocation (torch.cuda.reset_peak_memory_stats). */
    public synchronized void resetPeak() {
        peak = allocated;
    }

    /** The device memory under this allocator. */
    public DeviceMemory device() {
        return device;
    }
}
