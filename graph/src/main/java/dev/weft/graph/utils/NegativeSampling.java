package dev.weft.graph.utils;

import dev.weft.graph.HostTensors;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.HashSet;
import java.util.Set;

/**
 * PyG {@code negative_sampling}: node pairs (u, v), u != v, that are not edges of the graph, drawn uniformly
 * without replacement. With forceUndirected, unordered pairs {u, v} are drawn (a pair is excluded when
 * either direction is an edge) and each is returned as (u, v) and (v, u), {@code u < v} first. Fewer than asked are
 * returned when the graph leaves fewer free pairs. Seeded: the same generator state gives the same pairs.
 */
public final class NegativeSampling {
    private NegativeSampling() {}

    // Populations up to this size are enumerated (exact, no rejection loop); larger ones are rejection-sampled.
    private static final long ENUMERATE_LIMIT = 1L << 22;

    /**
     * numNegSamples: the number of negative edges wanted (PyG's default is E: pass edgeIndex.size(1)); with
     * forceUndirected, numNegSamples / 2 pairs are drawn, each returned in both directions.
     *
     * @param edgeIndex the edges (2, E)
     * @param numNodes the number of nodes N
     * @param numNegSamples the number of negative edges wanted
     * @param forceUndirected whether to draw unordered pairs, each returned both ways
     * @param gen the generator
     * @return the negative edges (2, K), K at most numNegSamples
     */
    public static Tensor negativeSampling(Tensor edgeIndex, int numNodes, int numNegSamples, boolean forceUndirected, Generator gen) {
        long[] row = HostTensors.edgeRow(edgeIndex, 0);
        long[] col = HostTensors.edgeRow(edgeIndex, 1);
        EdgeSort.checkRange("negativeSampling", row, col, numNodes);
        long n = numNodes;
        Set<Long> taken = new HashSet<>();
        for (int i = 0; i < row.length; i++) {
            if (row[i] == col[i]) continue;
            taken.add(forceUndirected ? key(Math.min(row[i], col[i]), Math.max(row[i], col[i]), n) : key(row[i], col[i], n));
        }
        long population = forceUndirected ? n * (n - 1) / 2 : n * (n - 1);
        long free = population - taken.size();
        int want = (int) Math.min(forceUndirected ? numNegSamples / 2 : numNegSamples, Math.max(free, 0));
        long[] picked = new long[want];
        RandomStream rng = new RandomStream(gen);
        if (population <= ENUMERATE_LIMIT) {
            long[] pool = new long[(int) free];
            int k = 0;
            for (long u = 0; u < n; u++) {
                for (long v = forceUndirected ? u + 1 : 0; v < n; v++) {
                    if (u != v && !taken.contains(key(u, v, n))) pool[k++] = key(u, v, n);
                }
            }
            for (int i = 0; i < want; i++) { // partial Fisher-Yates
                int j = i + rng.nextInt(k - i);
                long t = pool[j];
                pool[j] = pool[i];
                pool[i] = t;
                picked[i] = t;
            }
        } else {
            for (int i = 0; i < want; ) {
                long idx = rng.nextLong(n * (n - 1));
                long u = idx / (n - 1);
                long w = idx % (n - 1);
                long v = w >= u ? w + 1 : w;
                long kk = forceUndirected ? key(Math.min(u, v), Math.max(u, v), n) : key(u, v, n);
                if (taken.add(kk)) picked[i++] = kk;
            }
        }
        int out = forceUndirected ? 2 * want : want;
        long[] r = new long[out];
        long[] c = new long[out];
        for (int i = 0; i < want; i++) {
            r[i] = picked[i] / n;
            c[i] = picked[i] % n;
            if (forceUndirected) {
                r[want + i] = c[i];
                c[want + i] = r[i];
            }
        }
        return HostTensors.edgeIndex(r, c);
    }

    private static long key(long u, long v, long n) {
        return u * n + v;
    }
}
