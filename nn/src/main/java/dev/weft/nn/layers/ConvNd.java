package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Joining;
import dev.weft.tensor.Tensor;

import java.util.Arrays;

/**
 * What Conv1d, Conv2d and ConvTranspose2d share: sizes per spatial dim, the weight and bias slots,
 * PyTorch's default init (weight kaiming_uniform(a = sqrt(5)), bias U(-1/sqrt(fanIn), 1/sqrt(fanIn))
 * with fanIn from the weight), explicit padding for the non-zeros padding modes, and the printed form.
 * weight: (C_out, C_in/groups, *kernel), transposed: (C_in, C_out/groups, *kernel).
 */
public abstract class ConvNd extends Module {
    public final int inChannels;
    public final int outChannels;
    final int[] kernelSize, stride, padding, dilation, outputPadding;
    /** "same", "valid" or null when padding is numeric. */
    final String paddingString;
    public final int groups;
    public final String paddingMode;
    private final boolean transposed;

    ConvNd(String name, int n, int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding,
           String paddingString, int[] dilation, int[] outputPadding, boolean transposed, int groups, boolean bias,
           String paddingMode, Generator g) {
        this.kernelSize = expand(name, "kernelSize", kernelSize, n);
        this.stride = expand(name, "stride", stride, n);
        this.padding = paddingString != null ? new int[n] : expand(name, "padding", padding, n);
        this.dilation = expand(name, "dilation", dilation, n);
        this.outputPadding = expand(name, "outputPadding", outputPadding, n);
        this.paddingString = paddingString;
        if (inChannels < 1 || outChannels < 1 || groups < 1) {
            throw new IllegalArgumentException(name + ": inChannels " + inChannels + ", outChannels " + outChannels
                    + " and groups " + groups + " must be >= 1");
        }
        if (inChannels % groups != 0) throw new IllegalArgumentException(name + ": inChannels " + inChannels
                + " must be divisible by groups " + groups);
        if (outChannels % groups != 0) throw new IllegalArgumentException(name + ": outChannels " + outChannels
                + " must be divisible by groups " + groups);
        if (!Arrays.asList("zeros", "reflect", "replicate", "circular").contains(paddingMode)) {
            throw new IllegalArgumentException(name + ": paddingMode must be one of zeros, reflect, replicate, circular, got '"
                    + paddingMode + "'");
        }
        if (transposed && !paddingMode.equals("zeros")) {
            throw new IllegalArgumentException(name + ": only \"zeros\" paddingMode is supported, got '" + paddingMode + "'");
        }
        if (paddingString != null && !paddingString.equals("same") && !paddingString.equals("valid")) {
            throw new IllegalArgumentException(name + ": invalid padding string '" + paddingString + "', should be one of {'valid', 'same'}");
        }
        if ("same".equals(paddingString)) {
            for (int s : this.stride) if (s != 1) {
                throw new IllegalArgumentException(name + ": padding='same' is not supported for strided convolutions");
            }
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        this.paddingMode = paddingMode;
        this.transposed = transposed;
        int[] shape = new int[n + 2];
        shape[0] = transposed ? inChannels : outChannels;
        shape[1] = (transposed ? outChannels : inChannels) / groups;
        System.arraycopy(this.kernelSize, 0, shape, 2, n);
        registerParameter("weight", Tensor.empty(shape));
        registerParameter("bias", bias ? Tensor.empty(outChannels) : null);
        resetParameters(g);
    }

    private static int[] expand(String name, String what, int[] v, int n) {
        if (v == null || (v.length != 1 && v.length != n)) {
            throw new IllegalArgumentException(name + ": " + what + " must have 1 or " + n + " entries, got "
                    + (v == null ? "null" : Arrays.toString(v)));
        }
        if (v.length == n) return v.clone();
        int[] out = new int[n];
        Arrays.fill(out, v[0]);
        return out;
    }

    /** Re-draws weight and bias as the constructor does. */
    public void resetParameters(Generator g) {
        Tensor w = param("weight");
        Init.kaimingUniform(w, Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu", g);
        Tensor b = param("bias");
        if (b != null) {
            int fanIn = Init.fanIn(w);
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform(b, -bound, bound, g);
        }
    }

    public int[] kernelSize() { return kernelSize.clone(); }
    public int[] stride() { return stride.clone(); }
    public int[] padding() { return padding.clone(); }
    public int[] dilation() { return dilation.clone(); }

    /**
     * For a non-zeros paddingMode: x padded explicitly by (lo, hi) per spatial dim (F.pad order: last dim
     * first); the convolution then runs with padding 0. Returns x for zeros mode.
     */
    Tensor padInput(Tensor x) {
        if (paddingMode.equals("zeros")) return x;
        int n = kernelSize.length;
        int[] pads = new int[2 * n];
        for (int i = 0; i < n; i++) {
            int d = n - 1 - i, lo, hi;
            if ("same".equals(paddingString)) {
                int total = dilation[d] * (kernelSize[d] - 1);
                lo = total / 2;
                hi = total - lo;
            } else {
                lo = hi = padding[d];
            }
            pads[2 * i] = lo;
            pads[2 * i + 1] = hi;
        }
        return Joining.pad(x, pads, paddingMode, 0);
    }

    /** True when the convolution itself should see the numeric padding (zeros mode, no padding string). */
    boolean convPads() {
        return paddingMode.equals("zeros") && paddingString == null;
    }

    @Override
    protected String extraRepr() {
        StringBuilder sb = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernelSize=").append(Repr.tuple(kernelSize)).append(", stride=").append(Repr.tuple(stride));
        if (paddingString != null) sb.append(", padding='").append(paddingString).append("'");
        else if (Arrays.stream(padding).anyMatch(p -> p != 0)) sb.append(", padding=").append(Repr.tuple(padding));
        if (Arrays.stream(dilation).anyMatch(d -> d != 1)) sb.append(", dilation=").append(Repr.tuple(dilation));
        if (transposed && Arrays.stream(outputPadding).anyMatch(p -> p != 0)) {
            sb.append(", outputPadding=").append(Repr.tuple(outputPadding));
        }
        if (groups != 1) sb.append(", groups=").append(groups);
        if (param("bias") == null) sb.append(", bias=false");
        if (!paddingMode.equals("zeros")) sb.append(", paddingMode=").append(paddingMode);
        return sb.toString();
    }

    /** The weight parameter: (out_channels, in_channels / groups, kernel...) ((in_channels, out_channels / groups, kernel...) for a transposed convolution). */
    public Tensor weight() { return param("weight"); }

    /** The bias parameter: (out_channels,), or null when built without bias. */
    public Tensor bias() { return param("bias"); }
}
