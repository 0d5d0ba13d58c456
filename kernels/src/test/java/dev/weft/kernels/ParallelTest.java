package dev.weft.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int saved = Parallel.threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(saved);
    }

    @Test
    void forEachRunsEveryTaskExactlyOnce() {
        Parallel.setThreads(3);
        AtomicIntegerArray hits = new AtomicIntegerArray(17);
        Parallel.forEach(17, t -> hits.incrementAndGet(t));
        for (int t = 0; t < 17; t++) assertEquals(1, hits.get(t), "task " + t);
    }

    @Test
    void forRangeChunksCoverTheRangeWithBoundariesFixedBySizeAndThreads() {
        Parallel.setThreads(2);
        int[] owner = new int[1000];
        Parallel.forRange(1000, 100, (from, to) -> {
            for (int i = from; i < to; i++) owner[i] = from;
        });
        int[] expected = new int[1000];
        for (int i = 0; i < 1000; i++) expected[i] = i < 500 ? 0 : 500;
        assertArrayEquals(expected, owner);
    }

    @Test
    void aWorkersExceptionKeepsItsTypeAndMessage() {
        Parallel.setThreads(2);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Parallel.forEach(4, t -> {
                    if (t == 3) throw new IndexOutOfBoundsException("gather: index 7 out of range for dim of size 5");
                }));
        assertEquals("gather: index 7 out of range for dim of size 5", e.getMessage());
    }

    @Test
    void badThreadCountIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertEquals("Parallel.setThreads: must be >= 1, got 0", e.getMessage());
    }
}
