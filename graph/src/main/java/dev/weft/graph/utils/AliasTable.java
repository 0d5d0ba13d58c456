package dev.weft.graph.utils;

/**
 * Walker's alias method (Vose's construction): after O(n) set-up, draws index i with probability
 * w[i] / sum(w) in O(1) from one uniform index and one uniform double. The construction is a fixed
 * function of the weights (small and large work lists in index order), so draws are reproducible.
 */
public final class AliasTable {
    private final double[] prob;
    private final int[] alias;

    /**
     * The alias table of a discrete distribution proportional to weights.
     *
     * @param weights non-negative, finite, not all zero
     * @throws IllegalArgumentException if weights is empty, all zero or holds a negative or non-finite value
     */
    public AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) throw new IllegalArgumentException("AliasTable: no weights");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("AliasTable: weight[" + i + "] = " + w + " is not a finite value >= 0");
            sum += w;
        }
        if (sum == 0) throw new IllegalArgumentException("AliasTable: all " + n + " weights are 0");
        prob = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1) small[ns++] = i;
            else large[nl++] = i;
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) small[ns++] = l;
            else large[nl++] = l;
        }
        while (nl > 0) prob[large[--nl]] = 1;
        while (ns > 0) prob[small[--ns]] = 1; // rounding leftovers
    }

    /** {@return the number of outcomes} */
    public int size() {
        return prob.length;
    }

    /**
     * {@return one draw: an outcome in [0, size) with probability proportional to its weight}
     *
     * @param rng the random stream
     */
    public int sample(RandomStream rng) {
        int i = rng.nextInt(prob.length);
        return rng.nextDouble() < prob[i] ? i : alias[i];
    }
}
