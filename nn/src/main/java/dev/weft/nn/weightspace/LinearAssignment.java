package dev.weft.nn.weightspace;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * The linear assignment problem, solved exactly: for a square cost matrix C (n, n) the permutation sigma that
 * minimizes (or maximizes) sum_i C[i][sigma(i)]. Shortest augmenting paths with dual potentials (the Hungarian
 * method in the Jonker-Volgenant form, O(n^3)); scipy's {@code linear_sum_assignment(cost, maximize)} for square
 * matrices. Ties are broken the same way on every run: among equally short augmenting paths the lowest column
 * index wins, so the result depends on C alone.
 */
public final class LinearAssignment {
    private LinearAssignment() {}

    /**
     * The row-to-column assignment sigma minimizing sum_i cost[i][sigma(i)]; cost is not modified.
     *
     * @param cost the square cost matrix (n, n), finite entries
     * @return sigma, sigma[i] the column given to row i
     */
    public static int[] minimize(double[][] cost) {
        return linearSumAssignment(cost, false);
    }

    /**
     * The row-to-column assignment sigma maximizing sum_i cost[i][sigma(i)]; cost is not modified.
     *
     * @param cost the square cost matrix (n, n), finite entries
     * @return sigma, sigma[i] the column given to row i
     */
    public static int[] maximize(double[][] cost) {
        return linearSumAssignment(cost, true);
    }

    /**
     * {@link #linearSumAssignment(double[][], boolean)} of a 2-d tensor (read in F64).
     *
     * @param cost the square cost matrix (n, n)
     * @param maximize true to maximize rather than minimize
     * @return sigma, sigma[i] the column given to row i
     * @throws IllegalArgumentException when cost is not square
     */
    public static int[] linearSumAssignment(Tensor cost, boolean maximize) {
        if (cost.dim() != 2 || cost.size(0) != cost.size(1)) {
            throw new IllegalArgumentException("linearSumAssignment: cost must be square (n, n), got " + Shape.format(cost.shape()));
        }
        int n = cost.size(0);
        double[] flat = cost.toDoubleArray();
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) c[i] = java.util.Arrays.copyOfRange(flat, i * n, (i + 1) * n);
        return linearSumAssignment(c, maximize);
    }

    /**
     * The optimal assignment for sum_i cost[i][sigma(i)] (minimal, or maximal when {@code maximize}); scipy's
     * linear_sum_assignment for square matrices.
     *
     * @param cost the square cost matrix, finite entries; not modified
     * @param maximize true to maximize rather than minimize
     * @return sigma, sigma[i] the column given to row i
     * @throws IllegalArgumentException when cost is not square or has an entry that is not finite
     */
    public static int[] linearSumAssignment(double[][] cost, boolean maximize) {
        int n = check(cost);
        // Work on a 1-based copy (row/column 0 is the virtual start of each augmenting path), negated to maximize.
        double[][] a = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i + 1][j + 1] = maximize ? -cost[i][j] : cost[i][j];
        double[] u = new double[n + 1], v = new double[n + 1];   // dual potentials: u_i + v_j <= a_ij, tight on matched pairs
        int[] rowOf = new int[n + 1];                             // rowOf[j]: the row matched to column j (0: none)
        int[] way = new int[n + 1];                               // the previous column on the shortest path
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            // Dijkstra on reduced costs a_ij - u_i - v_j from row i to the nearest free column.
            rowOf[0] = i;
            int j0 = 0;
            java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOf[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= n; j++) {
                    if (used[j]) continue;
                    double cur = a[i0][j] - u[i0] - v[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {   // strict: the lowest column among ties
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            // Augment along the path back to the virtual column 0.
            do {
                int j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] sigma = new int[n];
        for (int j = 1; j <= n; j++) sigma[rowOf[j] - 1] = j - 1;
        return sigma;
    }

    /**
     * {@return sum_i cost[i][sigma(i)]}
     *
     * @param cost the cost matrix
     * @param sigma the assignment, one column per row
     * @throws IllegalArgumentException when sigma and cost differ in rows
     */
    public static double total(double[][] cost, int[] sigma) {
        if (sigma.length != cost.length) {
            throw new IllegalArgumentException("LinearAssignment.total: assignment of " + sigma.length + " rows for a cost of " + cost.length + " rows");
        }
        double s = 0;
        for (int i = 0; i < sigma.length; i++) s += cost[i][sigma[i]];
        return s;
    }

    private static int check(double[][] cost) {
        if (cost == null) throw new IllegalArgumentException("linearSumAssignment: cost is null");
        int n = cost.length;
        for (int i = 0; i < n; i++) {
            if (cost[i] == null || cost[i].length != n) {
                throw new IllegalArgumentException("linearSumAssignment: cost must be square (n, n), got " + n + " rows and row " + i
                        + " of length " + (cost[i] == null ? "null" : String.valueOf(cost[i].length)));
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("linearSumAssignment: cost[" + i + "][" + j + "] = " + cost[i][j] + " is not finite");
                }
            }
        }
        return n;
    }
}
