package dev.weft.nn.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One epoch of batches. Without workers a batch is made in next(). With workers, up to
 * numWorkers * prefetchFactor batches are submitted ahead to a pool of virtual threads; next() takes
 * them in batch order, so the order never depends on scheduling. Idle workers exit after a second, so
 * even an iterator that is dropped without close() leaves no thread behind for long. One consumer at a
 * time: next() and close() are synchronized (close() from another thread waits for a pending next()).
 */
final class LoaderIterator<B> implements BatchIterator<B> {
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final int epoch;
    private final int[] order;
    private final int numBatches;
    private final int batchSize;
    private final Function<int[], B> fetch;
    private final ThreadPoolExecutor pool;
    private final int depth;
    private final ArrayDeque<Future<B>> inflight = new ArrayDeque<>();
    private final List<Thread> workers = Collections.synchronizedList(new ArrayList<>());
    private int next;
    private int submitted;
    private volatile boolean closed;

    LoaderIterator(int epoch, int[] order, int numBatches, int batchSize, Function<int[], B> fetch, int numWorkers, int prefetchFactor) {
        this.epoch = epoch;
        this.order = order;
        this.numBatches = numBatches;
        this.batchSize = batchSize;
        this.fetch = fetch;
        if (numWorkers > 0 && numBatches > 0) {
            ThreadFactory virtual = Thread.ofVirtual().name("weft-data-e" + epoch + "-w", 0).factory();
            ThreadFactory recording = r -> {
                Thread t = virtual.newThread(r);
                workers.add(t);
                return t;
            };
            pool = new ThreadPoolExecutor(numWorkers, numWorkers, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), recording);
            pool.allowCoreThreadTimeOut(true);
            depth = numWorkers * prefetchFactor;
            fill();
        } else {
            pool = null;
            depth = 0;
        }
        if (numBatches == 0) closed = true;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public boolean hasNext() {
        return !closed && next < numBatches;
    }

    @Override
    public synchronized B next() {
        if (!hasNext()) {
            throw new NoSuchElementException("DataLoader: epoch " + epoch + " has " + numBatches + " batches, "
                    + (closed && next < numBatches ? "iterator closed after " + next : "all taken"));
        }
        int k = next;
        B batch = pool == null ? makeHere(k) : takeFromWorkers(k);
        next++;
        if (next == numBatches) close();
        else if (pool != null) fill();
        return batch;
    }

    private B makeHere(int k) {
        try {
            return fetch.apply(indices(k));
        } catch (RuntimeException e) {
            close();
            throw failure(k, e);
        }
    }

    private B takeFromWorkers(int k) {
        fill();
        Future<B> f = inflight.poll();
        try {
            return f.get();
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                err.addSuppressed(failure(k, cause));
                throw err;
            }
            throw failure(k, cause);
        } catch (InterruptedException e) {
            // close first: with the flag set again its wait for the workers would return at once
            close();
            Thread.currentThread().interrupt();
            throw new DataLoaderException(epoch, k, "interrupted while waiting for the batch", e);
        }
    }

    private DataLoaderException failure(int k, Throwable cause) {
        int from = k * batchSize, to = Math.min(order.length, from + batchSize);
        int[] first = Arrays.copyOfRange(order, from, Math.min(to, from + 8));
        String samples = "samples " + Arrays.toString(first).replace("]", to - from > 8 ? ", ...]" : "]");
        return new DataLoaderException(epoch, k, "making the batch of " + samples + " failed: " + cause, cause);
    }

    /** Submits batches until depth are in flight or all are submitted. */
    private void fill() {
        while (!closed && submitted < numBatches && inflight.size() < depth) {
            int[] idx = indices(submitted++);
            inflight.add(pool.submit(() -> fetch.apply(idx)));
        }
    }

    private int[] indices(int k) {
        int from = k * batchSize;
        return Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
    }

    @Override
    public synchronized void close() {
        if (closed && (pool == null || pool.isTerminated())) return;
        closed = true;
        if (pool == null) return;
        for (Future<B> f : inflight) f.cancel(true);
        inflight.clear();
        pool.shutdownNow();
        // the pool reports termination while its last thread is still exiting: join the threads too
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
        try {
            pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            for (Thread t : workerThreads()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Threads this iterator started (for tests: all must be dead after close()). */
    List<Thread> workerThreads() {
        synchronized (workers) {
            return List.copyOf(workers);
        }
    }
}
