package dev.weft.cuda.memory;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * A caching device allocator: requests round up to {@link SizeClasses}; a freed block goes to the free list
 * of its class and serves the next request of that class without a device call (cuMemAlloc and cuMemFree
 * synchronize the device, so this keeps them off the op path). When the device is full the allocator
 * releases every cached block and tries once more; if that fails too, it runs the garbage collector so the
 * Cleaner returns the blocks of storage nobody references any more, waits for them (at most about half a
 * second), and tries a last time. {@link #emptyCache()} returns the cache to the device on
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

    /**
     * An empty allocator over a raw device allocator.
     *
     * @param device where new blocks come from and cached ones go back to
     */
    public CachingAllocator(DeviceMemory device) {
        this.device = device;
    }

    /**
     * A block of at least bytes bytes (a zero-byte request still gets the smallest block). When the device is
     * full even after the cache went back, the garbage collector's Cleaner gets one chance to return the blocks
     * of unreachable storage (tensors dropped without close()) before the out-of-memory error.
     *
     * @param bytes the size asked for, at least 0; rounded up to its size class
     * @return the block
     * @throws OutOfDeviceMemoryException when the device stays full
     * @throws IllegalArgumentException if bytes is negative
     */
    public DeviceBlock allocate(long bytes) {
        try {
            return allocateOnce(bytes);
        } catch (OutOfDeviceMemoryException e) {
            if (!collectUnreachable()) throw e;
            return allocateOnce(bytes);
        }
    }

    /**
     * Runs the GC and waits (outside the lock: the Cleaner's releases take it) until blocks stop coming back,
     * at most about 0.5 s. True if any block came back.
     */
    private boolean collectUnreachable() {
        long before;
        synchronized (this) {
            before = allocated;
        }
        System.gc();
        long last = before;
        int quiet = 0;
        for (int i = 0; i < 50 && quiet < 3; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now;
            synchronized (this) {
                now = allocated;
            }
            quiet = now < last ? 0 : (now < before ? quiet + 1 : quiet);
            last = now;
        }
        return last < before;
    }

    private DeviceBlock allocateOnce(long bytes) {
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

    /** {@return the current statistics} */
    public synchronized AllocatorStats stats() {
        return new AllocatorStats(allocated, cached, peak, requests, hits, deviceAllocations, deviceFrees);
    }

    /** Resets the peak to the current allocation (torch.cuda.reset_peak_memory_stats). */
    public synchronized void resetPeak() {
        peak = allocated;
    }

    /** {@return the device memory under this allocator} */
    public DeviceMemory device() {
        return device;
    }
}
