package dev.weft.bench.sparse;

/**
 * The CSR graphs of {@code weft bench spmm}, generated from splitmix64 draws so bench/peers/spmm.py builds the
 * very same structure: draw k = mix(seed + (k + 1) * 0x9E3779B97F4A7C15). Entry p (of 4 per node) takes its
 * column from draw 2p (unsigned, mod n) and, for the power-law graph, its row from draw 2p + 1: floor(n u^3) with
 * u = (draw >>> 11) * 2^-53, so a few rows hold most entries; the uniform graphs have exactly 4 entries per row.
 * The matrix is then coalesced: columns sorted within each row, duplicates dropped (torch's CSR requires it, and a
 * graph's adjacency is coalesced), so nnz is a little under 4 n.
 */
public final class SpmmGraphs {
    private SpmmGraphs() {}

    /** A generated graph: name, n nodes, CSR (rowPtr n + 1, col nnz). */
    public record Graph(String name, int n, int[] rowPtr, int[] col) {
        public int nnz() {
            return col.length;
        }
    }

    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    static final int DEGREE = 4;

    /** Draw k of the stream for seed. */
    public static long draw(long seed, long k) {
        long z = seed + (k + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** "cora" (2,708 nodes, uniform), "uniform" (100,000), "powerlaw" (100,000). */
    public static Graph of(String name) {
        return switch (name) {
            case "cora" -> build(name, 2708, false, 1);
            case "uniform" -> build(name, 100_000, false, 2);
            case "powerlaw" -> build(name, 100_000, true, 3);
            default -> throw new IllegalArgumentException("bench spmm: --graphs: unknown '" + name + "' (expected cora, uniform, powerlaw)");
        };
    }

    static Graph build(String name, int n, boolean powerLaw, long seed) {
        int nnz = DEGREE * n;
        int[] row = new int[nnz], col = new int[nnz];
        for (int p = 0; p < nnz; p++) {
            col[p] = (int) Long.remainderUnsigned(draw(seed, 2L * p), n);
            if (powerLaw) {
                double u = (draw(seed, 2L * p + 1) >>> 11) * 0x1.0p-53;
                row[p] = (int) Math.min(n - 1, Math.floor(n * (u * u * u)));
            } else {
                row[p] = p / DEGREE;
            }
        }
        long[] key = new long[nnz];
        for (int p = 0; p < nnz; p++) key[p] = (long) row[p] * n + col[p];
        java.util.Arrays.sort(key);
        int u = 0;
        for (int p = 0; p < nnz; p++) if (p == 0 || key[p] != key[p - 1]) key[u++] = key[p];
        int[] ptr = new int[n + 1], sorted = new int[u];
        for (int p = 0; p < u; p++) {
            ptr[(int) (key[p] / n) + 1]++;
            sorted[p] = (int) (key[p] % n);
        }
        for (int i = 0; i < n; i++) ptr[i + 1] += ptr[i];
        return new Graph(name, n, ptr, sorted);
    }
}
