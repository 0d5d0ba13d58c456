package dev.weft.kernels.index;

/** Test helper: one double[] reference converted to each dtype. */
final class Convert {
    private Convert() {}

    static float[] floats(double[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (float) a[i];
        return r;
    }

    static int[] ints(double[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (int) a[i];
        return r;
    }

    static long[] longs(double[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (long) a[i];
        return r;
    }

    static byte[] bytes(double[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (byte) (long) a[i];
        return r;
    }
}
