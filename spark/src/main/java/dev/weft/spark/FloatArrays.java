package dev.weft.spark;

/**
 * The combine step of {@code treeAggregate} over flat float vectors: the zero value is {@code new float[0]}
 * (nothing yet), and {@link #add} sums element-wise. Two partitions' sums are exact to reorder (a + b == b + a
 * in IEEE float); with more partitions the order Spark merges them in can change the last bits.
 */
public final class FloatArrays {
    private FloatArrays() {}

    /**
     * {@return a + b element-wise, written into {@code a} unless it is empty (then {@code b} itself)}
     * Modifies {@code a}: Spark hands the combine its own deserialized copies, never the caller's arrays.
     *
     * @param a an accumulator (may be empty)
     * @param b a partition's vector (may be empty)
     * @throws IllegalArgumentException when both are non-empty and their lengths differ
     */
    public static float[] add(float[] a, float[] b) {
        if (a.length == 0) return b;
        if (b.length == 0) return a;
        if (a.length != b.length) throw new IllegalArgumentException("FloatArrays.add: lengths " + a.length + " and " + b.length);
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return a;
    }
}
