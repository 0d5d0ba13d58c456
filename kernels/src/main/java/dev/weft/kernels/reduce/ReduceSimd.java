package dev.weft.kernels.reduce;

/** Vector API version of {@link Reduce}. No checks, no threading. */
public final class ReduceSimd {
    private ReduceSimd() {}

    public static void reduce(ReduceFn fn, float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, y, yOff);
    }

    public static void reduce(ReduceFn fn, float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void reduce(ReduceFn fn, double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, y, yOff);
    }

    public static void reduce(ReduceFn fn, double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void reduce(ReduceFn fn, int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, y, yOff);
    }

    public static void reduce(ReduceFn fn, int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void reduce(ReduceFn fn, long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, y, yOff);
    }

    public static void reduce(ReduceFn fn, long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, byte[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, y, yOff);
    }

    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, int j0, int j1, byte[] y, int yOff) {
        ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    public static void argReduce(boolean max, float[] x, int xOff, int outer, int r, int inner, float[] y, int yOff, long[] idx, int idxOff) {
        ReduceScalar.argReduce(max, x, xOff, outer, r, inner, y, yOff, idx, idxOff);
    }

    public static void argReduce(boolean max, float[] x, int xOff, int outer, int r, int inner, int j0, int j1, float[] y, int yOff, long[] idx, int idxOff) {
        ReduceScalar.argReduce(max, x, xOff, outer, r, inner, j0, j1, y, yOff, idx, idxOff);
    }

    public static void argReduce(boolean max, double[] x, int xOff, int outer, int r, int inner, double[] y, int yOff, long[] idx, int idxOff) {
        ReduceScalar.argReduce(max, x, xOff, outer, r, inner, y, yOff, idx, idxOff);
    }

    public static void argReduce(boolean max, double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double[] y, int yOff, long[] idx, int idxOff) {
        ReduceScalar.argReduce(max, x, xOff, outer, r, inner, j0, j1, y, yOff, idx, idxOff);
    }

    public static void argReduce(boolean max, int[] x, int xOff, int outer, int r, int inner, int[] y, int yOff, long[] idx, int idxOff) {
        ReduceScalar.argReduce(max, x, xOff, outer, r, inner, y, yOff, idx, idxOff);
    }

    public static void argReduce(boolean max, int[] x, int xOff, int outer, int r, int inner, int j0, int j1, int[] y, int yOff, long[] idx, int idxOff) {
        ReduceScalar.argReduce(max, x, xOff, outer, r, inner, j0, j1, y, yOff, idx, idxOff);
    }

    public static void argReduce(boolean max, long[] x, int xOff, int outer, int r, int inner, long[] y, int yOff, long[] idx, int idxOff) {
        ReduceScalar.argReduce(max, x, xOff, outer, r, inner, y, yOff, idx, idxOff);
    }

    public static void argReduce(boolean max, long[] x, int xOff, int outer, int r, int inner, int j0, int j1, long[] y, int yOff, long[] idx, int idxOff) {
        ReduceScalar.argReduce(max, x, xOff, outer, r, inner, j0, j1, y, yOff, idx, idxOff);
    }

    public static void meanVar(float[] x, int xOff, int outer, int r, int inner, double correction, float[] mean, int mOff, float[] var, int vOff) {
        ReduceScalar.meanVar(x, xOff, outer, r, inner, correction, mean, mOff, var, vOff);
    }

    public static void meanVar(float[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, float[] mean, int mOff, float[] var, int vOff) {
        ReduceScalar.meanVar(x, xOff, outer, r, inner, j0, j1, correction, mean, mOff, var, vOff);
    }

    public static void meanVar(double[] x, int xOff, int outer, int r, int inner, double correction, double[] mean, int mOff, double[] var, int vOff) {
        ReduceScalar.meanVar(x, xOff, outer, r, inner, correction, mean, mOff, var, vOff);
    }

    public static void meanVar(double[] x, int xOff, int outer, int r, int inner, int j0, int j1, double correction, double[] mean, int mOff, double[] var, int vOff) {
        ReduceScalar.meanVar(x, xOff, outer, r, inner, j0, j1, correction, mean, mOff, var, vOff);
    }
}
