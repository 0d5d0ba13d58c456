package dev.weft.kernels.elementwise;

import java.util.SplittableRandom;

/**
 * Test helpers: strided operand layouts (offset adjusted so negative strides stay in range), value
 * generators that mix ordinary numbers with the special ones (0, -0, +-inf, NaN, halves, huge, tiny),
 * and tolerant comparison by ulps.
 */
public final class Operands {
    private Operands() {}

    /** An operand layout: array length, offset of element 0, stride. */
    public record Layout(int length, int off, int stride) {
        public static Layout of(int n, int pad, int stride) {
            int span = n == 0 ? 0 : (n - 1) * Math.abs(stride);
            int off = pad + (stride < 0 ? span : 0);
            return new Layout(pad + span + 1 + 3, off, stride);
        }
    }

    /** A value for fn tests: mostly uniform in [-scale, scale], sometimes special. */
    public static double value(SplittableRandom r, double scale) {
        int k = r.nextInt(40);
        return switch (k) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.NaN;
            case 3 -> Double.POSITIVE_INFINITY;
            case 4 -> Double.NEGATIVE_INFINITY;
            case 5 -> Math.floor(r.nextDouble(-8, 8)) + 0.5;   // ties for ROUND
            case 6 -> r.nextDouble(-1e-3, 1e-3);
            case 7 -> r.nextDouble(-1e4, 1e4);
            case 8 -> Math.floor(r.nextDouble(-8, 8));        // integers for FLOOR/CEIL/POW
            default -> r.nextDouble(-scale, scale);
        };
    }

    public static float[] floats(SplittableRandom r, int len, double scale) {
        float[] a = new float[len];
        for (int i = 0; i < len; i++) a[i] = (float) value(r, scale);
        return a;
    }

    public static double[] doubles(SplittableRandom r, int len, double scale) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = value(r, scale);
        return a;
    }

    public static int[] ints(SplittableRandom r, int len) {
        int[] a = new int[len];
        for (int i = 0; i < len; i++) {
            int k = r.nextInt(20);
            a[i] = k == 0 ? Integer.MIN_VALUE : k == 1 ? Integer.MAX_VALUE : k == 2 ? 0 : r.nextInt(-1000, 1000);
        }
        return a;
    }

    public static long[] longs(SplittableRandom r, int len) {
        long[] a = new long[len];
        for (int i = 0; i < len; i++) {
            int k = r.nextInt(20);
            a[i] = k == 0 ? Long.MIN_VALUE : k == 1 ? Long.MAX_VALUE : k == 2 ? 0 : k == 3 ? r.nextLong() : r.nextLong(-1000, 1000);
        }
        return a;
    }

    public static byte[] bools(SplittableRandom r, int len) {
        byte[] a = new byte[len];
        for (int i = 0; i < len; i++) a[i] = (byte) (r.nextInt(3) == 0 ? 0 : 1);
        return a;
    }

    /**
     * True if got is within ulps units in the last place of ref (ulp of ref), or both are the same
     * non-finite value, or both below the smallest normal in magnitude (flush-to-zero differences).
     */
    public static boolean close(double ref, double got, double ulps, boolean f32) {
        if (Double.isNaN(ref) || Double.isNaN(got)) return Double.isNaN(ref) && Double.isNaN(got);
        if (ref == got) return true;
        if (Double.isInfinite(ref) || Double.isInfinite(got)) return false;
        double tiny = f32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
        double ulp = f32 ? Math.ulp((float) ref) : Math.ulp(ref);
        return Math.abs(ref - got) <= ulps * ulp + tiny;
    }

    /** Bitwise equality with every NaN equal. */
    public static boolean same(float a, float b) {
        return Float.floatToIntBits(a) == Float.floatToIntBits(b);
    }

    public static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
