package dev.weft.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the Java heap by all threads of this JVM so far (HotSpot's per-thread allocation
 * counters, {@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}), for "bytes allocated
 * per step" metrics: read it before and after the timed work. -1 where the JVM does not count.
 */
public final class Allocation {
    private Allocation() {}

    /** Total bytes allocated by every thread, live or ended; -1 if unsupported. */
    public static long totalBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
            return t.getTotalThreadAllocatedBytes();
        }
        return -1;
    }
}
