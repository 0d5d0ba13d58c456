package dev.weft.nn.moe;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.ValuesIndices;
import dev.weft.tensor.core.Shape;

/**
 * Noisy top-k gating (Shazeer et al. 2017, sec. 2.1 and appendix A):
 * <pre>
 *   H(x)_i = (x W_g)_i + eps_i * (softplus((x W_noise)_i) + noiseEpsilon),   eps ~ N(0, 1)     (eq. 4)
 *   G(x)   = softmax(KeepTopK(H(x), k))         (entries outside the top k are -inf, so exactly 0)   (eq. 3, 5)
 *   P(x,i) = Phi(((x W_g)_i - kth_excluding(H(x), k, i)) / (softplus((x W_noise)_i) + noiseEpsilon))  (eq. 9)
 * </pre>
 * kth_excluding(H, k, i) is the k-th largest of H without H_i: the (k+1)-th largest when i is kept, else the
 * k-th. Noise is added in training mode when {@code noisyGating} is on; otherwise H = x W_g and the load is the
 * count of rows each expert gets. W_g and W_noise (C_in, E) start at zero, as in the paper's reference code.
 * noiseEpsilon (default 1e-2, the reference code's) keeps the noise scale away from zero.
 */
public class NoisyTopKGate extends Module {
    /** C_in, the width of an input row. */
    public final int inFeatures;
    /** E, the number of experts. */
    public final int numExperts;
    /** The number of experts each row is sent to. */
    public final int k;
    /** Whether noise is added to the logits in training mode. */
    public final boolean noisyGating;
    /** The floor added to the noise's standard deviation. */
    public final double noiseEpsilon;
    private final Generator generator;

    /**
     * A noisy gate with the reference code's noiseEpsilon 1e-2 and {@code new Generator(0)}.
     *
     * @param inFeatures C_in
     * @param numExperts E
     * @param k the experts per row, below E
     */
    public NoisyTopKGate(int inFeatures, int numExperts, int k) {
        this(inFeatures, numExperts, k, true, 1e-2, new Generator(0));
    }

    /**
     * A gate; the noise eps ~ N(0, 1) is drawn from {@code generator}.
     *
     * @param inFeatures C_in, at least 1
     * @param numExperts E, at least 1
     * @param k the experts per row, in [1, E] (below E with noisy gating)
     * @param noisyGating whether noise is added in training mode
     * @param noiseEpsilon the floor of the noise's standard deviation, at least 0
     * @param generator draws the noise, not null
     * @throws IllegalArgumentException when a size, k or noiseEpsilon is out of range or the generator is null
     */
    public NoisyTopKGate(int inFeatures, int numExperts, int k, boolean noisyGating, double noiseEpsilon, Generator generator) {
        String who = "NoisyTopKGate";
        OptionChecks.atLeast(who, "inFeatures", inFeatures, 1);
        OptionChecks.atLeast(who, "numExperts", numExperts, 1);
        OptionChecks.atLeast(who, "k", k, 1);
        if (k > numExperts) throw new IllegalArgumentException(who + ": k must be <= numExperts " + numExperts + ", got " + k);
        if (noisyGating && k == numExperts) {
            throw new IllegalArgumentException(who + ": noisy gating needs k < numExperts (the load estimator compares with the "
                    + "(k+1)-th largest), got k = numExperts = " + k);
        }
        OptionChecks.nonNegative(who, "noiseEpsilon", noiseEpsilon);
        this.inFeatures = inFeatures;
        this.numExperts = numExperts;
        this.k = k;
        this.noisyGating = noisyGating;
        this.noiseEpsilon = noiseEpsilon;
        this.generator = OptionChecks.nonNull(who, "generator", generator);
        registerParameter("w_gate", Tensor.zeros(inFeatures, numExperts));
        registerParameter("w_noise", noisyGating ? Tensor.zeros(inFeatures, numExperts) : null);
    }

    // x: (N, C_in) -> gates (N, E)
    /**
     * The gates, with noise drawn from the generator in training mode (when noisy gating is on).
     *
     * @param x the rows (N, C_in)
     * @return the gates (N, E), the top-k indices and the importance and load
     */
    public GateOutput gate(Tensor x) {
        check(x);
        Tensor eps = noisyGating && isTraining()
                ? Tensor.randn(generator, x.dtype(), x.size(0), numExperts) : null;
        return gate(x, eps);
    }

    // x: (N, C_in), noise: (N, E) or null -> gates (N, E)
    /**
     * The gates with the standard-normal draws {@code noise} given (null: no noise, H = x W_g, hard load), so a
     * test can fix them.
     *
     * @param x the rows (N, C_in)
     * @param noise the draws eps (N, E), or null
     * @return the gates (N, E), the top-k indices and the importance and load
     * @throws IllegalArgumentException when noise is given without noisy gating or is not (N, E)
     */
    public GateOutput gate(Tensor x, Tensor noise) {
        check(x);
        int n = x.size(0);
        if (noise != null && (!noisyGating || noise.dim() != 2 || noise.size(0) != n || noise.size(1) != numExperts)) {
            throw new IllegalArgumentException(this + ": noise " + Shape.format(noise.shape()) + " for input " + Shape.format(x.shape())
                    + (noisyGating ? ": expected (" + n + ", " + numExperts + ")" : ": this gate has noisy gating off"));
        }
        Tensor clean = x.matmul(param("w_gate"));
        Tensor logits = clean, std = null;
        if (noise != null) {
            std = x.matmul(param("w_noise")).softplus().add(noiseEpsilon);
            logits = clean.add(noise.mul(std));
        }
        int m = Math.min(k + 1, numExperts);
        ValuesIndices top = logits.topk(m, 1);
        Tensor topIdx = top.indices().narrow(1, 0, k);
        Tensor topGates = top.values().narrow(1, 0, k).softmax(1);
        Tensor gates = Tensor.zeros(x.dtype(), n, numExperts).scatter(1, topIdx, topGates);
        Tensor importance = LoadBalancing.importance(gates);
        Tensor load = std == null ? LoadBalancing.countLoad(gates) : smoothLoad(clean, logits, std, top.values());
        return new GateOutput(gates, topIdx, importance, load);
    }

    // Shazeer et al. eq. 8-10: Load_i = sum_x Phi((clean_i - kth_excluding(H, k, i)) / std_i)
    private Tensor smoothLoad(Tensor clean, Tensor noisy, Tensor std, Tensor topValues) {
        Tensor thresholdIn = topValues.narrow(1, k, 1);       // (k+1)-th largest: the bar for a kept expert
        Tensor thresholdOut = topValues.narrow(1, k - 1, 1);  // k-th largest: the bar for one left out
        Tensor isIn = noisy.gt(thresholdIn);
        Tensor pIn = normalCdf(clean.sub(thresholdIn).div(std));
        Tensor pOut = normalCdf(clean.sub(thresholdOut).div(std));
        return Tensor.where(isIn, pIn, pOut).sum(0);
    }

    /** Phi(z) = (1 + erf(z / sqrt 2)) / 2. */
    static Tensor normalCdf(Tensor z) {
        return z.div(Math.sqrt(2)).erf().add(1.0).mul(0.5);
    }

    private void check(Tensor x) {
        if (x == null || x.dim() != 2 || x.size(1) != inFeatures) {
            throw new IllegalArgumentException(this + ": input " + (x == null ? "null" : Shape.format(x.shape()))
                    + " must be (N, " + inFeatures + ")");
        }
    }

    @Override
    protected String extraRepr() {
        return "inFeatures=" + inFeatures + ", numExperts=" + numExperts + ", k=" + k + ", noisyGating=" + noisyGating;
    }
}
