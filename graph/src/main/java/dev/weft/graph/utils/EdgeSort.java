package dev.weft.graph.utils;

/**
 * The stable permutation that sorts edges by (primary, secondary), both in [0, n): two counting-sort
 * passes (secondary, then primary), O(E + N), so ties keep their input order and the result never depends
 * on anything but the input.
 */
final class EdgeSort {
    private EdgeSort() {}

    static int[] permutation(long[] primary, long[] secondary, int n) {
        int e = primary.length;
        int[] order = new int[e];
        for (int i = 0; i < e; i++) order[i] = i;
        order = countingPass(order, secondary, n);
        return countingPass(order, primary, n);
    }

    // Stable counting sort of `order` by key[order[i]].
    private static int[] countingPass(int[] order, long[] key, int n) {
        int[] start = new int[n + 1];
        for (int i : order) start[(int) key[i] + 1]++;
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        int[] out = new int[order.length];
        for (int i : order) out[start[(int) key[i]]++] = i;
        return out;
    }

    /** Checks 0 <= v < n for both rows; op names the caller in the error. */
    static void checkRange(String op, long[] row, long[] col, int n) {
        for (int k = 0; k < row.length; k++) {
            if (row[k] < 0 || row[k] >= n || col[k] < 0 || col[k] >= n) {
                throw new IllegalArgumentException(op + ": edge " + k + " = (" + row[k] + ", " + col[k]
                        + ") has an endpoint outside [0, " + n + ")");
            }
        }
    }

    /** PyG maybe_num_nodes: the given count, or 1 + the largest index (0 for no edges). */
    static int numNodes(long[] row, long[] col, Integer given) {
        if (given != null) return given;
        long m = -1;
        for (long v : row) m = Math.max(m, v);
        for (long v : col) m = Math.max(m, v);
        return (int) (m + 1);
    }
}
