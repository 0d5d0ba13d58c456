package dev.weft.graph.nn;

import dev.weft.graph.nn.aggr.Aggregation;
import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;

/**
 * The message passing scheme (PyG's MessagePassing, flow source_to_target): for every edge j -> i a message
 * phi(x_i, x_j, e_ji) ({@link #message}), aggregated per target by a permutation-invariant {@link Aggregation}
 * over the segments of an {@link Adjacency} (edges sorted by target: deterministic, no scatter atomics), then
 * {@link #update}d. Subclasses override message and update; {@link #propagate} runs the three steps. The default
 * message is x_j (times the edge weight when one is given).
 */
public abstract class MessagePassing extends Module {

    /** What message() sees: one row per edge, in the adjacency's target order. */
    public static final class Edges {
        private final Adjacency adj;
        private final Tensor xSrc, xDst, weight, attr;
        private Tensor xj, xi;

        Edges(Adjacency adj, Tensor xSrc, Tensor xDst, Tensor weight, Tensor attr) {
            this.adj = adj;
            this.xSrc = xSrc;
            this.xDst = xDst;
            this.weight = weight;
            this.attr = attr;
        }

        /** {@return x_j: each edge's source features (E, ...)} */
        public Tensor xj() {
            if (xj == null) xj = adj.gatherSrc(xSrc);
            return xj;
        }

        /**
         * x_i: each edge's target features (E, ...).
         *
         * @return x_i: each edge's target features (E, ...)
         * @throws IllegalStateException if no target features were given
         */
        public Tensor xi() {
            if (xDst == null) throw new IllegalStateException("message passing: no target features were given (x_i)");
            if (xi == null) xi = adj.gatherDst(xDst);
            return xi;
        }

        /** {@return the edge weights (E) in target order, or null} */
        public Tensor weight() { return weight; }
        /** {@return the edge attributes (E, D) in target order, or null} */
        public Tensor attr() { return attr; }
        /** {@return the adjacency (target index, row pointers, sizes)} */
        public Adjacency adjacency() { return adj; }
    }

    /**
     * A layer aggregating with {@code aggr}, registered as the submodule "aggr_module".
     *
     * @param aggr the per-target aggregation
     */
    protected MessagePassing(Aggregation aggr) {
        if (aggr != null) registerModule("aggr_module", aggr);
    }

    /** {@return the aggregation this layer was built with} */
    public Aggregation aggregation() {
        return (Aggregation) child("aggr_module");
    }

    /**
     * message -> aggregate -> update over adj. xSrc (numSrc, ...) and xDst (numDst, ..., or null); edgeWeight (E)
     * and edgeAttr (E, D) in the edge index's order (or null).
     *
     * @param adj the edges, sorted by target
     * @param xSrc source features (numSrc, ...)
     * @param xDst target features (numDst, ...), or null
     * @param edgeWeight (E), or null
     * @param edgeAttr (E, D), or null
     * @return the updated target features (numDst, ...)
     */
    protected final Tensor propagate(Adjacency adj, Tensor xSrc, Tensor xDst, Tensor edgeWeight, Tensor edgeAttr) {
        if (xSrc.size(0) != adj.numSrc()) {
            throw new IllegalArgumentException(this + ": x has " + xSrc.size(0) + " rows but the graph has " + adj.numSrc() + " source nodes");
        }
        if (xDst != null && xDst.size(0) != adj.numDst()) {
            throw new IllegalArgumentException(this + ": x_dst has " + xDst.size(0) + " rows but the graph has " + adj.numDst() + " target nodes");
        }
        Edges e = new Edges(adj, xSrc, xDst, adj.sortEdges(edgeWeight), adj.sortEdges(edgeAttr));
        Tensor aggregated = aggregate(message(e), adj);
        return update(aggregated, e);
    }

    /**
     * phi(x_i, x_j, e_ji): the default is x_j, scaled by the edge weight when there is one.
     *
     * @param e the edges with their endpoints' features
     * @return one message per edge (E, ...)
     */
    protected Tensor message(Edges e) {
        Tensor xj = e.xj();
        return e.weight() == null ? xj : xj.mul(Messages.perEdge(e.weight(), xj));
    }

    /**
     * The aggregation over each target's messages.
     *
     * @param messages one per edge, in target order
     * @param adj the edges, sorted by target
     * @return one row per target (numDst, ...)
     */
    protected Tensor aggregate(Tensor messages, Adjacency adj) {
        return aggregation().aggregate(messages, adj.rowPtr(), adj.numDst());
    }

    /**
     * gamma(aggregated): the default passes it through.
     *
     * @param aggregated one row per target
     * @param e the edges, for layers that need the node features
     * @return the layer's output
     */
    protected Tensor update(Tensor aggregated, Edges e) {
        return aggregated;
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(this + ": call forward(x, edgeIndex)");
    }
}
