package dev.weft.graph.data;

import dev.weft.graph.Graph;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * The contextual stochastic block model (Deshpande et al. 2018), generalised to C classes: node v is in
 * class v mod C; edges as a stochastic block model with expected degree d and edge homophily h (the
 * expected fraction of a node's edges that stay in its class): p_in = h d / (n_c - 1),
 * p_out = (1 - h) d / (n - n_c), n_c = n / C; features x_v = signal * mu_{y_v} + z_v, with class means
 * mu_c and noise z_v iid N(0, I / F), so signal is the ratio of mean norm to noise norm (about). Seeded.
 */
public final class ContextualSbm {
    private ContextualSbm() {}

    /**
     * One draw of the model.
     *
     * @param numNodes the number of nodes n, at least 2 C
     * @param numClasses the number of classes C, at least 1
     * @param numFeatures the feature width F
     * @param avgDegree the expected degree d
     * @param homophily the edge homophily h in [0, 1] (1 when C is 1)
     * @param signal the scale of the class means
     * @param gen the generator
     * @return the graph with x (n, F) and y the classes
     * @throws IllegalArgumentException if a size or h is out of range
     */
    public static Graph generate(int numNodes, int numClasses, int numFeatures, double avgDegree, double homophily, double signal,
                                 Generator gen) {
        if (numClasses < 1 || numNodes < 2 * numClasses) {
            throw new IllegalArgumentException("ContextualSbm: need numClasses >= 1 and numNodes >= 2 * numClasses, got " + numNodes + ", " + numClasses);
        }
        if (!(homophily >= 0 && homophily <= 1)) throw new IllegalArgumentException("ContextualSbm: homophily must be in [0, 1], got " + homophily);
        if (numClasses == 1 && homophily != 1) throw new IllegalArgumentException("ContextualSbm: one class needs homophily 1");
        double nc = (double) numNodes / numClasses;
        double pIn = homophily * avgDegree / (nc - 1);
        double pOut = numClasses == 1 ? 0 : (1 - homophily) * avgDegree / (numNodes - nc);
        if (pIn > 1 || pOut > 1) {
            throw new IllegalArgumentException("ContextualSbm: avgDegree " + avgDegree + " with homophily " + homophily
                    + " needs edge probabilities " + pIn + " / " + pOut + " > 1");
        }
        // Classes as contiguous blocks for the SBM draw, then relabelled to v mod C by a fixed permutation.
        int[] sizes = new int[numClasses];
        for (int v = 0; v < numNodes; v++) sizes[v % numClasses]++;
        double[][] probs = new double[numClasses][numClasses];
        for (int a = 0; a < numClasses; a++) for (int b = 0; b < numClasses; b++) probs[a][b] = a == b ? pIn : pOut;
        Graph sbm = RandomGraphs.stochasticBlockModel(sizes, probs, false, gen);
        long[] newId = new long[numNodes]; // block order -> v mod C order
        int[] start = new int[numClasses];
        for (int c = 1; c < numClasses; c++) start[c] = start[c - 1] + sizes[c - 1];
        int[] seen = new int[numClasses];
        for (int v = 0; v < numNodes; v++) {
            int c = v % numClasses;
            newId[start[c] + seen[c]++] = v;
        }
        long[] s = sbm.sources();
        long[] t = sbm.targets();
        for (int i = 0; i < s.length; i++) {
            s[i] = newId[(int) s[i]];
            t[i] = newId[(int) t[i]];
        }
        Tensor ei = dev.weft.graph.utils.Coalesce.coalesce(dev.weft.graph.HostTensors.edgeIndex(s, t), null, numNodes).edgeIndex();
        long[] labels = new long[numNodes];
        for (int v = 0; v < numNodes; v++) labels[v] = v % numClasses;
        Tensor y = dev.weft.graph.HostTensors.longs(labels, numNodes);
        double scale = 1 / Math.sqrt(numFeatures);
        Tensor means = Tensor.randn(gen, numClasses, numFeatures).mul(scale);
        Tensor noise = Tensor.randn(gen, numNodes, numFeatures).mul(scale);
        Tensor x = means.indexSelect(0, y).mul(signal).add(noise);
        return Graph.builder(numNodes, ei).name("csbm").x(x).y(y).build();
    }
}
