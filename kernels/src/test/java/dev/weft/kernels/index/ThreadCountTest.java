package dev.weft.kernels.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** scatterReduce / indexAdd / gather give the same bits on 1 and on 3 threads. */
class ThreadCountTest {
    static double[][] run(int threads, KernelImpl impl, double[] src, long[] idx, long[] rows, int outer, int dS, int inner, int dY) {
        int oldThreads = Parallel.threads();
        KernelImpl oldImpl = KernelImpl.current();
        Parallel.setThreads(threads);
        KernelImpl.set(impl);
        try {
            double[] sum = new double[outer * dY * inner], mean = new double[outer * dY * inner];
            Scatter.scatterReduce(ScatterReduceFn.SUM, true, src, 0, idx, 0, outer, dS, inner, sum, 0, dY);
            Scatter.scatterReduce(ScatterReduceFn.MEAN, false, src, 0, idx, 0, outer, dS, inner, mean, 0, dY);
            // outer == 1: indexAdd splits the columns instead of the slabs
            int width = src.length / rows.length;
            double[] added = new double[dY * width];
            IndexSelect.indexAdd(src, 0, 1, rows.length, width, rows, 0, 0.5, added, 0, dY);
            double[] gathered = new double[outer * dS * inner];
            Gather.gather(sum, 0, outer, dY, inner, idx, 0, dS, gathered, 0);
            return new double[][] {sum, mean, added, gathered};
        } finally {
            Parallel.setThreads(oldThreads);
            KernelImpl.set(oldImpl);
        }
    }

    @Test
    void sameBitsOnOneAndThreeThreads() {
        Random rnd = new Random(11);
        int outer = 6, dS = 3000, inner = 4, dY = 50;
        double[] src = new double[outer * dS * inner];
        long[] idx = new long[src.length];
        for (int i = 0; i < src.length; i++) {
            src[i] = rnd.nextDouble() - 0.5;
            idx[i] = rnd.nextInt(dY);
        }
        long[] rows = new long[24];
        for (int j = 0; j < rows.length; j++) rows[j] = rnd.nextInt(dY);
        for (KernelImpl impl : KernelImpl.values()) {
            double[][] one = run(1, impl, src, idx, rows, outer, dS, inner, dY), three = run(3, impl, src, idx, rows, outer, dS, inner, dY);
            for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], three[i], impl + " output " + i);
        }
    }
}
