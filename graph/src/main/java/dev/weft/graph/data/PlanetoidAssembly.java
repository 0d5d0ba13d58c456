package dev.weft.graph.data;

import dev.weft.graph.Graph;
import dev.weft.graph.HostTensors;
import dev.weft.graph.utils.Coalesce;
import dev.weft.graph.utils.EdgeData;
import dev.weft.graph.utils.Loops;
import dev.weft.tensor.Tensor;

/** The last step both Planetoid readers share: PyG's edge clean-up and the tensors of the graph. */
final class PlanetoidAssembly {
    private PlanetoidAssembly() {}

    /**
     * Edges as PyG's edge_index_from_dict leaves them: self loops removed, duplicates merged, sorted by
     * (target, source) (coalesce with sort_by_row=False). x (N, F) row-major; y (N) with -1 = no label.
     */
    static Graph build(String name, int n, long[] src, long[] dst, float[] x, int f, long[] y,
                       boolean[] train, boolean[] val, boolean[] test) {
        Tensor ei = HostTensors.edgeIndex(src, dst);
        EdgeData d = Loops.removeSelfLoops(ei, null);
        Tensor clean = Coalesce.coalesce(d.edgeIndex(), null, n, "sum", false).edgeIndex();
        return Graph.builder(n, clean).name(name)
                .x(HostTensors.floats(x, n, f))
                .y(HostTensors.longs(y, n))
                .masks(HostTensors.bools(train, n), HostTensors.bools(val, n), HostTensors.bools(test, n))
                .build();
    }
}
