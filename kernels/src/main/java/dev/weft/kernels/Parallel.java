package dev.weft.kernels;

import java.util.function.IntConsumer;

/**
 * The one shared thread pool of the CPU kernels, sized to the cores ({@code -Dweft.threads=N}
 * overrides; {@link #setThreads} changes it at run time, e.g. for {@code bench --threads 1,2}).
 * Work is split into chunks whose boundaries depend only on the problem size and grain, never
 * on scheduling, so a parallel reduction gives the same bits on every run. Calls made from
 * inside a pool task run inline (no nested fan-out, no deadlock). The threads are a {@link Crew}:
 * idle ones spin ~50 us for the next call before parking.
 */
public final class Parallel {
    private Parallel() {}

    /** A half-open index range body: processes [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * Processes the indices [from, to).
         *
         * @param from first index (inclusive)
         * @param to end of the range (exclusive)
         */
        void run(int from, int to);
    }

    private static volatile int threads = initialThreads();
    private static volatile Crew crew;

    private static int initialThreads() {
        String p = System.getProperty("weft.threads");
        int n = p == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(p.trim());
        if (n < 1) throw new IllegalArgumentException("weft.threads: must be >= 1, got " + n);
        return n;
    }

    /** {@return threads the kernels may use (the caller's thread included)} */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads from now on (>= 1).
     *
     * @param n number of elements
     */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("Parallel.setThreads: must be >= 1, got " + n);
        if (n == threads) return;
        Crew old = crew;
        crew = null;
        threads = n;
        if (old != null) old.stop();
    }

    private static Crew crew() {
        Crew c = crew;
        if (c == null) {
            synchronized (Parallel.class) {
                c = crew;
                if (c == null) crew = c = new Crew(threads - 1);
            }
        }
        return c;
    }

    /** The current pool's worker threads, none if not started (for tests). */
    static Thread[] workerThreads() {
        Crew c = crew;
        return c == null ? new Thread[0] : c.threads();
    }

    /** {@return true when called from one of the pool's threads} */
    public static boolean inPool() {
        return Thread.currentThread() instanceof Crew.Worker;
    }

    /**
     * Runs {@code body.accept(t)} for t in [0, tasks), spread over the pool. Tasks are claimed from a
     * shared counter by up to {@code threads} runners, the caller being one of them, so a pool thread
     * that wakes late finds the work already done instead of stalling the caller; the caller then waits
     * only for tasks that are actually running. Which thread runs a task never changes its result (the
     * kernels give each task a fixed piece of the output). Runs inline when tasks == 1, threads == 1,
     * already inside the pool, or while the pool serves another caller. A task's exception is rethrown as
     * thrown (the lowest task id first, the others suppressed), after every started task has finished;
     * inline, the first exception ends the loop.
     *
     * @param tasks the tasks to run
     * @param body the work to run
     */
    public static void forEach(int tasks, IntConsumer body) {
        if (tasks <= 0) return;
        if (tasks == 1 || threads == 1 || inPool() || !crew().run(tasks, body)) {
            for (int t = 0; t < tasks; t++) body.accept(t);
        }
    }

    /**
     * Work units (elements, or element-sized steps) a task should hold at least: below it a split costs
     * more than it saves. The default grain of {@link #forElements} and {@link #forRows}.
     */
    public static final int GRAIN = 32 * 1024;

    /**
     * {@return true when n units of work at this grain run on the caller's thread: {@code n <= grain}, one thread, or
     * already inside the pool} A kernel tests it first to skip building the parallel body (a lambda
     * allocation) on the small calls that dominate autograd overhead.
     *
     * @param n number of elements
     * @param grain minimum units of work per task
     */
    public static boolean serial(long n, int grain) {
        return n <= Math.max(1, grain) || threads == 1 || inPool();
    }

    /**
     * Splits [0, n) into chunks of at least {@code grain} elements (fixed boundaries: chunk c covers
     * [c*size, min(n, (c+1)*size)) with size = max(grain, ceil(n / threads))) and runs them in parallel.
     * Runs on the caller's thread when {@link #serial} says so.
     *
     * @param n number of elements
     * @param grain minimum units of work per task
     * @param body the work to run
     */
    public static void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        int g = Math.max(1, grain);
        if (serial(n, g)) {
            body.run(0, n);
            return;
        }
        int size = Math.max(g, (n + threads - 1) / threads);
        int chunks = (n + size - 1) / size;
        forEach(chunks, c -> body.run(c * size, Math.min(n, (c + 1) * size)));
    }

    /**
     * {@link #forRange} over n elements at the default {@link #GRAIN}.
     *
     * @param n number of elements
     * @param body the work to run
     */
    public static void forElements(int n, RangeBody body) {
        forRange(n, GRAIN, body);
    }

    /**
     * The row split: [0, rows) rows of {@code rowCost} work units each, in chunks of whole rows holding at
     * least {@code grain} units (at least one row). Each output row is written by one task, so the
     * result never depends on the thread count.
     *
     * @param rows number of rows
     * @param rowCost work units of one row
     * @param grain minimum units of work per task
     * @param body the work to run
     */
    public static void forRows(int rows, long rowCost, int grain, RangeBody body) {
        forRange(rows, rowGrain(rowCost, grain), body);
    }

    /**
     * {@link #forRows} at the default {@link #GRAIN}.
     *
     * @param rows number of rows
     * @param rowCost work units of one row
     * @param body the work to run
     */
    public static void forRows(int rows, long rowCost, RangeBody body) {
        forRows(rows, rowCost, GRAIN, body);
    }

    /**
     * {@return rows per task for rows of {@code rowCost} units at this grain: max(1, grain / rowCost)}
     *
     * @param rowCost work units of one row
     * @param grain minimum units of work per task
     */
    public static int rowGrain(long rowCost, int grain) {
        return (int) Math.max(1, Math.max(1, grain) / Math.max(1, rowCost));
    }
}
