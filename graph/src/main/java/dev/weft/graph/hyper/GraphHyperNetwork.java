package dev.weft.graph.hyper;

import dev.weft.graph.arch.ArchGraph;
import dev.weft.graph.arch.ArchNode;
import dev.weft.graph.arch.OpType;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Embedding;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GHN-2 (Knyazev et al. 2021, "Parameter Prediction for Unseen Deep Architectures", Sec. 4): predicts all parameters
 * of a network from its computation graph ({@link ArchGraph}) in one forward pass.
 * <pre>
 *   h_v^0 = E[op(v)] + S(shape(v))                      operation embedding + shape code ({@link ShapeEncoder})
 *   h     = GatedGNN(h^0, graph)                        forward + backward sweeps, virtual edges ({@link GatedGNN})
 *   h     = LayerNorm(h)
 *   p_v   = D(h_v)  reshaped to (O, I, K, K)            weights (Linear, Conv2d): the "decoder" MLP
 *   p_v   = D_1d(h_v)  (max(O, I))                       biases and norm scales: the "decoder_1d" MLP
 *   w_v   = normalize(fit(p_v, shape(v)))               {@link ParameterTiling}, {@link ParameterNormalization}
 * </pre>
 * (O, I, K) is the fixed {@code maxShape} of the decoder's output; a parameter larger than it is tiled, a smaller one
 * sliced. The decoders are MLPs (ppuda's MLPDecoder; GHN-2's best model decodes with a small convolutional net and
 * predicts the classifier with a separate head, omitted here). Submodules: "embed", "shape_enc", "gnn", "ln",
 * "decoder", "decoder_1d". The target runs with the predicted tensors through {@link FunctionalCall}, so a loss on
 * its output trains the hypernetwork.
 *
 * <pre>{@code
 * Sequential net = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
 * GraphHyperNetwork ghn = new GraphHyperNetwork(GraphHyperNetwork.options().hidden(32));
 * Tensor logits = ghn.forward(ArchGraph.of(net), net, x);      // x (B, 4) -> (B, 3) with predicted weights
 * }</pre>
 */
public final class GraphHyperNetwork extends Module {
    private final int hidden, maxOut, maxIn, maxK, cutoff;
    private final boolean layerNorm, normalize;
    private final Embedding embed;
    private final ShapeEncoder shapeEnc;
    private final GatedGNN gnn;
    private final LayerNorm ln;
    private final Sequential decoder, decoder1d;

    /**
     * A GHN with the given options: {@code new GraphHyperNetwork(GraphHyperNetwork.options().hidden(64))}.
     *
     * @param o the sizes and settings
     * @throws IllegalArgumentException if a size is out of range
     */
    public GraphHyperNetwork(Options o) {
        if (o.hidden < 2) throw new IllegalArgumentException("GraphHyperNetwork: hidden must be >= 2, got " + o.hidden);
        if (o.maxOut < 1 || o.maxIn < 1 || o.maxK < 1) {
            throw new IllegalArgumentException("GraphHyperNetwork: maxShape (" + o.maxOut + ", " + o.maxIn + ", " + o.maxK + ") must be >= 1");
        }
        if (o.cutoff < 1) throw new IllegalArgumentException("GraphHyperNetwork: virtualEdgeCutoff must be >= 1, got " + o.cutoff);
        if (o.decoderHidden < 1) throw new IllegalArgumentException("GraphHyperNetwork: decoderHidden must be >= 1, got " + o.decoderHidden);
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        this.hidden = o.hidden;
        this.maxOut = o.maxOut;
        this.maxIn = o.maxIn;
        this.maxK = o.maxK;
        this.cutoff = o.cutoff;
        this.layerNorm = o.layerNorm;
        this.normalize = o.normalize;
        this.embed = registerModule("embed", new Embedding(Embedding.options(OpType.count(), hidden).generator(g)));
        this.shapeEnc = registerModule("shape_enc", new ShapeEncoder(hidden, g));
        this.gnn = registerModule("gnn", new GatedGNN(hidden, cutoff > 1, o.steps, g));
        this.ln = layerNorm ? registerModule("ln", new LayerNorm(hidden)) : null;
        this.decoder = registerModule("decoder", new Sequential(new Linear(hidden, o.decoderHidden, true, g), new ReLU(),
                new Linear(o.decoderHidden, maxOut * maxIn * maxK * maxK, true, g)));
        this.decoder1d = registerModule("decoder_1d", new Sequential(new Linear(hidden, 2 * hidden, true, g), new ReLU(),
                new Linear(2 * hidden, Math.max(maxOut, maxIn), true, g)));
    }

    /**
     * Options with ppuda's GHN-2 defaults where they apply: hidden 32, maxShape (64, 64, 3), virtual edges up to 50, T = 1.
     *
     * @return options to refine and pass to {@link #GraphHyperNetwork(Options)}
     */
    public static Options options() {
        return new Options();
    }

    /**
     * The node states after the GNN (and layer norm): (N, C) over the batch's union.
     *
     * @param batch the architecture graphs as one union
     * @return the node states (N, C)
     */
    public Tensor embed(ArchBatch batch) {
        List<ArchNode> nodes = new ArrayList<>();
        List<Long> ops = new ArrayList<>();
        for (ArchGraph a : batch.graphs()) {
            nodes.addAll(a.nodes());
            for (long op : a.opIndex()) ops.add(op);
        }
        Tensor x = embed.forward(Tensor.of(ops.stream().mapToLong(Long::longValue).toArray())).add(shapeEnc.forward(nodes));
        Tensor h = gnn.forward(x, batch);
        return layerNorm ? ln.forward(h) : h;
    }

    /**
     * The predicted parameters of each graph, by dotted name in node order (the Sequential's parameter order).
     *
     * @param graphs the architectures, predicted as one batch
     * @return one name-to-tensor map per graph
     */
    public List<Map<String, Tensor>> predict(List<ArchGraph> graphs) {
        ArchBatch batch = ArchBatch.of(graphs, cutoff);
        Tensor h = embed(batch);
        // gather the weight nodes and the 1-D nodes of all graphs, decode each group in one call
        List<long[]> weights = new ArrayList<>(), vectors = new ArrayList<>();   // {graph, local node}
        for (int b = 0; b < graphs.size(); b++) {
            for (int v : graphs.get(b).parameterNodes()) {
                int rank = graphs.get(b).node(v).shape().length;
                if (rank > 4) throw new IllegalArgumentException("GraphHyperNetwork: node " + v + " of graph " + b + " has a rank-" + rank + " parameter");
                (rank >= 2 ? weights : vectors).add(new long[] {b, v});
            }
        }
        Tensor w = weights.isEmpty() ? null : decoder.forward(h.indexSelect(0, globalIds(batch, weights)));
        Tensor p1 = vectors.isEmpty() ? null : decoder1d.forward(h.indexSelect(0, globalIds(batch, vectors)));
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int b = 0; b < graphs.size(); b++) out.add(new LinkedHashMap<>());
        Map<Long, Tensor> byNode = new java.util.HashMap<>();
        for (int k = 0; k < weights.size(); k++) {
            byNode.put(key(weights.get(k)), w.select(0, k).reshape(maxOut, maxIn, maxK, maxK));
        }
        for (int k = 0; k < vectors.size(); k++) byNode.put(key(vectors.get(k)), p1.select(0, k));
        for (int b = 0; b < graphs.size(); b++) {
            ArchGraph a = graphs.get(b);
            for (int v : a.parameterNodes()) {
                ArchNode n = a.node(v);
                Tensor p = ParameterTiling.fit(byNode.get(key(new long[] {b, v})), n.shape());
                out.get(b).put(n.param(), normalize ? ParameterNormalization.apply(p, a, v) : p);
            }
        }
        return out;
    }

    /**
     * The predicted parameters of one graph.
     *
     * @param graph the architecture
     * @return its parameters by dotted name
     */
    public Map<String, Tensor> predict(ArchGraph graph) {
        return predict(List.of(graph)).getFirst();
    }

    // input: the target's input -> its output with the predicted parameters
    /**
     * Runs {@code target} (a module whose graph is {@code graph}) on {@code input} with the predicted parameters.
     *
     * @param graph the target's computation graph
     * @param target the module to run
     * @param input the target's input
     * @return the target's output, differentiable in the hypernetwork's parameters
     */
    public Tensor forward(ArchGraph graph, Module target, Tensor input) {
        return FunctionalCall.call(target, predict(graph), input);
    }

    private static long key(long[] bv) {
        return (bv[0] << 32) | bv[1];
    }

    private static Tensor globalIds(ArchBatch batch, List<long[]> nodes) {
        long[] ids = new long[nodes.size()];
        for (int k = 0; k < ids.length; k++) ids[k] = batch.offset((int) nodes.get(k)[0]) + nodes.get(k)[1];
        return Tensor.of(ids);
    }

    /** {@return the decoder's output shape (O, I, K, K)} */
    public int[] maxShape() {
        return new int[] {maxOut, maxIn, maxK, maxK};
    }

    @Override
    protected String extraRepr() {
        return "hidden=" + hidden + ", maxShape=" + Shape.format(maxShape()) + ", virtualEdgeCutoff=" + cutoff + ", layerNorm=" + layerNorm
                + ", normalize=" + normalize;
    }

    /** GraphHyperNetwork options; each setter returns this. */
    public static final class Options {
        int hidden = 32, maxOut = 64, maxIn = 64, maxK = 3, cutoff = 50, steps = 1, decoderHidden = 128;
        boolean layerNorm = true, normalize = true;
        Generator generator;

        Options() {}

        /**
         * C, the width of node states and embeddings (ppuda: hid = 32).
         *
         * @param c at least 2, default 32
         * @return these options
         */
        public Options hidden(int c) { this.hidden = c; return this; }

        /**
         * (O, I, K): the decoder predicts an (O, I, K, K) tensor per weight, tiled or sliced to each weight's shape.
         *
         * @param out O, default 64
         * @param in I, default 64
         * @param kernel K, default 3
         * @return these options
         */
        public Options maxShape(int out, int in, int kernel) { this.maxOut = out; this.maxIn = in; this.maxK = kernel; return this; }

        /**
         * The hidden width of the weight decoder's MLP (default 4 x the default hidden, 128).
         *
         * @param width the MLP's hidden width
         * @return these options
         */
        public Options decoderHidden(int width) { this.decoderHidden = width; return this; }

        /**
         * s_max of GHN-2's virtual edges (Eq. 4; ppuda: 50); 1 turns them off (GHN-1's message passing).
         *
         * @param sMax at least 1, default 50
         * @return these options
         */
        public Options virtualEdgeCutoff(int sMax) { this.cutoff = sMax; return this; }

        /**
         * T, the number of forward + backward sweeps (ppuda: 1).
         *
         * @param t at least 1, default 1
         * @return these options
         */
        public Options steps(int t) { this.steps = t; return this; }

        /**
         * Layer norm of the node states before decoding (GHN-2: on).
         *
         * @param on default true
         * @return these options
         */
        public Options layerNorm(boolean on) { this.layerNorm = on; return this; }

        /**
         * GHN-2's parameter normalization ({@link ParameterNormalization}; on).
         *
         * @param on default true
         * @return these options
         */
        public Options normalize(boolean on) { this.normalize = on; return this; }

        /**
         * The generator of the initial weights.
         *
         * @param g default {@link dev.weft.nn.init.Init#defaultGenerator()}
         * @return these options
         */
        public Options generator(Generator g) { this.generator = g; return this; }
    }
}
