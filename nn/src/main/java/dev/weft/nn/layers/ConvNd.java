package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.functional.Padding;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.Arrays;

/**
 * What Conv1d, Conv2d and ConvTranspose2d share: sizes per spatial dim, the weight and bias slots,
 * PyTorch's default init (weight kaiming_uniform(a = sqrt(5)), bias U(-1/sqrt(fanIn), 1/sqrt(fanIn))
 * with fanIn from the weight), explicit padding for the non-zeros padding modes, and the printed form.
 * weight: (C_out, C_in/groups, *kernel), transposed: (C_in, C_out/groups, *kernel).
 */
public abstract class ConvNd extends Module {
    /** C_in, the input's channel count. */
    public final int inChannels;
    /** C_out, the output's channel count. */
    public final int outChannels;
    final int[] kernelSize, stride, padding, dilation, outputPadding;
    /** SAME or VALID, or null when padding is numeric. */
    final Padding paddingPreset;
    /** The number of blocked channel groups. */
    public final int groups;
    /** What the border is filled with. */
    public final PaddingMode paddingMode;
    private final boolean transposed;

    /**
     * The options every convolution takes, with PyTorch's defaults: stride 1, padding 0, dilation 1,
     * groups 1, bias true, paddingMode ZEROS, weights from {@link Init#defaultGenerator()}. Sizes given
     * as one number apply to every spatial dim.
     *
     * @param <O> the concrete options type, returned by each setter
     */
    public abstract static class Options<O extends Options<O>> {
        final String layer;
        final int inChannels, outChannels;
        final int[] kernelSize;
        int[] stride = {1}, padding = {0}, dilation = {1}, outputPadding = {0};
        Padding paddingPreset;
        int groups = 1;
        boolean bias = true;
        PaddingMode paddingMode = PaddingMode.ZEROS;
        Generator generator;

        Options(String layer, int inChannels, int outChannels, int... kernelSize) {
            this.layer = layer;
            this.inChannels = inChannels;
            this.outChannels = outChannels;
            this.kernelSize = kernelSize.clone();
        }

        @SuppressWarnings("unchecked")
        final O self() {
            return (O) this;
        }

        /**
         * Step of the kernel over the input.
         *
         * @param stride at least 1, default 1
         * @return these options
         */
        public O stride(int stride) {
            this.stride = new int[] {stride};
            return self();
        }

        /**
         * Implicit padding on both sides of every spatial dim (replaces a {@link Padding} preset).
         *
         * @param padding at least 0, default 0
         * @return these options
         */
        public O padding(int padding) {
            this.padding = new int[] {padding};
            this.paddingPreset = null;
            return self();
        }

        /**
         * Spacing between kernel elements (a trous).
         *
         * @param dilation at least 1, default 1
         * @return these options
         */
        public O dilation(int dilation) {
            this.dilation = new int[] {dilation};
            return self();
        }

        /**
         * Blocked connections: inChannels and outChannels must both be divisible by groups.
         *
         * @param groups at least 1, default 1
         * @return these options
         */
        public O groups(int groups) {
            this.groups = groups;
            return self();
        }

        /**
         * A learnable bias (outChannels,).
         *
         * @param bias default true
         * @return these options
         */
        public O bias(boolean bias) {
            this.bias = bias;
            return self();
        }

        /**
         * Draws the initial weight and bias.
         *
         * @param generator default {@link Init#defaultGenerator()}
         * @return these options
         */
        public O generator(Generator generator) {
            this.generator = OptionChecks.nonNull(layer, "generator", generator);
            return self();
        }
    }

    /** The per-dim (height, width) forms of stride, padding and dilation, for Conv2d and ConvTranspose2d. */
    abstract static class Options2d<O extends Options2d<O>> extends Options<O> {
        Options2d(String layer, int inChannels, int outChannels, int[] kernelSize) {
            super(layer, inChannels, outChannels, kernelSize);
        }

        /**
         * Step of the kernel per dim (height, width).
         *
         * @param strideH the height's stride
         * @param strideW the width's stride
         * @return these options
         */
        public O stride(int strideH, int strideW) {
            this.stride = new int[] {strideH, strideW};
            return self();
        }

        /**
         * Implicit padding per dim (height, width) (replaces a {@link Padding} preset).
         *
         * @param padH the height's padding
         * @param padW the width's padding
         * @return these options
         */
        public O padding(int padH, int padW) {
            this.padding = new int[] {padH, padW};
            this.paddingPreset = null;
            return self();
        }

        /**
         * Spacing between kernel elements per dim (height, width).
         *
         * @param dilationH the height's dilation
         * @param dilationW the width's dilation
         * @return these options
         */
        public O dilation(int dilationH, int dilationW) {
            this.dilation = new int[] {dilationH, dilationW};
            return self();
        }
    }

    ConvNd(String name, int n, boolean transposed, Options<?> o) {
        this.kernelSize = expand(name, "kernelSize", o.kernelSize, n, 1);
        this.stride = expand(name, "stride", o.stride, n, 1);
        this.padding = o.paddingPreset != null ? new int[n] : expand(name, "padding", o.padding, n, 0);
        this.dilation = expand(name, "dilation", o.dilation, n, 1);
        this.outputPadding = expand(name, "outputPadding", o.outputPadding, n, 0);
        this.paddingPreset = o.paddingPreset;
        int inChannels = o.inChannels, outChannels = o.outChannels, groups = o.groups;
        OptionChecks.atLeast(name, "inChannels", inChannels, 1);
        OptionChecks.atLeast(name, "outChannels", outChannels, 1);
        OptionChecks.atLeast(name, "groups", groups, 1);
        if (inChannels % groups != 0) throw new IllegalArgumentException(name + ": inChannels " + inChannels
                + " must be divisible by groups " + groups);
        if (outChannels % groups != 0) throw new IllegalArgumentException(name + ": outChannels " + outChannels
                + " must be divisible by groups " + groups);
        if (paddingPreset == Padding.SAME) {
            for (int s : this.stride) if (s != 1) {
                throw new IllegalArgumentException(name + ": padding SAME is not supported for strided convolutions (stride "
                        + Repr.tuple(this.stride) + ")");
            }
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        this.paddingMode = o.paddingMode;
        this.transposed = transposed;
        int[] shape = new int[n + 2];
        shape[0] = transposed ? inChannels : outChannels;
        shape[1] = (transposed ? outChannels : inChannels) / groups;
        System.arraycopy(this.kernelSize, 0, shape, 2, n);
        registerParameter("weight", Tensor.empty(shape));
        registerParameter("bias", o.bias ? Tensor.empty(outChannels) : null);
        resetParameters(o.generator != null ? o.generator : Init.defaultGenerator());
    }

    /** v with 1 or n entries, each >= min, as n entries; errors name the layer and the option. */
    private static int[] expand(String name, String what, int[] v, int n, int min) {
        if (v.length != 1 && v.length != n) {
            throw new IllegalArgumentException(name + ": " + what + " must have 1 or " + n + " entries, got " + Arrays.toString(v));
        }
        for (int e : v) {
            if (e < min) {
                throw new IllegalArgumentException(name + ": " + what + " must be >= " + min + ", got "
                        + (v.length == 1 ? String.valueOf(v[0]) : Repr.tuple(v)));
            }
        }
        if (v.length == n) return v.clone();
        int[] out = new int[n];
        Arrays.fill(out, v[0]);
        return out;
    }

    /**
     * Refuses an input that is not batched (B, C_in, *spatial) or unbatched (C_in, *spatial) with inChannels
     * channels; {@code layout} spells both forms for the message, e.g. "(B, C_in, L) or (C_in, L)".
     */
    final void checkInput(Tensor input, String layout) {
        int n = kernelSize.length;
        if (input.dim() != n + 1 && input.dim() != n + 2) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape()) + " must be " + layout);
        }
        int channels = input.size(-(n + 1));
        if (channels != inChannels) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(input.shape()) + ": channels "
                    + channels + " != inChannels " + inChannels);
        }
    }

    /**
     * Re-draws weight and bias as the constructor does.
     *
     * @param g the generator the new values are drawn from
     */
    public void resetParameters(Generator g) {
        Tensor w = param("weight");
        Init.kaimingUniform(w, Math.sqrt(5), Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU, g);
        Tensor b = param("bias");
        if (b != null) {
            int fanIn = Init.fanIn(w);
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform(b, -bound, bound, g);
        }
    }

    /** {@return the kernel size per spatial dim (a copy)} */
    public int[] kernelSize() { return kernelSize.clone(); }
    /** {@return the stride per spatial dim (a copy)} */
    public int[] stride() { return stride.clone(); }
    /** {@return the numeric padding per spatial dim (a copy)} */
    public int[] padding() { return padding.clone(); }
    /** {@return the dilation per spatial dim (a copy)} */
    public int[] dilation() { return dilation.clone(); }

    /**
     * For a non-zeros paddingMode: x padded explicitly by (lo, hi) per spatial dim (F.pad order: last dim
     * first); the convolution then runs with padding 0. Returns x for zeros mode.
     */
    Tensor padInput(Tensor x) {
        if (paddingMode == PaddingMode.ZEROS) return x;
        int n = kernelSize.length;
        int[] pads = new int[2 * n];
        for (int i = 0; i < n; i++) {
            int d = n - 1 - i, lo, hi;
            if (paddingPreset == Padding.SAME) {
                int total = dilation[d] * (kernelSize[d] - 1);
                lo = total / 2;
                hi = total - lo;
            } else {
                lo = hi = padding[d];
            }
            pads[2 * i] = lo;
            pads[2 * i + 1] = hi;
        }
        return F.pad(x, pads, paddingMode.padMode(), 0);
    }

    /** True when the convolution itself should see the numeric padding (zeros mode, no padding string). */
    boolean convPads() {
        return paddingMode == PaddingMode.ZEROS && paddingPreset == null;
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernelSize=").append(Repr.tuple(kernelSize)).append(", stride=").append(Repr.tuple(stride));
        if (paddingPreset != null) sb.append(", padding='").append(paddingPreset).append("'");
        else if (Arrays.stream(padding).anyMatch(p -> p != 0)) sb.append(", padding=").append(Repr.tuple(padding));
        if (Arrays.stream(dilation).anyMatch(d -> d != 1)) sb.append(", dilation=").append(Repr.tuple(dilation));
        if (transposed && Arrays.stream(outputPadding).anyMatch(p -> p != 0)) {
            sb.append(", outputPadding=").append(Repr.tuple(outputPadding));
        }
        if (groups != 1) sb.append(", groups=").append(groups);
        if (param("bias") == null) sb.append(", bias=false");
        if (paddingMode != PaddingMode.ZEROS) sb.append(", paddingMode=").append(paddingMode);
        return sb.toString();
    }

    /** {@return the weight parameter: (out_channels, in_channels / groups, kernel...) ((in_channels, out_channels / groups, kernel...) for a transposed convolution)} */
    public Tensor weight() { return param("weight"); }

    /** {@return the bias parameter: (out_channels,), or null when built without bias} */
    public Tensor bias() { return param("bias"); }
}
