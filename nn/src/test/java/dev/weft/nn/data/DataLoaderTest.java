package dev.weft.nn.data;

import dev.weft.nn.train.Batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    /** ids (N) I64 0..N-1 and x (N, 2) F32 with x[i] = (i, -i). */
    static TensorDataset idData(int n) {
        Tensor id = Tensor.arange(n);
        Tensor x = Tensor.stack(new Tensor[] {id.to(DType.F32), id.to(DType.F32).neg()}, 1);
        return new TensorDataset(x, id);
    }

    /** A dataset of n I64 scalars whose get runs a hook first (to fail, block or delay). */
    static Dataset<List<Tensor>> hooked(int n, IntFunction<Void> hook) {
        return new Dataset<>() {
            public int size() {
                return n;
            }

            public List<Tensor> get(int i) {
                hook.apply(i);
                return List.of(Tensor.scalar(i, DType.I64));
            }
        };
    }

    static List<long[]> ids(Iterable<List<Tensor>> batches) {
        List<long[]> out = new ArrayList<>();
        for (List<Tensor> b : batches) out.add(b.getLast().toLongArray());
        return out;
    }

    static long[] flat(List<long[]> batches) {
        return batches.stream().flatMapToLong(Arrays::stream).toArray();
    }

    @Test
    void sequentialBatchesAndLen() {
        DataLoader<List<Tensor>> l = DataLoader.builder(idData(10)).batchSize(4).build();
        assertEquals(3, l.size());
        List<long[]> b = ids(l);
        assertEquals(3, b.size());
        assertArrayEquals(new long[] {0, 1, 2, 3}, b.get(0));
        assertArrayEquals(new long[] {8, 9}, b.get(2));
        DataLoader<List<Tensor>> dropped = DataLoader.builder(idData(10)).batchSize(4).dropLast(true).build();
        assertEquals(2, dropped.size());
        assertEquals(2, ids(dropped).size());
        assertEquals(0, DataLoader.builder(idData(3)).batchSize(4).dropLast(true).build().size());
        assertFalse(DataLoader.builder(idData(3)).batchSize(4).dropLast(true).build().iterator().hasNext());
    }

    @Test
    void sameSeedSameOrderNewPermutationEachEpoch() {
        DataLoader<List<Tensor>> a = DataLoader.builder(idData(50)).batchSize(8).shuffle(new Generator(7)).build();
        DataLoader<List<Tensor>> b = DataLoader.builder(idData(50)).batchSize(8).shuffle(new Generator(7)).build();
        long[] a0 = flat(ids(a)), a1 = flat(ids(a)), b0 = flat(ids(b)), b1 = flat(ids(b));
        assertArrayEquals(a0, b0);
        assertArrayEquals(a1, b1);
        assertNotEquals(Arrays.toString(a0), Arrays.toString(a1), "epochs 0 and 1 gave the same order");
        long[] sorted = a0.clone();
        Arrays.sort(sorted);
        assertNotEquals(Arrays.toString(sorted), Arrays.toString(a0), "shuffle left the order unchanged");
        // replaying an epoch, and resuming at one, give the same order again
        assertArrayEquals(a1, flat(ids(() -> a.iterator(1))));
        b.setEpoch(1);
        assertArrayEquals(a1, flat(ids(b)));
        DataLoader<List<Tensor>> c = DataLoader.builder(idData(50)).batchSize(8).shuffle(new Generator(8)).build();
        assertNotEquals(Arrays.toString(a0), Arrays.toString(flat(ids(c))));
    }

    @Test
    void orderIsAFunctionOfTheGeneratorState() {
        Generator g = new Generator(3);
        DataLoader<List<Tensor>> first = DataLoader.builder(idData(20)).shuffle(g).build();
        DataLoader<List<Tensor>> second = DataLoader.builder(idData(20)).shuffle(g).build();
        // build() draws from the generator: two loaders on one generator differ, as two fresh generators agree
        assertNotEquals(Arrays.toString(first.order(0)), Arrays.toString(second.order(0)));
        assertArrayEquals(first.order(4), DataLoader.builder(idData(20)).shuffle(new Generator(3)).build().order(4));
    }

    @Test
    void fastPathEqualsStackingSamples() {
        TensorDataset ds = idData(13);
        Subset<List<Tensor>> sub = Datasets.randomSplit(ds, new int[] {9, 4}, new Generator(2)).getFirst();
        Dataset<List<Tensor>> opaque = new Dataset<>() {
            public int size() {
                return sub.size();
            }

            public List<Tensor> get(int i) {
                return sub.get(i);
            }
        };
        var fast = DataLoader.builder(sub).batchSize(4).shuffle(new Generator(1)).build().iterator();
        var slow = DataLoader.builder(opaque).batchSize(4).shuffle(new Generator(1)).build().iterator();
        int batches = 0;
        while (fast.hasNext()) {
            List<Tensor> f = fast.next(), s = slow.next();
            assertArrayEquals(f.get(0).shape(), s.get(0).shape());
            assertTrue(f.get(0).equal(s.get(0)) && f.get(1).equal(s.get(1)), "batch " + batches);
            batches++;
        }
        assertFalse(slow.hasNext());
        assertEquals(3, batches);
    }

    @Test
    void pairsGiveBatches() {
        DataLoader<Batch> l = DataLoader.pairs(idData(5)).batchSize(2).build();
        List<Batch> all = new ArrayList<>();
        l.forEach(all::add);
        assertEquals(3, all.size());
        assertArrayEquals(new int[] {2, 2}, all.get(0).input().shape());
        assertArrayEquals(new long[] {4}, all.get(2).target().toLongArray());
        assertEquals(1, all.get(2).input().size(0));
        assertThrows(IllegalArgumentException.class, () -> DataLoader.pairs(new TensorDataset(Tensor.zeros(3))));
        // the general path (collate per sample) gives the same
        DataLoader<Batch> general = DataLoader.pairs(pairsOpaque(idData(5))).batchSize(2).build();
        List<Batch> g = new ArrayList<>();
        general.forEach(g::add);
        assertTrue(g.get(1).input().equal(all.get(1).input()) && g.get(1).target().equal(all.get(1).target()));
    }

    static Dataset<List<Tensor>> pairsOpaque(TensorDataset ds) {
        return new Dataset<>() {
            public int size() {
                return ds.size();
            }

            public List<Tensor> get(int i) {
                return ds.get(i);
            }
        };
    }

    @Test
    void customCollate() {
        DataLoader<Integer> sums = DataLoader.builder(DatasetTest.constant(7, 1), (List<Integer> xs) -> xs.stream().mapToInt(Integer::intValue).sum())
                .batchSize(3).build();
        List<Integer> got = new ArrayList<>();
        sums.forEach(got::add);
        assertEquals(List.of(1 + 2 + 3, 4 + 5 + 6, 7), got);
    }

    @Test
    void prefetchKeepsOrderWhateverTheTiming() {
        // seeded random delays make workers finish out of order
        long[] delayNanos = new java.util.Random(9).longs(40, 0, 2_000_000).toArray();
        Dataset<List<Tensor>> slow = hooked(40, i -> {
            LockSupport.parkNanos(delayNanos[i]);
            return null;
        });
        DataLoader<List<Tensor>> seq = DataLoader.builder(slow).batchSize(3).shuffle(new Generator(4)).build();
        DataLoader<List<Tensor>> par = DataLoader.builder(slow).batchSize(3).shuffle(new Generator(4)).numWorkers(4).prefetchFactor(3).build();
        for (int epoch = 0; epoch < 2; epoch++) {
            List<long[]> a = ids(seq), b = ids(par);
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) assertArrayEquals(a.get(k), b.get(k), "epoch " + epoch + " batch " + k);
        }
    }

    @Test
    void workerExceptionIsRethrownWithTheBatchIndex() {
        for (int workers : new int[] {0, 3}) {
            Dataset<List<Tensor>> bad = hooked(20, i -> {
                if (i == 13) throw new IllegalStateException("sample 13 is broken");
                return null;
            });
            DataLoader<List<Tensor>> l = DataLoader.builder(bad).batchSize(4).numWorkers(workers).build();
            BatchIterator<List<Tensor>> it = l.iterator();
            for (int k = 0; k < 3; k++) assertEquals(4 * k, it.next().getFirst().toLongArray()[0], "workers " + workers);
            DataLoaderException e = assertThrows(DataLoaderException.class, it::next);
            assertEquals(3, e.batchIndex());
            assertEquals(0, e.epoch());
            assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
            assertEquals("DataLoader: epoch 0, batch 3: making the batch of samples [12, 13, 14, 15] failed: "
                    + "java.lang.IllegalStateException: sample 13 is broken", e.getMessage());
            // the failure closed the iterator
            assertFalse(it.hasNext());
            if (it instanceof LoaderIterator<?> li) for (Thread t : li.workerThreads()) assertFalse(t.isAlive(), t.getName());
        }
    }

    @Test
    void workerErrorsStayErrors() {
        Dataset<List<Tensor>> bad = hooked(8, i -> {
            if (i == 5) throw new AssertionError("boom");
            return null;
        });
        BatchIterator<List<Tensor>> it = DataLoader.builder(bad).batchSize(2).numWorkers(2).build().iterator();
        it.next();
        it.next();
        AssertionError e = assertThrows(AssertionError.class, it::next);
        assertEquals("boom", e.getMessage());
        assertTrue(e.getSuppressed()[0] instanceof DataLoaderException d && d.batchIndex() == 2);
    }

    @Test
    void earlyCloseStopsEveryWorker() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        // after the first batch, every get blocks until released (or interrupted by close)
        Dataset<List<Tensor>> blocking = hooked(100, i -> {
            running.incrementAndGet();
            try {
                if (i >= 2) release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                running.decrementAndGet();
            }
            return null;
        });
        DataLoader<List<Tensor>> l = DataLoader.builder(blocking).batchSize(2).numWorkers(3).prefetchFactor(2).build();
        LoaderIterator<List<Tensor>> it;
        try (BatchIterator<List<Tensor>> b = l.iterator()) {
            it = (LoaderIterator<List<Tensor>>) b;
            assertArrayEquals(new long[] {0, 1}, b.next().getFirst().toLongArray());
            assertTrue(b.hasNext());
        }
        // close() has returned: the pool is terminated, so nothing runs and no worker thread is alive
        assertEquals(0, running.get());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertFalse(it.workerThreads().isEmpty());
        for (Thread t : it.workerThreads()) assertFalse(t.isAlive(), t.getName() + " still alive after close");
        it.close(); // idempotent
        release.countDown();
    }

    @Test
    void finishedEpochLeavesNoThreads() {
        DataLoader<List<Tensor>> l = DataLoader.builder(idData(30)).batchSize(4).numWorkers(2).build();
        LoaderIterator<List<Tensor>> it = (LoaderIterator<List<Tensor>>) l.iterator();
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        assertEquals(8, n);
        for (Thread t : it.workerThreads()) assertFalse(t.isAlive(), t.getName());
    }

    @Test
    void optionErrors() {
        var b = DataLoader.builder(idData(3));
        assertEquals("DataLoader: batchSize must be >= 1, got 0", assertThrows(IllegalArgumentException.class, () -> b.batchSize(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.numWorkers(-1));
        assertThrows(IllegalArgumentException.class, () -> b.prefetchFactor(0));
        assertThrows(IllegalArgumentException.class, () -> b.build().iterator(-1));
    }

    @Test
    void emptyDataset() {
        DataLoader<List<Tensor>> l = DataLoader.builder(new TensorDataset(Tensor.zeros(0, 3))).batchSize(2).numWorkers(2).shuffle(new Generator(0)).build();
        assertEquals(0, l.size());
        assertFalse(l.iterator().hasNext());
    }

    @Test
    void interruptedConsumerGetsABatchError() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Dataset<List<Tensor>> stuck = hooked(4, i -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        BatchIterator<List<Tensor>> it = DataLoader.builder(stuck).batchSize(2).numWorkers(1).build().iterator();
        Thread.currentThread().interrupt();
        DataLoaderException e = assertThrows(DataLoaderException.class, it::next);
        assertTrue(Thread.interrupted(), "interrupt flag restored");
        assertEquals(0, e.batchIndex());
        assertFalse(it.hasNext());
        assertSame(InterruptedException.class, e.getCause().getClass());
        if (it instanceof LoaderIterator<?> li) for (Thread t : li.workerThreads()) assertFalse(t.isAlive(), t.getName());
        never.countDown();
    }
}
