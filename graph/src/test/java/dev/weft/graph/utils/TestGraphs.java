package dev.weft.graph.utils;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/** Small random multigraphs (loops and duplicate edges allowed) with F64 weights, for the property tests. */
final class TestGraphs {
    private TestGraphs() {}

    static Graph random(long seed, int n, int e) {
        RandomStream r = new RandomStream(new Generator(seed));
        long[] s = new long[e];
        long[] t = new long[e];
        for (int i = 0; i < e; i++) {
            s[i] = r.nextInt(n);
            t[i] = r.nextInt(n);
        }
        return Graph.of(n, s, t).withEdgeWeight(Tensor.rand(new Generator(seed + 1), DType.F64, e).add(0.5));
    }

    static Tensor ei(long[] s, long[] t) {
        return HostTensors.edgeIndex(s, t);
    }
}
