package dev.weft.graph.hyper;

import dev.weft.graph.arch.ArchNode;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Embedding;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

import java.util.List;

/**
 * GHN-2's shape encoder (Sec. 4, "parameter shape encoding"): a parameter node's features get a learned code of
 * its tensor's shape, so nodes of the same operation with different sizes start apart. Each dim of (C_out, C_in, K)
 * is mapped to the nearest size (in log scale) of a fixed table and looked up in its own embedding (index 0: no such
 * dim, as for a bias's C_in or a parameter-free node); the three codes are added:
 * s_v = E_out[b(C_out)] + E_in[b(C_in)] + E_k[b(K)].
 */
public final class ShapeEncoder extends Module {
    /** The size table; a dim maps to the entry nearest in log scale (table index + 1). */
    static final int[] SIZES = {1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64, 80, 96, 128, 160, 192, 256, 320, 384,
            512, 640, 784, 1024, 1536, 2048, 4096};

    private final Embedding out, in, kernel;

    /**
     * Three embeddings of width C, one per dim of (C_out, C_in, K).
     *
     * @param features the code width C
     * @param g the generator for the embeddings
     */
    public ShapeEncoder(int features, Generator g) {
        int n = SIZES.length + 1;
        this.out = registerModule("out", new Embedding(Embedding.options(n, features).generator(g)));
        this.in = registerModule("in", new Embedding(Embedding.options(n, features).generator(g)));
        this.kernel = registerModule("kernel", new Embedding(Embedding.options(n, features).generator(g)));
    }

    /** The bucket of a size: 1 + the index of the nearest table entry in log scale (ties to the smaller). */
    static long bucket(int size) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY, l = Math.log(size);
        for (int i = 0; i < SIZES.length; i++) {
            double d = Math.abs(Math.log(SIZES[i]) - l);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best + 1;
    }

    // nodes: N nodes -> (N, C)
    /**
     * The shape codes of {@code nodes} (zero-index rows for parameter-free nodes).
     *
     * @param nodes the N nodes
     * @return the codes (N, C)
     */
    public Tensor forward(List<ArchNode> nodes) {
        int n = nodes.size();
        long[] o = new long[n], i = new long[n], k = new long[n];
        for (int v = 0; v < n; v++) {
            int[] s = nodes.get(v).shape();
            if (s == null) continue;
            o[v] = bucket(s[0]);
            if (s.length > 1) i[v] = bucket(s[1]);
            if (s.length > 2) k[v] = bucket(s[2]);
        }
        return out.forward(Tensor.of(o)).add(in.forward(Tensor.of(i))).add(kernel.forward(Tensor.of(k)));
    }
}
