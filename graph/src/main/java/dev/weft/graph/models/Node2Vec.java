package dev.weft.graph.models;

import dev.weft.graph.Graph;
import dev.weft.graph.utils.RandomWalks;
import dev.weft.nn.Module;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * node2vec (Grover and Leskovec 2016; PyG's Node2Vec): an embedding per node trained by skip-gram with negative
 * sampling on biased random walks. Each start node gives walksPerNode walks of walkLength steps (walkLength + 1 nodes) (p return, q in-out
 * parameter), cut into windows of contextSize nodes; a window (u, v_1 .. v_{c-1}) adds -log sigmoid(z_u . z_v) per
 * context node, and numNegative windows of uniformly drawn nodes per positive one add -log(1 - sigmoid(z_u . z_n)).
 * Parameter "embedding" (N, dim) ~ N(0, 1) as torch.nn.Embedding.
 */
public final class Node2Vec extends Module {
    private final Graph graph;
    private final int walkLength, contextSize, walksPerNode, numNegative;
    private final double p, q;
    private final Generator walks;

    /**
     * node2vec on graph (PyG's Node2Vec arguments).
     *
     * @param graph the graph walked
     * @param dim the embedding width (PyG's embedding_dim)
     * @param walkLength the steps per walk, at least contextSize
     * @param contextSize the window size in nodes, at least 2
     * @param walksPerNode the walks from each start node
     * @param p the return parameter
     * @param q the in-out parameter
     * @param numNegative negative windows per positive one (PyG's num_negative_samples)
     * @param g the generator for the embedding; a split of it draws the walks
     * @throws IllegalArgumentException unless walkLength is at least contextSize and contextSize at least 2
     */
    public Node2Vec(Graph graph, int dim, int walkLength, int contextSize, int walksPerNode, double p, double q, int numNegative, Generator g) {
        if (walkLength < contextSize || contextSize < 2) {
            throw new IllegalArgumentException("Node2Vec: need walk_length >= context_size >= 2, got " + walkLength + ", " + contextSize);
        }
        this.graph = graph;
        this.walkLength = walkLength;
        this.contextSize = contextSize;
        this.walksPerNode = walksPerNode;
        this.numNegative = numNegative;
        this.p = p;
        this.q = q;
        Init.normal(registerParameter("embedding", Tensor.empty(graph.numNodes(), dim)), 0, 1, g);
        this.walks = g.split();
    }

    /** {@return the node embeddings (N, dim)} */
    public Tensor embedding() {
        return param("embedding");
    }

    /**
     * The skip-gram loss of fresh positive and negative windows from the given start nodes.
     *
     * @param starts the start nodes of the walks
     * @return the scalar loss, positive plus negative terms
     */
    public Tensor loss(long[] starts) {
        long[] rep = new long[starts.length * walksPerNode];
        for (int i = 0; i < rep.length; i++) rep[i] = starts[i % starts.length];
        long[] rw = RandomWalks.node2vec(graph, rep, walkLength, p, q, walks).toLongArray();   // walkLength + 1 nodes per walk
        int len = walkLength + 1, per = len - contextSize + 1, windows = rep.length * per;
        long[] pos = new long[windows * contextSize];
        for (int w = 0; w < rep.length; w++) {
            for (int s = 0; s < per; s++) System.arraycopy(rw, w * len + s, pos, (w * per + s) * contextSize, contextSize);
        }
        long[] neg = new long[windows * numNegative * contextSize];
        long[] draws = Tensor.randint(walks, 0, graph.numNodes(), windows * numNegative * (contextSize - 1)).toLongArray();
        for (int w = 0, d = 0; w < windows * numNegative; w++) {
            neg[w * contextSize] = pos[(w / numNegative) * contextSize];
            for (int k = 1; k < contextSize; k++) neg[w * contextSize + k] = draws[d++];
        }
        return windowLoss(pos, windows, true).add(windowLoss(neg, windows * numNegative, false));
    }

    /** Mean over windows and context of -log sigmoid(+-z_u . z_v). */
    private Tensor windowLoss(long[] nodes, int windows, boolean positive) {
        Tensor z = embedding().indexSelect(0, Tensor.of(nodes)).reshape(windows, contextSize, -1);
        Tensor start = z.narrow(1, 0, 1), rest = z.narrow(1, 1, contextSize - 1);
        Tensor dot = start.mul(rest).sum(new int[] {2}, false);                               // (W, c - 1)
        Tensor s = (positive ? dot.neg() : dot).softplus(1, 20);                             // -log sigmoid(+-dot)
        return s.mean();
    }

    @Override
    public Tensor forward(Tensor nodes) {
        return embedding().indexSelect(0, nodes);
    }
}
