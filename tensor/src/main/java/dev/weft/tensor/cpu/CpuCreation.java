package dev.weft.tensor.cpu;

import dev.weft.kernels.Parallel;
import dev.weft.kernels.random.Philox;
import dev.weft.kernels.random.RandomFill;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.CreationOp;
import dev.weft.tensor.op.Distribution;

/**
 * CPU execution of creation ops into a fresh contiguous output. Random fills are split into chunks of
 * Philox blocks; element i depends only on (seed, counter + i / perBlock), so any thread count gives
 * the same bits.
 */
final class CpuCreation {
    private CpuCreation() {}

    private static final int BLOCK_GRAIN = 4096;

    static void run(CreationOp op, Strided out) {
        Object a = CpuStorage.of(out).array();
        int n = out.numel();
        switch (op) {
            case CreationOp.Full f -> CpuConvert.fill(a, f.value(), 0, n);
            case CreationOp.Arange r -> {
                for (int i = 0; i < n; i++) CpuConvert.set(a, i, r.start() + i * r.step());
            }
            case CreationOp.Linspace l -> {
                int steps = l.steps();
                double step = steps > 1 ? (l.end() - l.start()) / (steps - 1) : 0;
                int half = steps / 2;
                // symmetric from both ends so the last point is exactly end
                for (int i = 0; i < steps; i++) {
                    double v = i < half ? l.start() + i * step : l.end() - (steps - 1 - i) * step;
                    CpuConvert.set(a, i, v);
                }
            }
            case CreationOp.Eye e -> {
                for (int i = 0; i < Math.min(e.n(), e.m()); i++) CpuConvert.set(a, i * e.m() + i, 1);
            }
            case CreationOp.Random r -> random(r, a, n);
        }
    }

    private static void random(CreationOp.Random r, Object a, int n) {
        if (r.dist() == Distribution.PERMUTATION) {
            permutation(r, a, n);
            return;
        }
        if (bulk(r, a, n)) return;
        int per = r.dist().perBlock(r.dtype());
        long blocks = r.dist().blocks(n, r.dtype());
        long threshold = r.dist() == Distribution.BERNOULLI ? Philox.bernoulliThreshold(r.p0()) : 0;
        Parallel.forRange((int) blocks, BLOCK_GRAIN, (from, to) -> {
            int[] w = new int[4];
            double[] v = new double[4];
            for (int b = from; b < to; b++) {
                Philox.block(r.seed(), r.counter() + b, w);
                int base = b * per, m = Math.min(per, n - base);
                switch (r.dist()) {
                    case NORMAL -> {
                        if (per == 4) {
                            boxMuller(1 - Philox.uniformFloat(w[0]), Philox.uniformFloat(w[1]), v, 0);
                            boxMuller(1 - Philox.uniformFloat(w[2]), Philox.uniformFloat(w[3]), v, 2);
                        } else {
                            boxMuller(1 - Philox.uniformDouble(w[0], w[1]), Philox.uniformDouble(w[2], w[3]), v, 0);
                        }
                        for (int j = 0; j < m; j++) CpuConvert.set(a, base + j, r.p0() + r.p1() * v[j]);
                    }
                    case RANDINT -> {
                        long lo = (long) r.p0(), range = (long) r.p1() - lo;
                        for (int j = 0; j < m; j++) {
                            long bits = Philox.bits64(w[2 * j], w[2 * j + 1]);
                            CpuConvert.setLong(a, base + j, lo + Math.unsignedMultiplyHigh(bits, range));
                        }
                    }
                    case BERNOULLI -> {                                // integer outputs (F32/F64 went to bulk)
                        for (int j = 0; j < m; j++) CpuConvert.setLong(a, base + j, Philox.drawsOne(w[j], threshold) ? 1 : 0);
                    }
                    case UNIFORM -> throw new IllegalStateException("uniform into " + r.dtype() + " (F32/F64 only) reached the CPU fill");
                    case PERMUTATION -> throw new IllegalStateException("unreachable");
                }
            }
        });
    }

    /** Uniform and Bernoulli fills of F32/F64 through the bulk kernels (kernels/random); false for the rest. */
    private static boolean bulk(CreationOp.Random r, Object a, int n) {
        long key = r.seed(), counter = r.counter();
        switch (r.dist()) {
            case UNIFORM -> {
                if (a instanceof float[] f) RandomFill.uniform(key, counter, r.p0(), r.p1(), f, 0, n);
                else RandomFill.uniform(key, counter, r.p0(), r.p1(), (double[]) a, 0, n);
                return true;
            }
            case BERNOULLI -> {
                if (a instanceof float[] f) RandomFill.bernoulli(key, counter, r.p0(), f, 0, n);
                else if (a instanceof double[] d) RandomFill.bernoulli(key, counter, r.p0(), d, 0, n);
                else return false;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Two standard normals from u1 in (0, 1] and u2 in [0, 1) into v[at], v[at + 1]. */
    private static void boxMuller(double u1, double u2, double[] v, int at) {
        double rad = Math.sqrt(-2 * Math.log(u1)), th = 2 * Math.PI * u2;
        v[at] = rad * Math.cos(th);
        v[at + 1] = rad * Math.sin(th);
    }

    /** Fisher-Yates: step s (swap position n-1-s) draws 64 bits from block counter + s/2, words 2(s%2)..+1. */
    private static void permutation(CreationOp.Random r, Object a, int n) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) p[i] = i;
        int[] w = new int[4];
        for (int s = 0, i = n - 1; i > 0; s++, i--) {
            if ((s & 1) == 0) Philox.block(r.seed(), r.counter() + s / 2, w);
            long bits = Philox.bits64(w[2 * (s & 1)], w[2 * (s & 1) + 1]);
            int j = (int) Math.unsignedMultiplyHigh(bits, i + 1L);
            long t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        for (int i = 0; i < n; i++) CpuConvert.setLong(a, i, p[i]);
    }
}
