package dev.weft.nn.init;

import dev.weft.autograd.GradMode;
import dev.weft.nn.OptionEnums;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Linalg;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.Create;

/**
 * Weight initializers as torch.nn.init: each fills its tensor IN PLACE under no-grad from an explicit
 * seeded {@link Generator} and returns it. Layers built without a generator draw from
 * {@link #defaultGenerator()}, a process-wide stream seeded with {@link #DEFAULT_SEED} and re-seeded
 * by {@link #manualSeed(long)} (as torch.manual_seed); same seed and same construction order give the
 * same weights.
 */
public final class Init {
    private Init() {}

    /** The seed of the default generator at startup. */
    public static final long DEFAULT_SEED = 0;

    private static volatile Generator defaultGenerator = new Generator(DEFAULT_SEED);

    /** {@return the generator layers use when none is given} */
    public static Generator defaultGenerator() {
        return defaultGenerator;
    }

    /**
     * Replaces the default generator with a fresh one seeded with {@code seed}; returns it.
     *
     * @param seed the new default stream's seed
     * @return the new default generator
     */
    public static Generator manualSeed(long seed) {
        Generator g = new Generator(seed);
        defaultGenerator = g;
        return g;
    }

    /** Fan mode for the Kaiming initializers: keep the forward (FAN_IN) or backward (FAN_OUT) variance. */
    public enum FanMode {
        /** Keep the forward pass's variance: fan = fanIn. */
        FAN_IN,
        /** Keep the backward pass's variance: fan = fanOut. */
        FAN_OUT
    }

    /**
     * The nonlinearities {@link #calculateGain} knows, by PyTorch's names (toString: "leaky_relu", ...;
     * {@link #of} parses them).
     */
    public enum Nonlinearity {
        /** "linear": gain 1. */
        LINEAR,
        /** "conv1d": gain 1. */
        CONV1D,
        /** "conv2d": gain 1. */
        CONV2D,
        /** "conv3d": gain 1. */
        CONV3D,
        /** "conv_transpose1d": gain 1. */
        CONV_TRANSPOSE1D,
        /** "conv_transpose2d": gain 1. */
        CONV_TRANSPOSE2D,
        /** "conv_transpose3d": gain 1. */
        CONV_TRANSPOSE3D,
        /** "sigmoid": gain 1. */
        SIGMOID,
        /** "tanh": gain 5/3. */
        TANH,
        /** "relu": gain sqrt(2). */
        RELU,
        /** "leaky_relu": gain sqrt(2 / (1 + slope^2)). */
        LEAKY_RELU,
        /** "selu": gain 3/4. */
        SELU;

        /**
         * Parses PyTorch's nonlinearity string, e.g. "leaky_relu".
         *
         * @param s the name (case-insensitive)
         * @return the nonlinearity
         * @throws IllegalArgumentException if s names none
         */
        public static Nonlinearity of(String s) {
            return OptionEnums.of("Init.Nonlinearity", values(), s);
        }

        @Override
        public String toString() {
            return OptionEnums.torchName(this);
        }
    }

    // ---------------------------------------------------------------- gains and fans

    /**
     * The recommended gain for a nonlinearity: LINEAR, the convolutions and SIGMOID -> 1; TANH -> 5/3;
     * RELU -> sqrt(2); LEAKY_RELU -> sqrt(2 / (1 + slope^2)) with slope = param; SELU -> 3/4 (param is
     * only read for LEAKY_RELU).
     *
     * @param nonlinearity the activation that follows
     * @param param LEAKY_RELU's negative slope
     * @return the gain
     */
    public static double calculateGain(Nonlinearity nonlinearity, double param) {
        return switch (nonlinearity) {
            case LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D, SIGMOID -> 1.0;
            case TANH -> 5.0 / 3;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1 + param * param));
            case SELU -> 3.0 / 4;
        };
    }

    /**
     * calculateGain with PyTorch's param=None: LEAKY_RELU's slope 0.01.
     *
     * @param nonlinearity the activation that follows
     * @return the gain
     */
    public static double calculateGain(Nonlinearity nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /**
     * Fan-in (dim 1 times the receptive field).
     *
     * @param t a weight of at least 2 dims
     * @return its fan-in
     */
    public static int fanIn(Tensor t) {
        return Fans.of(t).fanIn();
    }

    /**
     * Fan-out (dim 0 times the receptive field).
     *
     * @param t a weight of at least 2 dims
     * @return its fan-out
     */
    public static int fanOut(Tensor t) {
        return Fans.of(t).fanOut();
    }

    // ---------------------------------------------------------------- plain fills

    /**
     * t ~ U(a, b).
     *
     * @param t the tensor to fill in place
     * @param a the lower bound
     * @param b the upper bound
     * @param g the generator the values are drawn from
     * @return t
     */
    public static Tensor uniform(Tensor t, double a, double b, Generator g) {
        if (!(a <= b)) throw new IllegalArgumentException("init.uniform: a " + a + " must be <= b " + b);
        return fill(t, Create.uniform(g, a, b, t.shape(), floatType(t), t.device()));
    }

    /**
     * t ~ N(mean, std^2).
     *
     * @param t the tensor to fill in place
     * @param mean the mean
     * @param std the standard deviation
     * @param g the generator the values are drawn from
     * @return t
     */
    public static Tensor normal(Tensor t, double mean, double std, Generator g) {
        if (!(std >= 0)) throw new IllegalArgumentException("init.normal: std " + std + " must be >= 0");
        return fill(t, Create.normal(g, mean, std, t.shape(), floatType(t), t.device()));
    }

    /**
     * t = value everywhere.
     *
     * @param t the tensor to fill in place
     * @param value the fill value
     * @return t
     */
    public static Tensor constant(Tensor t, double value) {
        try (var s = GradMode.noGrad()) {
            t.fill_(value);
        }
        return t;
    }

    /**
     * t = 0 everywhere.
     *
     * @param t the tensor to fill in place
     * @return t
     */
    public static Tensor zeros(Tensor t) {
        return constant(t, 0);
    }

    /**
     * t = 1 everywhere.
     *
     * @param t the tensor to fill in place
     * @return t
     */
    public static Tensor ones(Tensor t) {
        return constant(t, 1);
    }

    // ---------------------------------------------------------------- scaled by fans

    /**
     * Glorot uniform: U(-a, a), a = gain sqrt(6 / (fanIn + fanOut)).
     *
     * @param t the tensor to fill in place
     * @param gain the scale (1 as PyTorch's default)
     * @param g the generator the values are drawn from
     * @return t
     */
    public static Tensor xavierUniform(Tensor t, double gain, Generator g) {
        Fans f = Fans.of(t);
        double a = gain * Math.sqrt(6.0 / (f.fanIn() + f.fanOut()));
        return uniform(t, -a, a, g);
    }

    /**
     * Glorot normal: N(0, std^2), std = gain sqrt(2 / (fanIn + fanOut)).
     *
     * @param t the tensor to fill in place
     * @param gain the scale (1 as PyTorch's default)
     * @param g the generator the values are drawn from
     * @return t
     */
    public static Tensor xavierNormal(Tensor t, double gain, Generator g) {
        Fans f = Fans.of(t);
        return normal(t, 0, gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut())), g);
    }

    /**
     * He uniform: U(-bound, bound), bound = gain sqrt(3 / fan), gain = calculateGain(nonlinearity, a),
     * fan = fanIn or fanOut by mode. PyTorch's default: a = 0, FAN_IN, LEAKY_RELU.
     *
     * @param t the tensor to fill in place
     * @param a LEAKY_RELU's negative slope
     * @param mode which fan keeps its variance
     * @param nonlinearity the activation that follows
     * @param g the generator the values are drawn from
     * @return t
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Generator g) {
        double bound = Math.sqrt(3.0) * kaimingStd(t, a, mode, nonlinearity);
        return uniform(t, -bound, bound, g);
    }

    /**
     * He normal: N(0, std^2), std = gain / sqrt(fan).
     *
     * @param t the tensor to fill in place
     * @param a LEAKY_RELU's negative slope
     * @param mode which fan keeps its variance
     * @param nonlinearity the activation that follows
     * @param g the generator the values are drawn from
     * @return t
     */
    public static Tensor kaimingNormal(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Generator g) {
        return normal(t, 0, kaimingStd(t, a, mode, nonlinearity), g);
    }

    private static double kaimingStd(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity) {
        Fans f = Fans.of(t);
        int fan = mode == FanMode.FAN_IN ? f.fanIn() : f.fanOut();
        if (fan == 0) throw new IllegalArgumentException("init.kaiming: tensor " + dev.weft.tensor.core.Shape.format(t.shape()) + " has zero " + mode);
        return calculateGain(nonlinearity, a) / Math.sqrt(fan);
    }

    /**
     * A (semi-)orthogonal matrix times gain: t viewed as (rows = size(0), cols = numel / rows); QR of a
     * Gaussian matrix (of its transpose when {@code rows < cols}), Q's columns signed by diag(R) so the result
     * is Haar-distributed. Afterwards Q^T Q = I ({@code rows >= cols}) or Q Q^T = I ({@code rows < cols}).
     *
     * @param t the tensor to fill in place, at least 2 dims
     * @param gain the scale
     * @param g the generator the values are drawn from
     * @return t
     */
    public static Tensor orthogonal(Tensor t, double gain, Generator g) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("init.orthogonal: only tensors with 2 or more dimensions are supported, got "
                    + dev.weft.tensor.core.Shape.format(t.shape()));
        }
        if (t.numel() == 0) return t;
        int rows = t.size(0), cols = t.numel() / rows;
        Tensor q;
        try (var s = GradMode.noGrad()) {
            Tensor flat = Create.normal(g, 0, 1, new int[] {rows, cols}, DType.F64, t.device());
            if (rows < cols) flat = flat.t();
            Linalg.QR qr = Linalg.qr(flat);
            Tensor d = qr.R().diagonal(0, 0, 1).sign();
            q = qr.Q().mul(d.unsqueeze(0));
            if (rows < cols) q = q.t();
            q = q.mul(gain).reshape(t.shape());
        }
        return fill(t, q);
    }

    private static DType floatType(Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("init: tensor must be floating point, got " + t.dtype());
        }
        return t.dtype();
    }

    private static Tensor fill(Tensor t, Tensor values) {
        try (var s = GradMode.noGrad()) {
            t.copy_(values.to(t.dtype()));
        }
        return t;
    }
}
