package dev.weft.nn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * N data-parallel replicas in one JVM, one thread each, meeting at a barrier: the reference a cluster
 * implementation is tested against, and a test bed for data-parallel training. {@link #replica(int)} is
 * replica r's view; {@link #run(int, IntFunction)} runs N replicas and gathers their results. A replica
 * that fails breaks the barrier, so the others fail too instead of waiting forever.
 */
public final class InProcessGradientSync {
    private final int n;
    private final CyclicBarrier barrier;
    private final float[][] slots;
    private final double[] weights;
    private volatile float[] result;

    /**
     * A group of {@code n} replicas.
     *
     * @param n the number of replicas, at least 1
     */
    public InProcessGradientSync(int n) {
        if (n < 1) throw new IllegalArgumentException("InProcessGradientSync: replicas must be >= 1, got " + n);
        this.n = n;
        this.barrier = new CyclicBarrier(n);
        this.slots = new float[n][];
        this.weights = new double[n];
    }

    /**
     * {@return replica {@code rank}'s GradientSync; each must be used from its own thread}
     *
     * @param rank 0 to n - 1
     */
    public GradientSync replica(int rank) {
        if (rank < 0 || rank >= n) throw new IllegalArgumentException("InProcessGradientSync: rank " + rank + " not in [0, " + n + ")");
        return new Replica(rank);
    }

    /**
     * Runs {@code body.apply(rank)} for every rank on its own thread and returns the results in rank order;
     * the first failure is rethrown (as an IllegalStateException wrapping it) once all threads are done.
     *
     * @param <T> the result type
     * @param n the number of replicas
     * @param body one replica's work, given its rank
     * @return the results, index = rank
     */
    public static <T> List<T> run(int n, IntFunction<T> body) {
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "weft-replica");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> fs = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int rank = r;
                fs.add(pool.submit(() -> body.apply(rank)));
            }
            List<T> out = new ArrayList<>();
            RuntimeException first = null;
            for (Future<T> f : fs) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    out.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("InProcessGradientSync.run: interrupted", e);
                }
            }
            if (first != null) throw first;
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private void await() {
        try {
            barrier.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("InProcessGradientSync: interrupted at the barrier", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            barrier.reset();
            throw new IllegalStateException("InProcessGradientSync: another replica failed or did not arrive", e);
        }
    }

    private final class Replica implements GradientSync {
        private final int rank;

        Replica(int rank) {
            this.rank = rank;
        }

        @Override
        public void allReduceMean(float[] values, double weight) {
            slots[rank] = values;
            weights[rank] = weight;
            await();
            if (rank == 0) result = reduce();   // one replica sums, in rank order; the rest wait for it
            await();
            float[] r = result;
            await();                            // nobody reuses the slots before everyone has read
            if (r == null) throw new IllegalArgumentException("GradientSync.allReduceMean: " + describe());
            System.arraycopy(r, 0, values, 0, values.length);
        }

        @Override
        public void broadcast(float[] values) {
            slots[rank] = values;
            await();
            boolean same = sameLengths();
            if (same && rank != 0) System.arraycopy(slots[0], 0, values, 0, values.length);
            await();
            if (!same) throw new IllegalArgumentException("GradientSync.broadcast: " + describe());
        }

        @Override
        public int worldSize() {
            return n;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public String toString() {
            return "InProcessGradientSync.replica(" + rank + " of " + n + ")";
        }
    }

    /** The weighted mean, or null when the lengths differ or a weight is not positive. */
    private float[] reduce() {
        if (!sameLengths()) return null;
        double total = 0;
        for (double w : weights) {
            if (!(w > 0)) return null;
            total += w;
        }
        int len = slots[0].length;
        double[] acc = new double[len];
        for (int r = 0; r < n; r++) {
            float[] v = slots[r];
            double w = weights[r];
            for (int i = 0; i < len; i++) acc[i] += w * v[i];
        }
        float[] out = new float[len];
        for (int i = 0; i < len; i++) out[i] = (float) (acc[i] / total);
        return out;
    }

    private boolean sameLengths() {
        for (float[] s : slots) if (s.length != slots[0].length) return false;
        return true;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder("replicas' lengths [");
        for (int r = 0; r < n; r++) sb.append(r == 0 ? "" : ", ").append(slots[r].length);
        sb.append("], weights [");
        for (int r = 0; r < n; r++) sb.append(r == 0 ? "" : ", ").append(weights[r]);
        return sb.append("]: lengths must agree and weights be > 0").toString();
    }
}
