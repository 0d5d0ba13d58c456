package dev.weft.nn.hyper;

import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.Sequential;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A network that generates another network's parameters: h maps a conditioning input c (a task embedding,
 * a hyperparameter vector, a per-sample code) to theta = h(c), the parameters of a target module that
 * {@link ParameterFilter} selects (shapes read from the target itself), and the target runs with them through
 * {@link FunctionalCall}, so the loss's gradient reaches the generator and c. The target is a submodule
 * ("target"): the parameters it keeps as ordinary ones train with the hypernetwork; the generated slots keep
 * their own tensors, which are never read inside a call.
 *
 * <p>c of shape (C) gives one weight set (the target's own shapes); (B, C) gives one per batch element
 * ((B, *shape)), run by {@link PerSampleCall} as batched matmuls. Subclasses differ in the generator:
 * {@link HMLP} (one output head per tensor), {@link ChunkedHMLP} (a shared head emitting fixed-size chunks).
 *
 * <p>Options every hypernetwork takes: {@code mip(true)}, Magnitude Invariant Parametrization (Ortiz et al.
 * 2023): the condition gamma in [0, 1]^C enters as {@link MipEncoding} E(gamma) (constant norm) and the output is
 * a residual, theta = theta0 + h(E(gamma)), theta0 a learned flat parameter ("theta0", layout order) that starts
 * as the target's own (default) init; {@code init(HyperInit.TARGET_SCALE)} starts the generated parameters at the
 * target's init scale ({@link TargetScale}).
 */
public abstract class HyperNetwork extends Module {
    /** The class name used in messages ("HMLP: ..."). */
    protected final String layerName;
    private final ParameterLayout layout;
    private final int conditionSize;
    private final ParameterFilter filter;
    private final boolean mip;
    private final HyperInit init;
    private final double conditionVariance, residualInitScale;

    /**
     * Checks the options and lays out the generated parameters; subclasses then build the generator.
     *
     * @param layerName the class name used in messages
     * @param o the target, sizes and settings
     * @throws IllegalArgumentException if an option is missing or out of range
     */
    protected HyperNetwork(String layerName, Options<?> o) {
        this.layerName = layerName;
        OptionChecks.nonNull(layerName, "target", o.target);
        OptionChecks.atLeast(layerName, "conditionSize", o.conditionSize, 1);
        for (int h : o.hidden) OptionChecks.atLeast(layerName, "hidden widths", h, 1);
        OptionChecks.nonNull(layerName, "activation", o.activation);
        this.conditionSize = o.conditionSize;
        this.filter = OptionChecks.nonNull(layerName, "generate", o.generate);
        this.layout = ParameterLayout.of(layerName, o.target, o.generate);
        this.mip = o.mip;
        this.init = OptionChecks.nonNull(layerName, "init", o.init);
        this.conditionVariance = o.conditionVariance;
        if (!(conditionVariance > 0)) {
            throw new IllegalArgumentException(layerName + ": conditionVariance must be > 0, got " + conditionVariance);
        }
        this.residualInitScale = OptionChecks.nonNegative(layerName, "residualInitScale", o.residualInitScale);
        registerModule("target", o.target);
        // MIP: theta0 starts as the target's own init, in layout order
        if (mip) registerParameter("theta0", layout.current(o.target));
    }

    // ---------------------------------------------------------------- the generator

    /**
     * The generator's flat output for an already encoded input.
     *
     * @param input the encoded input (B, C_in)
     * @return the flat parameters (B, N)
     */
    protected abstract Tensor generator(Tensor input);

    /** {@return C_in, the generator's input width for a condition of width C: 2C under MIP's encoding, else C} */
    public final int inputSize() {
        return mip ? 2 * conditionSize : conditionSize;
    }

    /** {@return whether Magnitude Invariant Parametrization is on (encoded input, residual theta = theta0 + h)} */
    public final boolean isMip() {
        return mip;
    }

    /** {@return the init the generator started from} */
    public final HyperInit init() {
        return init;
    }

    /**
     * E[x_k^2] of the generator's input: 1/2 under MIP's encoding, else the conditionVariance option.
     *
     * @return 1/2 under MIP, else conditionVariance
     */
    protected final double inputSecondMoment() {
        return mip ? MipEncoding.SECOND_MOMENT : conditionVariance;
    }

    /**
     * delta: under MIP with the target-scale init, Delta theta starts at delta times the target's init std.
     *
     * @return the residualInitScale option
     */
    protected final double residualInitScale() {
        return residualInitScale;
    }

    /**
     * C, the width of the conditioning input.
     *
     * @return C
     */
    public final int conditionSize() {
        return conditionSize;
    }

    /** {@return the target module whose parameters are generated} */
    public final Module target() {
        return child("target");
    }

    /** {@return the generated parameters: names, shapes, places in the flat vector} */
    public final ParameterLayout layout() {
        return layout;
    }

    /** {@return the filter that chose the generated parameters} */
    public final ParameterFilter filter() {
        return filter;
    }

    // condition: (C) -> (N);  (B, C) -> (B, N)
    /**
     * theta = h(c) as one flat vector per condition (see {@link ParameterLayout} for the order); under MIP
     * theta = theta0 + h(E(c)).
     *
     * @param condition c, (C) or (B, C)
     * @return theta, (N) or (B, N) with N the layout's total size
     */
    public Tensor generateFlat(Tensor condition) {
        boolean batched = checkCondition(condition);
        Tensor c = batched ? condition : condition.unsqueeze(0);
        if (mip) c = MipEncoding.encode(c);
        Tensor flat = generator(c);
        if (mip) flat = flat.add(param("theta0"));
        return batched ? flat : flat.squeeze(0);
    }

    /**
     * theta = h(c) cut into the target's tensors: own shapes for c (C), (B, *shape) for c (B, C).
     *
     * @param condition c, (C) or (B, C)
     * @return the generated tensors by the target's parameter names
     */
    public final Map<String, Tensor> generate(Tensor condition) {
        return layout.split(generateFlat(condition));
    }

    // condition (C), input: the target's input -> the target's output with theta = h(c)
    // condition (B, C), input (B, ...) -> (B, ...): sample i runs with its own theta_i = h(c_i)
    /**
     * Runs the target with generated parameters; (B, C) conditions run one weight set per sample.
     *
     * @param condition c, (C) or (B, C)
     * @param input the target's input (for (B, C) conditions its first dim is B)
     * @return the target's output
     */
    public Tensor forward(Tensor condition, Tensor input) {
        boolean batched = checkCondition(condition);
        Map<String, Tensor> theta = generate(condition);
        if (!batched) return FunctionalCall.call(target(), theta, input);
        return PerSampleCall.call(target(), theta, input);
    }

    /**
     * True for (B, C), false for (C); else an error naming the shape.
     *
     * @param condition c, (C) or (B, C)
     * @return whether the condition is batched
     * @throws IllegalArgumentException if it is neither (C) nor (B, C)
     */
    protected final boolean checkCondition(Tensor condition) {
        if (condition == null) throw new IllegalArgumentException(layerName + ": condition is null");
        int d = condition.dim();
        if ((d != 1 && d != 2) || condition.size(-1) != conditionSize) {
            throw new IllegalArgumentException(layerName + ": condition " + Shape.format(condition.shape()) + " must be (C=" + conditionSize
                    + ") or (B, C=" + conditionSize + ")");
        }
        return d == 2;
    }

    /** {@return number of elements in the hypernetwork's own parameters (everything but the target's)} */
    public final long numGeneratorParameters() {
        long n = 0;
        for (var e : namedParameters().entrySet()) if (!e.getKey().startsWith("target.")) n += e.getValue().numel();
        return n;
    }

    // ---------------------------------------------------------------- shared building blocks

    /** Linear + activation per hidden width: in -> hidden[0] -> ... -> hidden[L-1] (empty for no hidden layers). */
    static Sequential trunk(int in, int[] hidden, Supplier<? extends Module> activation, boolean bias, Generator g) {
        Sequential s = new Sequential();
        int width = in;
        for (int h : hidden) {
            s.append(new Linear(width, h, bias, g));
            s.append(activation.get());
            width = h;
        }
        return s;
    }

    /** The width the trunk ends in. */
    static int trunkOut(int in, int[] hidden) {
        return hidden.length == 0 ? in : hidden[hidden.length - 1];
    }

    static Generator generatorOf(Options<?> o) {
        return o.generator != null ? o.generator : Init.defaultGenerator();
    }

    @Override
    protected String extraRepr() {
        return "condition=" + conditionSize + ", generated=" + layout.entries().size() + " tensors (" + layout.numel()
                + " elements, " + filter + "), mip=" + mip + ", init=" + init;
    }

    // ---------------------------------------------------------------- options

    /**
     * The options every hypernetwork takes, with hypnettorch's HMLP defaults where they apply: hidden widths
     * (100, 100), ReLU, biases on, every target parameter generated; MIP off, PyTorch's default init,
     * conditionVariance 1 (N(0, 1) embeddings, hypnettorch's cond_var), residualInitScale 0.1.
     *
     * @param <O> the concrete options type, returned by each setter
     */
    public abstract static class Options<O extends Options<O>> {
        final Module target;
        final int conditionSize;
        int[] hidden = {100, 100};
        Supplier<? extends Module> activation = ReLU::new;
        boolean bias = true;
        ParameterFilter generate = ParameterFilter.all();
        boolean mip;
        HyperInit init = HyperInit.DEFAULT;
        double conditionVariance = 1, residualInitScale = 0.1;
        Generator generator;

        Options(Module target, int conditionSize) {
            this.target = target;
            this.conditionSize = conditionSize;
        }

        @SuppressWarnings("unchecked")
        private O self() {
            return (O) this;
        }

        /**
         * Hidden layer widths of the generator's MLP trunk (none: a linear hypernetwork).
         *
         * @param widths each at least 1; default 100, 100
         * @return these options
         */
        public O hidden(int... widths) { this.hidden = widths.clone(); return self(); }

        /**
         * The hidden activation, one fresh module per hidden layer (default ReLU).
         *
         * @param activation makes one activation module per call
         * @return these options
         */
        public O activation(Supplier<? extends Module> activation) { this.activation = activation; return self(); }

        /**
         * Whether the generator's linear layers have biases.
         *
         * @param bias default true
         * @return these options
         */
        public O bias(boolean bias) { this.bias = bias; return self(); }

        /**
         * Which target parameters are generated; the rest stay ordinary parameters.
         *
         * @param filter chooses target parameters by name (default: all)
         * @return these options
         */
        public O generate(ParameterFilter filter) { this.generate = filter; return self(); }

        /**
         * Shorthand for {@code generate(ParameterFilter.glob(glob))}.
         *
         * @param glob a name pattern such as {@code "*.weight"}
         * @return these options
         */
        public O generate(String glob) { return generate(ParameterFilter.glob(glob)); }

        /**
         * Magnitude Invariant Parametrization: the condition in [0, 1]^C enters as E(gamma), theta = theta0 + h.
         *
         * @param on default false
         * @return these options
         */
        public O mip(boolean on) { this.mip = on; return self(); }

        /**
         * How the generator's weights start ({@link HyperInit#TARGET_SCALE}: at the target's init scale).
         *
         * @param init default PyTorch's Linear init
         * @return these options
         */
        public O init(HyperInit init) { this.init = init; return self(); }

        /**
         * E[c_k^2] of the raw condition, which the target-scale init assumes (ignored under MIP, where it is 1/2).
         *
         * @param v above 0, default 1
         * @return these options
         */
        public O conditionVariance(double v) { this.conditionVariance = v; return self(); }

        /**
         * delta: under MIP with the target-scale init, h starts at delta times the target's init std.
         *
         * @param delta default 0.1
         * @return these options
         */
        public O residualInitScale(double delta) { this.residualInitScale = delta; return self(); }

        /**
         * The generator of the initial weights (default: {@link Init#defaultGenerator()}).
         *
         * @param generator the generator
         * @return these options
         */
        public O generator(Generator generator) { this.generator = generator; return self(); }

        @Override
        public String toString() {
            return "hidden=" + Arrays.toString(hidden) + ", bias=" + bias + ", generate=" + generate + ", mip=" + mip + ", init=" + init;
        }
    }
}
