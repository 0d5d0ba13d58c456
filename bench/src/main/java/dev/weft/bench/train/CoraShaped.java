package dev.weft.bench.train;

import dev.weft.bench.sparse.SpmmGraphs;
import dev.weft.tensor.Tensor;

/**
 * A generated graph of Cora's shape for {@code weft bench train-gcn} (so it runs without the data set), built
 * from the same splitmix64 draws as bench/peers/train_gcn.py: 2,708 nodes; 5,278 undirected edges (draws 2e, 2e + 1
 * give the ends, mod n, a self pair moved to (i, i + 1 mod n)), both directions in the edge index; 1,433 binary
 * features, 18 per node (draw 100,000 + 18 i + k, mod 1,433; a repeat just sets the same feature), rows normalized
 * to sum 1 as PyG's NormalizeFeatures; 7 classes (draw 200,000 + i, mod 7); the first 140 nodes train.
 */
final class CoraShaped {
    static final int NODES = 2708, EDGES = 5278, FEATURES = 1433, PER_NODE = 18, CLASSES = 7, TRAIN = 140;
    static final long SEED = 11;

    final Tensor x, edgeIndex, y, trainIndex;

    CoraShaped() {
        long[] e = new long[4 * EDGES];
        for (int k = 0; k < EDGES; k++) {
            long a = Long.remainderUnsigned(SpmmGraphs.draw(SEED, 2L * k), NODES), b = Long.remainderUnsigned(SpmmGraphs.draw(SEED, 2L * k + 1), NODES);
            if (a == b) b = (b + 1) % NODES;
            e[k] = a;
            e[2 * EDGES + k] = b;
            e[EDGES + k] = b;
            e[3 * EDGES + k] = a;
        }
        edgeIndex = Tensor.of(e).reshape(2, 2 * EDGES);
        float[] f = new float[NODES * FEATURES];
        for (int i = 0; i < NODES; i++) {
            for (int k = 0; k < PER_NODE; k++) f[i * FEATURES + (int) Long.remainderUnsigned(SpmmGraphs.draw(SEED, 100_000L + PER_NODE * i + k), FEATURES)] = 1;
            float s = 0;
            for (int j = 0; j < FEATURES; j++) s += f[i * FEATURES + j];
            for (int j = 0; j < FEATURES; j++) f[i * FEATURES + j] /= s;
        }
        x = Tensor.of(f, NODES, FEATURES);
        long[] labels = new long[NODES], train = new long[TRAIN];
        for (int i = 0; i < NODES; i++) labels[i] = Long.remainderUnsigned(SpmmGraphs.draw(SEED, 200_000L + i), CLASSES);
        for (int i = 0; i < TRAIN; i++) train[i] = i;
        y = Tensor.of(labels);
        trainIndex = Tensor.of(train);
    }
}
