package dev.weft.kernels;

import java.util.SplittableRandom;

/** Seeded test inputs: len values uniform in [-1, 1) from a SplittableRandom, the same for a seed on every run. */
public final class TestArrays {
    private TestArrays() {}

    public static float[] uniformF(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = (float) r.nextDouble(-1, 1);
        return x;
    }

    public static double[] uniformD(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[len];
        for (int i = 0; i < len; i++) x[i] = r.nextDouble(-1, 1);
        return x;
    }
}
