package dev.weft.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared pool: coverage, fixed chunking, determinism, errors, nesting, concurrent callers, idle parking. */
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
    void forRowsHandsOutWholeRowsOfAtLeastTheGrain() {
        Parallel.setThreads(2);
        // 10 rows of 4,000 units: a task needs >= 8 rows (32,768 / 4,000), so the chunk size is
        // max(8, ceil(10 / 2 threads)) = 8: chunks [0, 8) and [8, 10)
        assertEquals(8, Parallel.rowGrain(4000, Parallel.GRAIN));
        int[] owner = new int[10];
        Parallel.forRows(10, 4000, (from, to) -> {
            for (int i = from; i < to; i++) owner[i] = from;
        });
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 8, 8}, owner);
        // rows dearer than the grain: one row per task at least, never zero
        assertEquals(1, Parallel.rowGrain(1L << 40, Parallel.GRAIN));
        assertEquals(Parallel.GRAIN, Parallel.rowGrain(0, Parallel.GRAIN));
    }

    @Test
    void serialIsTrueForSmallWorkOneThreadAndInsideThePool() {
        Parallel.setThreads(2);
        assertTrue(Parallel.serial(Parallel.GRAIN, Parallel.GRAIN));
        assertEquals(false, Parallel.serial(Parallel.GRAIN + 1L, Parallel.GRAIN));
        // a task run by a pool thread must not fan out again; the caller's own share may
        boolean[] agrees = new boolean[2];
        Parallel.forEach(2, t -> agrees[t] = Parallel.serial(1L << 40, 1) == Parallel.inPool());
        assertArrayEquals(new boolean[] {true, true}, agrees);
        Parallel.setThreads(1);
        assertTrue(Parallel.serial(1L << 40, 1));
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

    @Test
    void manyTinyTasksBackToBackEachRunExactlyOnce() {
        // thousands of short jobs: the hand-off between caller and spinning/parked workers must lose nothing
        for (int threads : new int[] {2, 3}) {
            Parallel.setThreads(threads);
            int[] sizes = {2, 3, 5, 64};
            for (int it = 0; it < 3000; it++) {
                int tasks = sizes[it % sizes.length], stamp = it;
                int[] seen = new int[tasks];
                AtomicIntegerArray hits = new AtomicIntegerArray(tasks);
                Parallel.forEach(tasks, t -> {
                    seen[t] = stamp;
                    hits.incrementAndGet(t);
                });
                for (int t = 0; t < tasks; t++) {
                    if (hits.get(t) != 1 || seen[t] != stamp)
                        fail("threads=" + threads + " job " + it + " task " + t + ": ran " + hits.get(t) + " times, saw " + seen[t]);
                }
            }
        }
    }

    /** Float partial sums per fixed task range, combined in task order: order-sensitive, so a wrong split shows. */
    private static float chunkedSum(float[] x, int tasks) {
        float[] part = new float[tasks];
        int per = (x.length + tasks - 1) / tasks;
        Parallel.forEach(tasks, t -> {
            float s = 0;
            for (int i = t * per; i < Math.min(x.length, (t + 1) * per); i++) s += x[i];
            part[t] = s;
        });
        float total = 0;
        for (float p : part) total += p;
        return total;
    }

    @Test
    void sameBitsForEveryThreadCountAndRun() {
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[100_003];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-1e4, 1e4);
        Parallel.setThreads(1);
        float want = chunkedSum(x, 37);
        for (int threads = 1; threads <= 4; threads++) {
            Parallel.setThreads(threads);
            for (int run = 0; run < 20; run++) {
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(chunkedSum(x, 37)),
                        "threads=" + threads + " run " + run);
            }
        }
    }

    @Test
    void lowestFailingTaskIsThrownOthersSuppressedPoolStillWorks() {
        Parallel.setThreads(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forEach(8, t -> {
            if (t == 5 || t == 2 || t == 7) throw new IllegalStateException("task " + t);
        }));
        assertEquals("task 2", e.getMessage());
        List<String> suppressed = new ArrayList<>();
        for (Throwable s : e.getSuppressed()) suppressed.add(s.getMessage());
        assertEquals(List.of("task 5", "task 7"), suppressed);
        // an Error keeps its type too, and the pool runs the next job normally
        assertThrows(StackOverflowError.class, () -> Parallel.forEach(3, t -> {
            if (t == 1) throw new StackOverflowError("deep");
        }));
        AtomicIntegerArray hits = new AtomicIntegerArray(6);
        Parallel.forEach(6, hits::incrementAndGet);
        for (int t = 0; t < 6; t++) assertEquals(1, hits.get(t), "task " + t + " after failures");
    }

    @Test
    void nestedCallsRunInlineAndComplete() {
        Parallel.setThreads(2);
        int[][] out = new int[4][5];
        Parallel.forEach(4, t -> Parallel.forEach(5, u -> out[t][u] = 10 * t + u));
        for (int t = 0; t < 4; t++) for (int u = 0; u < 5; u++) assertEquals(10 * t + u, out[t][u], "out[" + t + "][" + u + "]");
    }

    @Test
    void concurrentCallersEachGetTheirOwnResults() throws InterruptedException {
        Parallel.setThreads(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] callers = new Thread[4];
        for (int c = 0; c < callers.length; c++) {
            int id = c;
            callers[c] = new Thread(() -> {
                try {
                    for (int it = 0; it < 400; it++) {
                        int[] out = new int[9];
                        int stamp = id * 1000 + it;
                        Parallel.forEach(9, t -> out[t] = stamp + t);
                        for (int t = 0; t < 9; t++) {
                            if (out[t] != stamp + t) throw new AssertionError("caller " + id + " job " + it + " task " + t + ": " + out[t]);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "caller-" + c);
            callers[c].start();
        }
        for (Thread t : callers) t.join();
        if (failure.get() != null) throw new AssertionError("a concurrent caller failed", failure.get());
    }

    @Test
    void idleWorkersParkAndOldWorkersStop() throws InterruptedException {
        Parallel.setThreads(3);
        Parallel.forEach(4, t -> {});
        List<Thread> crew = List.of(Parallel.workerThreads());
        assertEquals(2, crew.size(), "workers of a 3-thread pool");
        // liveness, not timing: an idle worker must end up parked (WAITING), not spinning forever
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (Thread w : crew) {
            while (w.getState() != Thread.State.WAITING) {
                if (System.nanoTime() > deadline) fail(w.getName() + " still " + w.getState() + " 10 s after its last job");
                Thread.sleep(1);
            }
        }
        Parallel.setThreads(2);
        for (Thread w : crew) {
            w.join(10_000);
            assertTrue(!w.isAlive(), w.getName() + " of the replaced pool is still alive");
        }
        AtomicIntegerArray hits = new AtomicIntegerArray(3);
        Parallel.forEach(3, hits::incrementAndGet);
        for (int t = 0; t < 3; t++) assertEquals(1, hits.get(t), "task " + t + " on the new pool");
    }
}
