package dev.weft.nn.weightspace;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The exact linear assignment solver against brute force over all n! permutations, a golden case, ties and errors. */
class LinearAssignmentTest {
    private static double[][] random(long seed, int n, boolean integers) {
        Generator g = new Generator(seed);
        double[] flat = Tensor.rand(g, DType.F64, n * n).toDoubleArray();
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) c[i][j] = integers ? Math.floor(flat[i * n + j] * 4) : flat[i * n + j] * 10 - 5;
        return c;
    }

    /** The best total over all permutations (min or max). */
    private static double bruteForce(double[][] c, boolean maximize) {
        int n = c.length;
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        double best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        do {
            double t = LinearAssignment.total(c, p);
            best = maximize ? Math.max(best, t) : Math.min(best, t);
        } while (nextPermutation(p));
        return best;
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) i--;
        if (i < 0) return false;
        int j = p.length - 1;
        while (p[j] <= p[i]) j--;
        int t = p[i]; p[i] = p[j]; p[j] = t;
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) { t = p[a]; p[a] = p[b]; p[b] = t; }
        return true;
    }

    private static void assertPermutation(int[] sigma, int n) {
        assertEquals(n, sigma.length);
        int[] sorted = sigma.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) assertEquals(i, sorted[i], () -> Arrays.toString(sigma) + " is not a permutation");
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        for (int n = 1; n <= 7; n++) {
            for (long seed = 0; seed < 12; seed++) {
                // real costs, and small integers (many ties)
                for (boolean integers : new boolean[] {false, true}) {
                    double[][] c = random(100 * n + seed, n, integers);
                    for (boolean maximize : new boolean[] {false, true}) {
                        int[] sigma = LinearAssignment.linearSumAssignment(c, maximize);
                        assertPermutation(sigma, n);
                        double got = LinearAssignment.total(c, sigma), want = bruteForce(c, maximize);
                        assertEquals(want, got, 1e-9, "n=" + n + " seed=" + seed + " integers=" + integers + " maximize=" + maximize);
                    }
                }
            }
        }
    }

    @Test
    void goldenCase() {
        // min: rows 0 -> 1, 1 -> 0, 2 -> 2 (1 + 2 + 2 = 5); max: 0 -> 0, 1 -> 2, 2 -> 1 (4 + 5 + 2 = 11)
        double[][] c = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertArrayEquals(new int[] {1, 0, 2}, LinearAssignment.minimize(c));
        assertArrayEquals(new int[] {0, 2, 1}, LinearAssignment.maximize(c));
        assertArrayEquals(new int[] {0, 2, 1}, LinearAssignment.linearSumAssignment(Tensor.of(c), true));
        assertEquals(4, c[0][0]);   // not modified (maximize negates a copy)
    }

    @Test
    void tiesAreDeterministic() {
        double[][] zeros = new double[5][5];
        int[] first = LinearAssignment.minimize(zeros);
        assertPermutation(first, 5);
        assertArrayEquals(first, LinearAssignment.minimize(new double[5][5]));
        double[][] c = random(3, 6, true);
        int[] s = LinearAssignment.maximize(c);
        for (int k = 0; k < 3; k++) assertArrayEquals(s, LinearAssignment.maximize(random(3, 6, true)));
    }

    @Test
    void identityIsOptimalForADominantDiagonal() {
        double[][] c = random(9, 40, false);
        for (int i = 0; i < 40; i++) c[i][i] = 1000;
        int[] sigma = LinearAssignment.maximize(c);
        for (int i = 0; i < 40; i++) assertEquals(i, sigma[i]);
    }

    @Test
    void emptyAndErrors() {
        assertEquals(0, LinearAssignment.minimize(new double[0][0]).length);
        var e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.minimize(new double[2][3]));
        assertTrue(e.getMessage().contains("linearSumAssignment") && e.getMessage().contains("square"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.minimize(new double[][] {{1, 2}, {3}}));
        e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.minimize(new double[][] {{1, Double.NaN}, {3, 4}}));
        assertTrue(e.getMessage().contains("cost[0][1] = NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.maximize(new double[][] {{Double.POSITIVE_INFINITY}}));
        e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.linearSumAssignment(Tensor.zeros(2, 3), false));
        assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
    }
}
