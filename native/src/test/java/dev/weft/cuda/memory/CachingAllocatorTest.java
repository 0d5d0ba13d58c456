package dev.weft.cuda.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CachingAllocatorTest {
    private static final long MIB = 1L << 20;

    @Test
    void sizeClassesRoundUpToPowersOfTwoThenTwoMibGranules() {
        assertEquals(512, SizeClasses.round(0));
        assertEquals(512, SizeClasses.round(1));
        assertEquals(512, SizeClasses.round(512));
        assertEquals(1024, SizeClasses.round(513));
        assertEquals(4096, SizeClasses.round(4000));
        assertEquals(MIB, SizeClasses.round(MIB));
        assertEquals(2 * MIB, SizeClasses.round(MIB + 1));
        assertEquals(4 * MIB, SizeClasses.round(2 * MIB + 1));
        assertEquals(10 * MIB, SizeClasses.round(9 * MIB + 17));
        assertThrows(IllegalArgumentException.class, () -> SizeClasses.round(-1));
        for (long b = 0; b < 5 * MIB; b += 12345) assertTrue(SizeClasses.round(b) >= b, "class below request " + b);
    }

    @Test
    void aClosedBlockServesTheNextRequestOfItsClass() {
        FakeDeviceMemory dev = new FakeDeviceMemory(64 * MIB);
        CachingAllocator a = new CachingAllocator(dev);
        DeviceBlock b1 = a.allocate(3000);
        long addr = b1.address();
        assertEquals(4096, b1.size());
        b1.close();
        assertEquals(4096, a.stats().cachedBytes());
        assertEquals(0, a.stats().allocatedBytes());
        DeviceBlock b2 = a.allocate(4096);
        assertEquals(addr, b2.address(), "same class must reuse the cached block");
        assertEquals(1, dev.allocations);
        assertEquals(1, a.stats().cacheHits());
        DeviceBlock b3 = a.allocate(5000);
        assertNotEquals(addr, b3.address());
        assertEquals(2, dev.allocations);
        assertEquals(8192 + 4096, a.stats().allocatedBytes());
    }

    @Test
    void closeIsIdempotentAndAReleasedBlockHasNoAddress() {
        CachingAllocator a = new CachingAllocator(new FakeDeviceMemory(MIB));
        DeviceBlock b = a.allocate(100);
        b.close();
        b.close();
        assertEquals(512, a.stats().cachedBytes());
        assertTrue(b.released());
        assertThrows(IllegalStateException.class, b::address);
    }

    @Test
    void emptyCacheReturnsCachedBlocksOnlyAndPeakTracksTheMaximum() {
        FakeDeviceMemory dev = new FakeDeviceMemory(64 * MIB);
        CachingAllocator a = new CachingAllocator(dev);
        DeviceBlock keep = a.allocate(MIB);
        DeviceBlock x = a.allocate(3 * MIB);
        DeviceBlock y = a.allocate(1000);
        assertEquals(MIB + 4 * MIB + 1024, a.stats().peakAllocatedBytes());
        x.close();
        y.close();
        assertEquals(4 * MIB + 1024, a.stats().cachedBytes());
        a.emptyCache();
        AllocatorStats s = a.stats();
        assertEquals(0, s.cachedBytes());
        assertEquals(MIB, s.allocatedBytes());
        assertEquals(MIB + 4 * MIB + 1024, s.peakAllocatedBytes());
        assertEquals(2, s.deviceFrees());
        assertEquals(1, dev.liveBlocks());
        assertEquals(MIB, dev.used());
        a.resetPeak();
        assertEquals(MIB, a.stats().peakAllocatedBytes());
        keep.close();
    }

    @Test
    void aFullDeviceFirstGetsTheCacheBackThenFailsNamingSizes() {
        FakeDeviceMemory dev = new FakeDeviceMemory(8 * MIB);
        CachingAllocator a = new CachingAllocator(dev);
        DeviceBlock big = a.allocate(6 * MIB);
        big.close();
        DeviceBlock other = a.allocate(4 * MIB);   // another class: only fits after the cached 6 MiB is freed
        assertEquals(1, a.stats().deviceFrees());
        assertEquals(0, a.stats().cachedBytes());
        OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class, () -> a.allocate(6 * MIB));
        assertTrue(e.getMessage().contains("fake:0") && e.getMessage().contains(String.valueOf(6 * MIB)), e.getMessage());
        assertEquals(4 * MIB, a.stats().allocatedBytes(), "a failed request must leave the books unchanged");
        other.close();
    }

    @Test
    void theCleanerReturnsABlockNobodyClosed() throws InterruptedException {
        CachingAllocator a = new CachingAllocator(new FakeDeviceMemory(MIB));
        allocateAndDrop(a);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (a.stats().allocatedBytes() != 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0, a.stats().allocatedBytes(), "the Cleaner did not return an unreachable block");
        assertEquals(2048, a.stats().cachedBytes());
    }

    private static void allocateAndDrop(CachingAllocator a) {
        a.allocate(2000);
    }

    @Test
    void whenTheDeviceIsFullTheCleanerReturnsUnreachableBlocksBeforeTheError() {
        FakeDeviceMemory dev = new FakeDeviceMemory(4 * MIB);
        CachingAllocator a = new CachingAllocator(dev);
        for (int i = 0; i < 3; i++) a.allocate(3 * MIB);   // each dropped without close(): only the GC finds them
        assertEquals(4 * MIB, a.stats().peakAllocatedBytes());
        DeviceBlock kept = a.allocate(3 * MIB);
        assertEquals(4 * MIB, a.stats().allocatedBytes(), "only the live block is counted: " + a.stats());
        assertThrows(OutOfDeviceMemoryException.class, () -> a.allocate(3 * MIB), "a live block is never reclaimed");
        kept.close();
    }
}
