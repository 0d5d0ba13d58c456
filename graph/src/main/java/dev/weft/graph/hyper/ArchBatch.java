package dev.weft.graph.hyper;

import dev.weft.graph.arch.ArchGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * B architecture graphs as one disjoint union (global node g = offset_b + local i), with the schedule of GHN-2's
 * sequential GatedGNN sweeps precomputed: for the forward sweep, step p updates node p of every graph that has one
 * (a batch of {@code B' <= B} nodes) from the messages of the edges u -> p; the backward sweep runs p = maxN - 1 ... 0 over
 * the reversed edges (messages from the successors). Edges carry GHN-2 Eq. 4's path length s (virtual edges up to
 * {@code cutoff}; cutoff 1 keeps the real edges only).
 */
public final class ArchBatch {
    /**
     * One update step: the global ids of the nodes updated together, and the messages into them: for message k,
     * the global id of its source, the slot (index into {@code nodes}) of its receiver, and the path length s.
     *
     * @param nodes the global ids of the nodes updated in this step
     * @param source the global id of each message's source
     * @param slot the index into nodes of each message's receiver
     * @param dist the path length s of each message's edge
     */
    public record Step(long[] nodes, long[] source, long[] slot, int[] dist) {}

    private final List<ArchGraph> graphs;
    private final int[] offsets;
    private final int cutoff;
    private final List<Step> forward, backward;

    private ArchBatch(List<ArchGraph> graphs, int cutoff) {
        this.graphs = List.copyOf(graphs);
        this.cutoff = cutoff;
        int b = graphs.size();
        offsets = new int[b + 1];
        int maxN = 0;
        for (int i = 0; i < b; i++) {
            offsets[i + 1] = offsets[i] + graphs.get(i).numNodes();
            maxN = Math.max(maxN, graphs.get(i).numNodes());
        }
        List<ArchGraph.Edges> edges = new ArrayList<>();
        for (ArchGraph g : graphs) edges.add(g.virtualEdges(cutoff));
        List<Step> fw = new ArrayList<>(), bw = new ArrayList<>();
        for (int p = 0; p < maxN; p++) fw.add(step(p, edges, true));
        for (int p = maxN - 1; p >= 0; p--) bw.add(step(p, edges, false));
        this.forward = List.copyOf(fw);
        this.backward = List.copyOf(bw);
    }

    /**
     * The union of {@code graphs} with virtual edges up to {@code cutoff}.
     *
     * @param graphs the architecture graphs, at least one
     * @param cutoff the longest virtual edge, at least 1
     * @return the batch with its sweep schedules
     * @throws IllegalArgumentException if graphs is empty or cutoff is below 1
     */
    public static ArchBatch of(List<ArchGraph> graphs, int cutoff) {
        if (graphs == null || graphs.isEmpty()) throw new IllegalArgumentException("ArchBatch: no graphs");
        if (cutoff < 1) throw new IllegalArgumentException("ArchBatch: cutoff must be >= 1, got " + cutoff);
        return new ArchBatch(graphs, cutoff);
    }

    // node p of each graph that has one; in the forward sweep its messages come from the sources of edges into p,
    // in the backward sweep from the targets of edges out of p
    private Step step(int p, List<ArchGraph.Edges> edges, boolean forwardSweep) {
        List<Long> nodes = new ArrayList<>(), src = new ArrayList<>(), slot = new ArrayList<>();
        List<Integer> dist = new ArrayList<>();
        for (int b = 0; b < graphs.size(); b++) {
            if (p >= graphs.get(b).numNodes()) continue;
            int s = nodes.size();
            nodes.add((long) offsets[b] + p);
            ArchGraph.Edges e = edges.get(b);
            for (int k = 0; k < e.size(); k++) {
                int to = forwardSweep ? e.dst()[k] : e.src()[k], from = forwardSweep ? e.src()[k] : e.dst()[k];
                if (to != p) continue;
                src.add((long) offsets[b] + from);
                slot.add((long) s);
                dist.add(e.dist()[k]);
            }
        }
        return new Step(nodes.stream().mapToLong(Long::longValue).toArray(), src.stream().mapToLong(Long::longValue).toArray(),
                slot.stream().mapToLong(Long::longValue).toArray(), dist.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@return the graphs, in batch order} */
    public List<ArchGraph> graphs() {
        return graphs;
    }

    /** {@return the number of graphs B} */
    public int size() {
        return graphs.size();
    }

    /** {@return N, the total number of nodes} */
    public int numNodes() {
        return offsets[offsets.length - 1];
    }

    /**
     * {@return the global id of graph b's node 0}
     *
     * @param b the graph index in [0, B)
     */
    public int offset(int b) {
        return offsets[b];
    }

    /** {@return the longest virtual edge kept} */
    public int cutoff() {
        return cutoff;
    }

    /** {@return the forward sweep's steps, p = 0, 1, ...} */
    public List<Step> forwardSteps() {
        return forward;
    }

    /** {@return the backward sweep's steps, p = maxN - 1, ..., 0} */
    public List<Step> backwardSteps() {
        return backward;
    }
}
