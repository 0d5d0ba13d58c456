package dev.weft.kernels.linalg;

/** F32 <-> F64 copies for the float overloads, which compute in F64 and round once. */
final class Widen {
    private Widen() {}

    static double[] of(float[] a, int off, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = a[off + i];
        return w;
    }

    static void store(double[] w, float[] a, int off) {
        for (int i = 0; i < w.length; i++) a[off + i] = (float) w[i];
    }
}
