package dev.weft.bench.elementwise;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * STREAM-triad reference, a[i] = b[i] + s*c[i] on float arrays, as the memory-bandwidth yardstick of the
 * elementwise suite: a plain Java loop (which C2 auto-vectorizes) and a Vector API loop, both split over the
 * shared pool like the kernels; the suite reports the best. Bytes moved: 12 per element (two reads, one write;
 * write-allocate traffic not counted, as in STREAM).
 */
final class Triad {
    private Triad() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int GRAIN = 32 * 1024;

    static void plain(float[] a, float[] b, float[] c, float s) {
        Parallel.forRange(a.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) a[i] = b[i] + s * c[i];
        });
    }

    static void simd(float[] a, float[] b, float[] c, float s) {
        Parallel.forRange(a.length, GRAIN, (from, to) -> {
            int i = from, len = S.length();
            for (; i + len <= to; i += len) {
                FloatVector.fromArray(S, c, i).mul(s).add(FloatVector.fromArray(S, b, i)).intoArray(a, i);
            }
            for (; i < to; i++) a[i] = b[i] + s * c[i];
        });
    }

    /** Best GB/s over both loops on n floats with the pool's current thread count (median of samples each). */
    static double gbps(int n, int samples) {
        float[] a = new float[n], b = new float[n], c = new float[n];
        java.util.Arrays.fill(b, 1f);
        java.util.Arrays.fill(c, 2f);
        double best = 0;
        for (int variant = 0; variant < 2; variant++) {
            boolean vec = variant == 1;
            Runnable call = () -> { if (vec) simd(a, b, c, 3f); else plain(a, b, c, 3f); };
            double sec = ElementwiseBench.medianSeconds(call, samples);
            best = Math.max(best, 12.0 * n / sec / 1e9);
        }
        return best;
    }
}
