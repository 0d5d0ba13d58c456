package dev.weft.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Measures the machine's fused multiply-add peak (GFLOP/s) for a thread count: each thread runs twelve
 * independent Vector API fma chains for about 0.2 s. Run with 1 and N threads it also shows whether N
 * cores are really available (a busy or shared core shows up as less than N times the 1-thread peak).
 */
public final class FmaPeak {
    private FmaPeak() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int CHUNK = 1 << 12;
    private static final int WINDOWS = 10;
    private static volatile double sink;

    /** Peak GFLOP/s over all threads for F32 (f64 == false) or F64, measured for about {@code seconds}. */
    public static double measure(int threads, boolean f64, double seconds) throws InterruptedException {
        // compile both loops (not just an on-stack replacement of them) before timing: warming only the type
        // measured left the first F64 run timing code still being compiled (33 vs 40 GFLOP/s)
        for (int i = 0; i < 2_000; i++) sink += chainsF32(2_000) + chainsF64(2_000);
        double[] rate = new double[threads]; // chain iterations per ns, best window
        Thread[] ts = new Thread[threads];
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        long budget = (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            final int id = t;
            ts[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException("FmaPeak: start barrier", e);
                }
                // the best of several short windows: a neighbour's burst should not lower the peak
                long end = System.nanoTime() + budget;
                double best = 0;
                do {
                    long t0 = System.nanoTime(), n = 0;
                    do {
                        sink += chains(f64, CHUNK);
                        n += CHUNK;
                    } while (System.nanoTime() - t0 < budget / WINDOWS);
                    best = Math.max(best, (double) n / (System.nanoTime() - t0));
                } while (System.nanoTime() < end);
                rate[id] = best;
            }, "fma-peak-" + t);
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        double total = 0;
        int lanes = f64 ? DS.length() : FS.length();
        for (int t = 0; t < threads; t++) total += 12.0 * 2 * lanes * rate[t];
        return total;
    }

    private static double chains(boolean f64, int n) {
        return f64 ? chainsF64(n) : chainsF32(n);
    }

    private static double chainsF32(int n) {
        FloatVector m = FloatVector.broadcast(FS, 0.9999999f), d = FloatVector.broadcast(FS, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(FS, 1f), a1 = FloatVector.broadcast(FS, 2f);
        FloatVector a2 = FloatVector.broadcast(FS, 3f), a3 = FloatVector.broadcast(FS, 4f);
        FloatVector a4 = FloatVector.broadcast(FS, 5f), a5 = FloatVector.broadcast(FS, 6f);
        FloatVector a6 = FloatVector.broadcast(FS, 7f), a7 = FloatVector.broadcast(FS, 8f);
        FloatVector a8 = FloatVector.broadcast(FS, 9f), a9 = FloatVector.broadcast(FS, 10f);
        FloatVector a10 = FloatVector.broadcast(FS, 11f), a11 = FloatVector.broadcast(FS, 12f);
        for (int i = 0; i < n; i++) {
            a0 = a0.fma(m, d); a1 = a1.fma(m, d); a2 = a2.fma(m, d); a3 = a3.fma(m, d); a4 = a4.fma(m, d);
            a5 = a5.fma(m, d); a6 = a6.fma(m, d); a7 = a7.fma(m, d); a8 = a8.fma(m, d); a9 = a9.fma(m, d);
            a10 = a10.fma(m, d); a11 = a11.fma(m, d);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static double chainsF64(int n) {
        DoubleVector m = DoubleVector.broadcast(DS, 0.9999999), d = DoubleVector.broadcast(DS, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(DS, 1), a1 = DoubleVector.broadcast(DS, 2);
        DoubleVector a2 = DoubleVector.broadcast(DS, 3), a3 = DoubleVector.broadcast(DS, 4);
        DoubleVector a4 = DoubleVector.broadcast(DS, 5), a5 = DoubleVector.broadcast(DS, 6);
        DoubleVector a6 = DoubleVector.broadcast(DS, 7), a7 = DoubleVector.broadcast(DS, 8);
        DoubleVector a8 = DoubleVector.broadcast(DS, 9), a9 = DoubleVector.broadcast(DS, 10);
        DoubleVector a10 = DoubleVector.broadcast(DS, 11), a11 = DoubleVector.broadcast(DS, 12);
        for (int i = 0; i < n; i++) {
            a0 = a0.fma(m, d); a1 = a1.fma(m, d); a2 = a2.fma(m, d); a3 = a3.fma(m, d); a4 = a4.fma(m, d);
            a5 = a5.fma(m, d); a6 = a6.fma(m, d); a7 = a7.fma(m, d); a8 = a8.fma(m, d); a9 = a9.fma(m, d);
            a10 = a10.fma(m, d); a11 = a11.fma(m, d);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** Prints the F32 and F64 peaks for 1 and all cores. */
    public static void main(String[] args) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        for (int t : cores > 1 ? new int[]{1, cores} : new int[]{1}) {
            System.out.printf(java.util.Locale.ROOT, "threads %d: F32 %.1f GFLOP/s, F64 %.1f GFLOP/s%n",
                    t, measure(t, false, 0.2), measure(t, true, 0.2));
        }
    }
}
