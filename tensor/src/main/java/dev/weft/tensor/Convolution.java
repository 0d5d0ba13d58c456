package dev.weft.tensor;

import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;

import dev.weft.tensor.op.ConvOp;
import java.util.Arrays;

/**
 * Convolution as F.conv1d/F.conv2d compute it (cross-correlation), and F.unfold/F.fold. conv2d is the
 * product of the weight with every sample's columns (im2col): on the CPU one fused primitive, Conv2d, that
 * makes each sample's columns in cache (its gradients are fused primitives too); on other devices Im2col +
 * ConvMatmul:
 * <pre>
 * x: (B, C_in, H, W), weight: (C_out, C_in/G, kH, kW), bias: (C_out,) -> (B, C_out, outH, outW)
 * cols = unfold(x): (B, G*K, L), K = C_in/G*kH*kW, L = outH*outW
 * y[b, g] = weight[g] (C_out/G, K) @ cols[b, g] (K, L)
 * </pre>
 * so the gradients are ConvWeightGrad (the weight's, summed over the batch in one pass), ConvMatmul
 * with the transposed weight and Col2im (the input's). Unbatched inputs (no B) are accepted, as in PyTorch.
 * Padding "same" (stride 1 only; an odd total pads the extra entry at the end) and "valid" are accepted.
 */
public final class Convolution {
    private Convolution() {}

    /** A 1- or 2-entry size list as two entries (one entry is used for both), checked for count. */
    static int[] pair(String op, String what, int[] v) {
        if (v == null || v.length < 1 || v.length > 2) {
            throw new IllegalArgumentException(op + ": " + what + " must have 1 or 2 entries, got "
                    + (v == null ? "null" : Arrays.toString(v)));
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
    }

    /**
     * F.conv2d with stride 1, no padding, no dilation, one group.
     *
     * @param x the input tensor
     * @param weight the weight
     * @param bias the bias (null for none)
     * @return the output (B, C_out, outH, outW), or (C_out, outH, outW) for an unbatched input
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return conv2d(x, weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /**
     * F.conv2d; bias may be null; stride, padding and dilation have 1 or 2 entries (height, width).
     *
     * @param x the input tensor
     * @param weight the weight
     * @param bias the bias (null for none)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param groups number of groups: input and output channels split into this many independent convolutions
     * @return the output (B, C_out, outH, outW), or (C_out, outH, outW) for an unbatched input
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        int[] p = pair("conv2d", "padding", padding);
        return conv("conv2d", x, weight, bias, pair("conv2d", "stride", stride), p, p, pair("conv2d", "dilation", dilation), groups);
    }

    /**
     * F.conv2d with padding "same" or "valid".
     *
     * @param x the input tensor
     * @param weight the weight
     * @param bias the bias (null for none)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param groups number of groups: input and output channels split into this many independent convolutions
     * @return the output (B, C_out, outH, outW), or (C_out, outH, outW) for an unbatched input
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation, int groups) {
        int[] s = pair("conv2d", "stride", stride), d = pair("conv2d", "dilation", dilation);
        if (weight.dim() != 4) throw new IllegalArgumentException("conv2d: weight " + Shape.format(weight.shape())
                + " must be 4-d (C_out, C_in/groups, kH, kW)");
        int[][] lr = stringPadding("conv2d", padding, s, d, new int[] {weight.size(2), weight.size(3)});
        return conv("conv2d", x, weight, bias, s, lr[0], lr[1], d, groups);
    }

    /**
     * F.conv1d: x (B, C_in, L) or (C_in, L), weight (C_out, C_in/groups, k); bias may be null.
     *
     * @param x the input tensor
     * @param weight the weight
     * @param bias the bias (null for none)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param groups number of groups: input and output channels split into this many independent convolutions
     * @return the output (B, C_out, outL), or (C_out, outL) for an unbatched input
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv1d(x, weight, bias, stride, new int[] {0, padding}, new int[] {0, padding}, dilation, groups);
    }

    /**
     * F.conv1d with padding "same" or "valid".
     *
     * @param x the input tensor
     * @param weight the weight
     * @param bias the bias (null for none)
     * @param stride the stride
     * @param padding the zero padding on each side
     * @param dilation the spacing between kernel taps
     * @param groups number of groups: input and output channels split into this many independent convolutions
     * @return the output (B, C_out, outL), or (C_out, outL) for an unbatched input
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, String padding, int dilation, int groups) {
        if (weight.dim() != 3) throw new IllegalArgumentException("conv1d: weight " + Shape.format(weight.shape())
                + " must be 3-d (C_out, C_in/groups, k)");
        int[][] lr = stringPadding("conv1d", padding, new int[] {1, stride}, new int[] {1, dilation}, new int[] {1, weight.size(2)});
        return conv1d(x, weight, bias, stride, lr[0], lr[1], dilation, groups);
    }

    /**
     * F.conv1d with stride 1, no padding, no dilation, one group.
     *
     * @param x the input tensor
     * @param weight the weight
     * @param bias the bias (null for none)
     * @return the output (B, C_out, outL), or (C_out, outL) for an unbatched input
     */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias) {
        return conv1d(x, weight, bias, 1, 0, 1, 1);
    }

    private static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int[] lo, int[] hi, int dilation, int groups) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("conv1d: input " + Shape.format(x.shape()) + " must be (B, C_in, L) or (C_in, L)");
        }
        if (weight.dim() != 3) throw new IllegalArgumentException("conv1d: weight " + Shape.format(weight.shape())
                + " must be 3-d (C_out, C_in/groups, k)");
        Tensor y = conv("conv1d", x.unsqueeze(-2), weight.unsqueeze(2), bias, new int[] {1, stride}, lo, hi,
                new int[] {1, dilation}, groups);
        return y.squeeze(-2);
    }

    /** (left, right) padding per spatial dim for "same" or "valid". */
    private static int[][] stringPadding(String op, String padding, int[] stride, int[] dilation, int[] kernel) {
        return switch (padding) {
            case "valid" -> new int[][] {{0, 0}, {0, 0}};
            case "same" -> {
                if (stride[0] != 1 || stride[1] != 1) {
                    throw new IllegalArgumentException(op + ": padding='same' is not supported for strided convolutions (stride "
                            + Shape.format(stride) + ")");
                }
                int[] lo = new int[2], hi = new int[2];
                for (int i = 0; i < 2; i++) {
                    int total = dilation[i] * (kernel[i] - 1);
                    lo[i] = total / 2;
                    hi[i] = total - lo[i];
                }
                yield new int[][] {lo, hi};
            }
            default -> throw new IllegalArgumentException(op + ": padding must be \"same\", \"valid\" or numbers, got \"" + padding + "\"");
        };
    }

    /** The shared body: padLo/padHi per spatial dim (they differ only for "same" with an odd total). */
    private static Tensor conv(String op, Tensor x, Tensor w, Tensor bias, int[] s, int[] padLo, int[] padHi, int[] d, int groups) {
        boolean unbatched = x.dim() == 3;
        Operands ctx = new Operands(x, w, bias);
        if (x.dim() != 4 && !unbatched) throw fail(op, ctx, "input must be (B, C_in, H, W) or (C_in, H, W)");
        if (unbatched) x = x.unsqueeze(0);
        if (w.dim() != 4) throw fail(op, ctx, "weight must be (C_out, C_in/groups, kH, kW)");
        if (groups < 1) throw fail(op, ctx, "groups must be >= 1, got " + groups);
        int B = x.size(0), cIn = x.size(1), cOut = w.size(0), kH = w.size(2), kW = w.size(3);
        if (cIn % groups != 0 || cOut % groups != 0) {
            throw fail(op, ctx, "in_channels " + cIn + " and out_channels " + cOut + " must be divisible by groups " + groups);
        }
        if (w.size(1) * groups != cIn) {
            throw fail(op, ctx, "input has " + cIn + " channels, the weight expects C_in/groups * groups = " + w.size(1) + " * "
                    + groups + " = " + w.size(1) * groups);
        }
        if (x.dtype() != w.dtype()) throw fail(op, ctx, "input dtype " + x.dtype() + " and weight dtype " + w.dtype() + " differ");
        if (!x.dtype().isFloatingPoint()) throw fail(op, ctx, "expected a floating dtype (f32 or f64), got " + x.dtype());
        if (bias != null && (bias.dim() != 1 || bias.size(0) != cOut || bias.dtype() != x.dtype())) {
            throw fail(op, ctx, "bias must be a 1-d " + x.dtype() + " tensor of C_out = " + cOut + " entries");
        }
        for (int i = 0; i < 2; i++) {
            if (s[i] < 1 || d[i] < 1 || padLo[i] < 0) {
                throw fail(op, ctx, "stride " + Shape.format(s) + " and dilation " + Shape.format(d) + " must be >= 1, padding "
                        + Shape.format(padLo) + " >= 0");
            }
        }
        if (padHi[0] > padLo[0] || padHi[1] > padLo[1]) {
            // "same" with an even kernel extent: the extra entry goes at the end (bottom, right)
            x = Joining.pad(x, 0, padHi[1] - padLo[1], 0, padHi[0] - padLo[0]);
        }
        int H = x.size(2), W = x.size(3);
        long oh = ConvOp.Window.convOut(H, kH, s[0], padLo[0], d[0]), ow = ConvOp.Window.convOut(W, kW, s[1], padLo[1], d[1]);
        if (oh < 1 || ow < 1) {
            throw fail(op, ctx, "the dilated kernel (" + (d[0] * (kH - 1) + 1) + ", " + (d[1] * (kW - 1) + 1)
                    + ") is larger than the padded input (" + (H + 2 * padLo[0]) + ", " + (W + 2 * padLo[1]) + ")");
        }
        ConvOp.Window win = new ConvOp.Window(kH, kW, s[0], s[1], padLo[0], padLo[1], d[0], d[1]);
        int k = cIn / groups * kH * kW;
        Tensor y;
        if (x.device().equals(Device.CPU)) {
            // one primitive: each sample's columns made and used in cache, no (B, C_in*kH*kW, L) tensor, and the
            // bias added in place (no second output tensor)
            ConvOp.Conv2d conv = new ConvOp.Conv2d(win, groups);
            y = bias == null ? Dispatch.apply1(conv, x, w.reshape(cOut, k)) : Dispatch.apply1(conv, x, w.reshape(cOut, k), bias);
            y = y.view(B, cOut, (int) oh, (int) ow);
            return unbatched ? y.squeeze(0) : y;
        } else {
            Tensor cols = Dispatch.apply1(new ConvOp.Im2col(win), x);      // (B, C_in*kH*kW, L)
            y = Dispatch.apply1(new ConvOp.ConvMatmul(groups), w.reshape(cOut, k), cols);
        }
        y = y.view(B, cOut, (int) oh, (int) ow);
        if (bias != null) y = y.add(bias.view(1, cOut, 1, 1));
        return unbatched ? y.squeeze(0) : y;
    }

    /** The user's operands, described only when an error needs them (the check runs on every call). */
    private record Operands(Tensor x, Tensor w, Tensor bias) {
        @Override
        public String toString() {
            return "input " + Shape.format(x.shape()) + ", weight " + Shape.format(w.shape())
                    + (bias == null ? "" : ", bias " + Shape.format(bias.shape()));
        }
    }

    private static IllegalArgumentException fail(String op, Operands ctx, String problem) {
        return new IllegalArgumentException(op + ": " + ctx + ": " + problem);
    }

    // ---------------------------------------------------------------- unfold / fold

    /**
     * F.unfold: x (B, C, H, W) or (C, H, W) -> (B, C*kH*kW, L) sliding blocks, row (c*kH + kh)*kW + kw,
     * column oh*outW + ow. Sizes have 1 or 2 entries.
     *
     * @param x the input tensor
     * @param kernelSize the window size
     * @param dilation the spacing between kernel taps
     * @param padding the zero padding on each side
     * @param stride the stride
     * @return the columns (B, C*kH*kW, L), or (C*kH*kW, L) for an unbatched input
     */
    public static Tensor unfold(Tensor x, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        ConvOp.Window w = window("unfold", kernelSize, dilation, padding, stride);
        if (x.dim() == 3) return Dispatch.apply1(new ConvOp.Im2col(w), x.unsqueeze(0)).squeeze(0);
        return Dispatch.apply1(new ConvOp.Im2col(w), x);
    }

    /**
     * F.unfold with dilation 1, padding 0, stride 1.
     *
     * @param x the input tensor
     * @param kernelSize the window size
     * @return the columns (B, C*kH*kW, L), or (C*kH*kW, L) for an unbatched input
     */
    public static Tensor unfold(Tensor x, int... kernelSize) {
        return unfold(x, kernelSize, new int[] {1}, new int[] {0}, new int[] {1});
    }

    /**
     * F.fold, the adjoint of unfold: x (B, C*kH*kW, L) or (C*kH*kW, L) -> (B, C, H, W) with (H, W) =
     * outputSize, overlapping entries summed.
     *
     * @param x the input tensor
     * @param outputSize the spatial size (H, W) of the folded output
     * @param kernelSize the window size
     * @param dilation the spacing between kernel taps
     * @param padding the zero padding on each side
     * @param stride the stride
     * @return the folded tensor (B, C, H, W), or (C, H, W) for an unbatched input
     */
    public static Tensor fold(Tensor x, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        ConvOp.Window w = window("fold", kernelSize, dilation, padding, stride);
        int[] o = pair("fold", "output size", outputSize);
        if (x.dim() == 2) return Dispatch.apply1(new ConvOp.Col2im(o[0], o[1], w), x.unsqueeze(0)).squeeze(0);
        return Dispatch.apply1(new ConvOp.Col2im(o[0], o[1], w), x);
    }

    /**
     * F.fold with dilation 1, padding 0, stride 1.
     *
     * @param x the input tensor
     * @param outputSize the spatial size (H, W) of the folded output
     * @param kernelSize the window size
     * @return the folded tensor (B, C, H, W), or (C, H, W) for an unbatched input
     */
    public static Tensor fold(Tensor x, int[] outputSize, int[] kernelSize) {
        return fold(x, outputSize, kernelSize, new int[] {1}, new int[] {0}, new int[] {1});
    }

    static ConvOp.Window window(String op, int[] kernel, int[] dilation, int[] padding, int[] stride) {
        int[] k = pair(op, "kernel size", kernel), d = pair(op, "dilation", dilation), p = pair(op, "padding", padding),
                s = pair(op, "stride", stride);
        return new ConvOp.Window(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1]);
    }
}
