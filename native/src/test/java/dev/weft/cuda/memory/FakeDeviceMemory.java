package dev.weft.cuda.memory;

import java.util.HashMap;
import java.util.Map;

/** A device with a fixed capacity for allocator tests: hands out increasing fake addresses and checks frees. */
final class FakeDeviceMemory implements DeviceMemory {
    private final long capacity;
    private final Map<Long, Long> live = new HashMap<>();
    private long next = 0x1000;
    private long used;
    int allocations;
    int frees;

    FakeDeviceMemory(long capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized long allocate(long bytes) {
        if (bytes <= 0) throw new IllegalArgumentException("fake device: size " + bytes);
        if (used + bytes > capacity) throw new OutOfDeviceMemoryException("fake device full: " + used + " + " + bytes + " > " + capacity);
        long a = next;
        next += bytes;
        live.put(a, bytes);
        used += bytes;
        allocations++;
        return a;
    }

    @Override
    public synchronized void free(long address) {
        Long size = live.remove(address);
        if (size == null) throw new IllegalStateException("fake device: free of unknown or freed address " + address);
        used -= size;
        frees++;
    }

    synchronized long used() {
        return used;
    }

    synchronized int liveBlocks() {
        return live.size();
    }

    @Override
    public String name() {
        return "fake:0";
    }
}
