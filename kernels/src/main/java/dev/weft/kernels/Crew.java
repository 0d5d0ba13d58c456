package dev.weft.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The worker threads behind {@link Parallel}: a fixed set of daemon threads that run one job at a time
 * beside the caller. An idle worker spins for a short while (a kernel call usually follows another within
 * microseconds, and waking a parked thread costs 30-50 us here), then parks, so a quiet JVM burns no core.
 * Limits: one job at a time; a caller that finds the crew busy runs its tasks itself.
 */
final class Crew {
    /** How long an idle worker spins before parking ({@code -Dweft.spinMicros}, default 50). */
    static final long SPIN_NS = Math.max(0, Long.getLong("weft.spinMicros", 50)) * 1000;

    /** This crew's spin: none when the caller and workers outnumber the cores (a spinner would delay them). */
    private final long spinNs;

    /** One forEach call: tasks [0, tasks) claimed from a shared counter by the caller and the workers. */
    private static final class Job {
        final int tasks;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        final Throwable[] thrown;

        Job(int tasks, IntConsumer body) {
            this.tasks = tasks;
            this.body = body;
            this.thrown = new Throwable[tasks];
        }

        /** Claims and runs tasks until none are left; counts each finished one (failed ones too). */
        void work() {
            for (int t; (t = next.getAndIncrement()) < tasks; done.incrementAndGet()) {
                try {
                    body.accept(t);
                } catch (Throwable e) {
                    thrown[t] = e;
                }
            }
        }
    }

    /** A worker thread; {@link Parallel#inPool()} recognises calls made from one. */
    static final class Worker extends Thread {
        private final Crew crew;
        /** True while parked (or about to park); the caller unparks only such workers. */
        volatile boolean parked;

        Worker(Crew crew, int index) {
            super("weft-kernel-" + index);
            this.crew = crew;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = crew.job;
            while (!crew.stopped) {
                Job j = crew.job;
                if (j != seen) {
                    seen = j;
                    j.work();
                } else {
                    idle(seen);
                }
            }
        }

        /** Returns once the crew has a job other than seen, or is stopped: spins up to SPIN_NS, then parks. */
        private void idle(Job seen) {
            long start = System.nanoTime();
            for (int i = 1; crew.job == seen && !crew.stopped; i++) {
                if ((i & 63) == 0 && System.nanoTime() - start > crew.spinNs) {
                    // NOTE: parked is written before job is re-read, and the caller writes job before reading
                    // parked (both volatile), so either we see the new job or the caller sees us parked.
                    parked = true;
                    while (crew.job == seen && !crew.stopped) LockSupport.park(this);
                    parked = false;
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** An empty job: published when a job ends, so the finished one (and what it references) can be freed. */
    private static final Job IDLE = new Job(0, t -> {});

    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Job job = IDLE;
    private volatile boolean stopped;

    /** Starts {@code size} workers. */
    Crew(int size) {
        spinNs = size + 1 <= Runtime.getRuntime().availableProcessors() ? SPIN_NS : 0;
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker(this, i);
            workers[i].start();
        }
    }

    /** The worker threads (the caller not counted). */
    Thread[] threads() {
        return workers.clone();
    }

    /**
     * Runs body.accept(t) for t in [0, tasks) on the caller and up to tasks-1 workers, and returns once every
     * task has finished; returns false (having run nothing) when the crew is busy with another caller's job or
     * stopped. A task's exception is rethrown (the lowest task id's; the others added as suppressed).
     */
    boolean run(int tasks, IntConsumer body) {
        if (stopped || !busy.compareAndSet(false, true)) return false;
        Job j = new Job(tasks, body);
        try {
            job = j;
            int wake = Math.min(tasks - 1, workers.length);
            for (int w = 0; w < workers.length && wake > 0; w++) {
                if (workers[w].parked) {
                    LockSupport.unpark(workers[w]);
                    wake--;
                }
            }
            j.work();
            // the remaining tasks are running on workers: they are short, so spin first
            for (int spins = 0; j.done.get() < tasks; spins++) {
                if (spins < 20_000) Thread.onSpinWait(); else Thread.yield();
            }
        } finally {
            job = IDLE;
            busy.set(false);
        }
        rethrow(j.thrown);
        return true;
    }

    private static void rethrow(Throwable[] thrown) {
        Throwable failure = null;
        for (Throwable e : thrown) {
            if (e == null) continue;
            if (failure == null) failure = e; else failure.addSuppressed(e);
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error er) throw er;
        if (failure != null) throw new RuntimeException(failure);
    }

    /** Stops the workers once their current job (if any) is done. */
    void stop() {
        stopped = true;
        for (Worker w : workers) LockSupport.unpark(w);
    }
}
