package dev.weft.nn.hopfield;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * The Hopfield layer of Ramsauer et al. 2021 (eq. 10, the hflayers {@code Hopfield} module): state
 * patterns R attend to stored patterns Y, with the pattern projection P (default Y) as values,
 * <pre>{@code
 *   Q = LN(R) W_Q,  K = LN(Y) W_K,  V = LN(P) W_V          (heads of size hidden / H, as attention)
 *   Q <- softmax(beta Q K^T) K      updateStepsMax times (the update in the association space; stops
 *                                   early when no entry moves by more than updateStepsEps)
 *   Z = softmax(beta Q K^T) V W_O                            beta = scaling, default 1/sqrt(hidden / H)
 * }</pre>
 * updateStepsMax 0 (the default, as hflayers) is one association, i.e. attention. Parameters:
 * q_proj_weight (hidden, inputSize), k_proj_weight (hidden, storedPatternSize), v_proj_weight (hidden,
 * patternProjectionSize), in_proj_bias (3 hidden), out_proj (Linear hidden -> outputSize), and the layer
 * norms norm_state_pattern, norm_stored_pattern, norm_pattern_projection (each optional). Inputs are
 * (B, L, C) batch-first (the default, as hflayers) or (L, B, C). Not supported: dropout, association
 * masks, static (unprojected) patterns.
 * <pre>{@code
 * Hopfield h = new Hopfield(Hopfield.options(64).numHeads(4).updateStepsMax(3));
 * Tensor z = h.forward(stored, state, stored);   // (B, S, 64), (B, L, 64) -> (B, L, 64)
 * }</pre>
 */
public final class Hopfield extends Module {
    private final int inputSize, storedPatternSize, patternProjectionSize, hiddenSize, outputSize, numHeads, updateStepsMax;
    private final double scaling, updateStepsEps;
    private final boolean batchFirst;
    private final LayerNorm normState, normStored, normProjection;
    private final Linear outProj;

    /**
     * A layer with hflayers' defaults ({@link #options(int)}).
     *
     * @param inputSize the size of the state patterns R
     */
    public Hopfield(int inputSize) {
        this(options(inputSize));
    }

    /**
     * A layer from options.
     *
     * @param o the options
     * @throws IllegalArgumentException when a size is below 1, hiddenSize is not divisible by numHeads,
     *         updateStepsEps is negative or scaling not finite and positive
     */
    public Hopfield(Options o) {
        String n = "Hopfield";
        this.inputSize = OptionChecks.atLeast(n, "inputSize", o.inputSize, 1);
        this.storedPatternSize = OptionChecks.atLeast(n, "storedPatternSize", o.storedPatternSize == 0 ? inputSize : o.storedPatternSize, 1);
        this.patternProjectionSize = OptionChecks.atLeast(n, "patternProjectionSize",
                o.patternProjectionSize == 0 ? storedPatternSize : o.patternProjectionSize, 1);
        this.hiddenSize = OptionChecks.atLeast(n, "hiddenSize", o.hiddenSize == 0 ? inputSize : o.hiddenSize, 1);
        this.outputSize = OptionChecks.atLeast(n, "outputSize", o.outputSize == 0 ? inputSize : o.outputSize, 1);
        this.numHeads = OptionChecks.atLeast(n, "numHeads", o.numHeads, 1);
        if (hiddenSize % numHeads != 0) {
            throw new IllegalArgumentException("Hopfield: hiddenSize " + hiddenSize + " must be divisible by numHeads " + numHeads);
        }
        this.updateStepsMax = OptionChecks.atLeast(n, "updateStepsMax", o.updateStepsMax, 0);
        if (!(o.updateStepsEps >= 0)) throw new IllegalArgumentException("Hopfield: updateStepsEps must be >= 0, got " + o.updateStepsEps);
        this.updateStepsEps = o.updateStepsEps;
        if (!Double.isNaN(o.scaling) && !(o.scaling > 0 && Double.isFinite(o.scaling))) {
            throw new IllegalArgumentException("Hopfield: scaling must be finite and > 0, got " + o.scaling);
        }
        this.scaling = Double.isNaN(o.scaling) ? HopfieldUpdate.defaultBeta(hiddenSize / numHeads) : o.scaling;
        this.batchFirst = o.batchFirst;
        Generator g = o.generator != null ? o.generator : Init.defaultGenerator();
        Init.xavierUniform(registerParameter("q_proj_weight", Tensor.empty(hiddenSize, inputSize)), 1.0, g);
        Init.xavierUniform(registerParameter("k_proj_weight", Tensor.empty(hiddenSize, storedPatternSize)), 1.0, g);
        Init.xavierUniform(registerParameter("v_proj_weight", Tensor.empty(hiddenSize, patternProjectionSize)), 1.0, g);
        registerParameter("in_proj_bias", o.inputBias ? Tensor.zeros(3 * hiddenSize) : null);
        this.normState = o.normalizeStatePattern ? registerModule("norm_state_pattern", new LayerNorm(inputSize)) : null;
        this.normStored = o.normalizeStoredPattern ? registerModule("norm_stored_pattern", new LayerNorm(storedPatternSize)) : null;
        this.normProjection = o.normalizePatternProjection
                ? registerModule("norm_pattern_projection", new LayerNorm(patternProjectionSize)) : null;
        this.outProj = registerModule("out_proj", new Linear(hiddenSize, outputSize, o.inputBias, g));
        if (o.inputBias) Init.zeros(outProj.bias());
    }

    /**
     * hflayers' defaults: sizes from inputSize, one head, scaling 1/sqrt(hidden/H), updateStepsMax 0, eps 1e-4,
     * all three layer norms, batch-first, biases.
     *
     * @param inputSize the size of the state patterns R
     * @return fresh options
     */
    public static Options options(int inputSize) {
        return new Options(inputSize);
    }

    /** Hopfield's options (sizes 0 mean "as documented by the getter's default"). */
    public static final class Options {
        private final int inputSize;
        private int storedPatternSize, patternProjectionSize, hiddenSize, outputSize, numHeads = 1, updateStepsMax;
        private double scaling = Double.NaN, updateStepsEps = 1e-4;
        private boolean normalizeStoredPattern = true, normalizeStatePattern = true, normalizePatternProjection = true;
        private boolean batchFirst = true, inputBias = true;
        private Generator generator;

        private Options(int inputSize) {
            this.inputSize = inputSize;
        }

        /**
         * Size of the stored patterns Y (default inputSize).
         *
         * @param v the size, at least 1
         * @return these options
         */
        public Options storedPatternSize(int v) { storedPatternSize = OptionChecks.atLeast("Hopfield", "storedPatternSize", v, 1); return this; }
        /**
         * Size of the pattern projection P (default storedPatternSize).
         *
         * @param v the size, at least 1
         * @return these options
         */
        public Options patternProjectionSize(int v) { patternProjectionSize = OptionChecks.atLeast("Hopfield", "patternProjectionSize", v, 1); return this; }
        /**
         * Size of the association space, all heads together (default inputSize).
         *
         * @param v the size, at least 1 and divisible by numHeads
         * @return these options
         */
        public Options hiddenSize(int v) { hiddenSize = OptionChecks.atLeast("Hopfield", "hiddenSize", v, 1); return this; }
        /**
         * Size of the output (default inputSize).
         *
         * @param v the size, at least 1
         * @return these options
         */
        public Options outputSize(int v) { outputSize = OptionChecks.atLeast("Hopfield", "outputSize", v, 1); return this; }
        /**
         * The number of heads H (default 1).
         *
         * @param v H, at least 1
         * @return these options
         */
        public Options numHeads(int v) { numHeads = OptionChecks.atLeast("Hopfield", "numHeads", v, 1); return this; }
        /**
         * beta, the inverse temperature (default 1/sqrt(hiddenSize / numHeads)).
         *
         * @param v beta, finite and positive
         * @return these options
         */
        public Options scaling(double v) { scaling = v; return this; }
        /**
         * Extra state updates before the final association (default 0).
         *
         * @param v the number of updates, at least 0
         * @return these options
         */
        public Options updateStepsMax(int v) { updateStepsMax = OptionChecks.atLeast("Hopfield", "updateStepsMax", v, 0); return this; }
        /**
         * Stop updating once no entry of the state moves by more than this (default 1e-4; 0: never stop early).
         *
         * @param v the tolerance, at least 0
         * @return these options
         */
        public Options updateStepsEps(double v) { updateStepsEps = v; return this; }
        /**
         * Whether Y goes through a layer norm first (norm_stored_pattern; default true).
         *
         * @param v true for the layer norm
         * @return these options
         */
        public Options normalizeStoredPattern(boolean v) { normalizeStoredPattern = v; return this; }
        /**
         * Whether R goes through a layer norm first (norm_state_pattern; default true).
         *
         * @param v true for the layer norm
         * @return these options
         */
        public Options normalizeStatePattern(boolean v) { normalizeStatePattern = v; return this; }
        /**
         * Whether P goes through a layer norm first (norm_pattern_projection; default true).
         *
         * @param v true for the layer norm
         * @return these options
         */
        public Options normalizePatternProjection(boolean v) { normalizePatternProjection = v; return this; }
        /**
         * Inputs (B, L, C) (default) rather than (L, B, C).
         *
         * @param v true for batch-first
         * @return these options
         */
        public Options batchFirst(boolean v) { batchFirst = v; return this; }
        /**
         * Biases of the projections (default true).
         *
         * @param v true for in_proj_bias and out_proj's bias
         * @return these options
         */
        public Options inputBias(boolean v) { inputBias = v; return this; }
        /**
         * The generator of the Xavier-uniform initial weights (default: the shared default generator).
         *
         * @param g the generator, not null
         * @return these options
         */
        public Options generator(Generator g) { generator = OptionChecks.nonNull("Hopfield", "generator", g); return this; }
    }

    /** {@return the size of the state patterns R} */
    public int inputSize() { return inputSize; }
    /** {@return the size of the stored patterns Y} */
    public int storedPatternSize() { return storedPatternSize; }
    /** {@return the size of the pattern projection P} */
    public int patternProjectionSize() { return patternProjectionSize; }
    /** {@return the size of the association space, all heads together} */
    public int hiddenSize() { return hiddenSize; }
    /** {@return the size of the output} */
    public int outputSize() { return outputSize; }
    /** {@return the number of heads} */
    public int numHeads() { return numHeads; }
    /** {@return beta, the inverse temperature} */
    public double scaling() { return scaling; }
    /** {@return the most state updates before the final association} */
    public int updateStepsMax() { return updateStepsMax; }
    /** {@return the tolerance that stops the updates early} */
    public double updateStepsEps() { return updateStepsEps; }
    /** {@return whether inputs are (B, L, C) rather than (L, B, C)} */
    public boolean batchFirst() { return batchFirst; }

    /** Self-association: x is stored pattern, state pattern and pattern projection at once. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x);
    }

    /**
     * Associates state with stored patterns (batch-first layouts shown; (L, B, C) when not batchFirst).
     *
     * @param stored the stored patterns Y (B, S, storedPatternSize)
     * @param state the state patterns R (B, L, inputSize)
     * @param projection the pattern projection P (B, S, patternProjectionSize)
     * @return Z (B, L, outputSize)
     */
    public Tensor forward(Tensor stored, Tensor state, Tensor projection) {
        return associate(stored, state, projection)[0];
    }

    /**
     * The output and the association weights of the final step; layouts as {@link #forward(Tensor, Tensor, Tensor)}.
     *
     * @param stored the stored patterns Y
     * @param state the state patterns R
     * @param projection the pattern projection P
     * @return {output (B, L, outputSize), association weights (B, H, L, S)}
     */
    public Tensor[] associate(Tensor stored, Tensor state, Tensor projection) {
        if (stored == null || state == null || projection == null) {
            throw new IllegalArgumentException(label() + ": stored, state and projection patterns must not be null");
        }
        if (stored.dim() != 3 || state.dim() != 3 || projection.dim() != 3) {
            throw new IllegalArgumentException(label() + ": stored " + Shape.format(stored.shape()) + ", state " + Shape.format(state.shape())
                    + ", projection " + Shape.format(projection.shape()) + ": expected 3-d (" + (batchFirst ? "B, L, C" : "L, B, C") + ")");
        }
        Tensor y = batchFirst ? stored : stored.transpose(0, 1);
        Tensor r = batchFirst ? state : state.transpose(0, 1);
        Tensor p = batchFirst ? projection : projection.transpose(0, 1);
        checkLast("stored", y, storedPatternSize, "storedPatternSize");
        checkLast("state", r, inputSize, "inputSize");
        checkLast("projection", p, patternProjectionSize, "patternProjectionSize");
        int B = r.size(0), L = r.size(1), S = y.size(1), H = numHeads, hd = hiddenSize / H;
        if (y.size(0) != B || p.size(0) != B || p.size(1) != S) {
            throw new IllegalArgumentException(label() + ": stored " + Shape.format(stored.shape()) + ", state " + Shape.format(state.shape())
                    + ", projection " + Shape.format(projection.shape())
                    + ": need one batch size, and the projection with as many patterns as stored");
        }
        if (normState != null) r = normState.forward(r);
        if (normStored != null) y = normStored.forward(y);
        if (normProjection != null) p = normProjection.forward(p);
        Tensor b = param("in_proj_bias");
        int E = hiddenSize;
        Tensor q = F.linear(r, param("q_proj_weight"), b == null ? null : b.narrow(0, 0, E)).reshape(B, L, H, hd).transpose(1, 2);
        Tensor k = F.linear(y, param("k_proj_weight"), b == null ? null : b.narrow(0, E, E)).reshape(B, S, H, hd).transpose(1, 2);
        Tensor v = F.linear(p, param("v_proj_weight"), b == null ? null : b.narrow(0, 2 * E, E)).reshape(B, S, H, hd).transpose(1, 2);
        if (updateStepsMax > 0) q = HopfieldUpdate.retrieve(q, k, scaling, updateStepsMax, updateStepsEps);
        Tensor w = q.matmul(k.mT()).mul(scaling).softmax(-1);                  // (B, H, L, S)
        Tensor z = outProj.forward(w.matmul(v).transpose(1, 2).reshape(B, L, E));  // (B, L, outputSize)
        return new Tensor[] {batchFirst ? z : z.transpose(0, 1), w};
    }

    private void checkLast(String what, Tensor x, int want, String name) {
        if (x.size(-1) != want) {
            throw new IllegalArgumentException(label() + ": " + what + " " + Shape.format(x.shape()) + ": last dim " + x.size(-1)
                    + " != " + name + " " + want);
        }
    }

    String label() {
        return "Hopfield(" + extraRepr() + ")";
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder("inputSize=").append(inputSize);
        if (storedPatternSize != inputSize) sb.append(", storedPatternSize=").append(storedPatternSize);
        if (patternProjectionSize != storedPatternSize) sb.append(", patternProjectionSize=").append(patternProjectionSize);
        if (hiddenSize != inputSize) sb.append(", hiddenSize=").append(hiddenSize);
        if (outputSize != inputSize) sb.append(", outputSize=").append(outputSize);
        if (numHeads != 1) sb.append(", numHeads=").append(numHeads);
        sb.append(", scaling=").append((float) scaling);
        if (updateStepsMax != 0) sb.append(", updateStepsMax=").append(updateStepsMax);
        return sb.toString();
    }
}
