package dev.weft.tensor.op;

/**
 * Sliding-window primitives over batched images x: (B, C, H, W): the im2col/col2im pair, the
 * convolution's product of the weight with the columns and its batch-summed weight gradient
 * (convolution is Im2col + ConvMatmul, composed in dev.weft.tensor.Convolution; its gradients are
 * ConvWeightGrad, ConvMatmul and Col2im), and max/avg pooling with their backward passes as
 * primitives, so autograd rules stay tensor ops. 1-d ops are these with H = 1. Floating dtypes (F32,
 * F64) only.
 */
public sealed interface ConvOp extends Op {
    /**
     * A 2-d window: kernel (kH, kW), stride, zero padding on both sides, dilation (all >= 1, padding >= 0).
     * Input row of tap (oh, kh) is oh*sH - pH + kh*dH, likewise for columns.
     *
     * @param kH kernel height
     * @param kW kernel width
     * @param sH vertical stride
     * @param sW horizontal stride
     * @param pH vertical zero padding (each side)
     * @param pW horizontal zero padding (each side)
     * @param dH vertical dilation
     * @param dW horizontal dilation
     */
    record Window(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW) {
        /**
         * Convolution output size (in + 2p - d(k-1) - 1) / s + 1 (may be {@code < 1}; ConvRules rejects it).
         *
         * @param in input size along the axis
         * @param k kernel size
         * @param s stride
         * @param p zero padding on each side
         * @param d dilation
         * @return the output size along the axis
         */
        public static long convOut(int in, int k, int s, int p, int d) {
            return Math.floorDiv((long) in + 2L * p - (long) d * (k - 1) - 1, s) + 1;
        }

        /**
         * Pooling output size: as {@link #convOut}, rounded up in ceil mode, where a last window that would
         * start inside the right padding is dropped.
         *
         * @param in input size along the axis
         * @param k kernel size
         * @param s stride
         * @param p zero padding on each side
         * @param d dilation
         * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
         * @return the output size along the axis
         */
        public static long poolOut(int in, int k, int s, int p, int d, boolean ceilMode) {
            long num = (long) in + 2L * p - (long) d * (k - 1) - 1 + (ceilMode ? s - 1 : 0);
            long out = Math.floorDiv(num, (long) s) + 1;
            if (ceilMode && (out - 1) * s >= (long) in + p) out--;
            return out;
        }

        @Override
        public String toString() {
            return "kernel=(" + kH + ", " + kW + "), stride=(" + sH + ", " + sW + "), padding=(" + pH + ", " + pW
                    + "), dilation=(" + dH + ", " + dW + ")";
        }
    }

    /**
     * F.unfold: x (B, C, H, W) -> (B, C*kH*kW, L), L = outH*outW;
     * y[b, (c*kH + kh)*kW + kw, oh*outW + ow] = x[b, c, oh*sH - pH + kh*dH, ow*sW - pW + kw*dW] (0 in the padding).
     *
     * @param w the window geometry (kernel, stride, padding, dilation)
     */
    record Im2col(Window w) implements ConvOp {
        public String name() {
            return "unfold";
        }
    }

    /**
     * F.fold, the adjoint of Im2col: x (B, C*kH*kW, L) -> (B, C, H, W), every column entry added onto the
     * image element Im2col read it from (overlaps sum). L must equal outH*outW for (H, W).
     *
     * @param H input height
     * @param W input width
     * @param w the window geometry (kernel, stride, padding, dilation)
     */
    record Col2im(int H, int W, Window w) implements ConvOp {
        public String name() {
            return "fold";
        }
    }

    /**
     * The convolution's product: weight (C_out, K) and columns cols (B, G*K, L) (from Im2col) -> (B, C_out, L),
     * the output channels in G groups of co = C_out/G:
     * y[b, g*co + o, l] = sum_k weight[g*co + o, k] * cols[b, g*K + k, l].
     * The weight is shared by the batch, so its gradient is {@link ConvWeightGrad}, one batch-summed
     * product, instead of a per-sample product summed afterwards.
     *
     * @param groups number of groups: input and output channels split into this many independent convolutions
     */
    record ConvMatmul(int groups) implements ConvOp {
        public String name() {
            return "conv_matmul";
        }
    }

    /**
     * The weight gradient of {@link ConvMatmul}: gy (B, G*co, L) and cols (B, G*K, L) -> (G*co, K),
     * gw[g*co + o, k] = sum_b sum_l gy[b, g*co + o, l] * cols[b, g*K + k, l].
     *
     * @param groups number of groups: input and output channels split into this many independent convolutions
     */
    record ConvWeightGrad(int groups) implements ConvOp {
        public String name() {
            return "conv_weight_grad";
        }
    }

    /**
     * The whole convolution as one primitive (x (B, C, H, W), weight (G*co, K) with K = C/G*kH*kW, and optionally
     * a bias (G*co)) -> (B, G*co, L): ConvMatmul(weight, Im2col(x)) with no column tensor (the CPU makes each sample's
     * columns in cache), plus bias[o] on output channel o, added in place (the bits of a separate add).
     *
     * @param w the window geometry (kernel, stride, padding, dilation)
     * @param groups number of groups: input and output channels split into this many independent convolutions
     */
    record Conv2d(Window w, int groups) implements ConvOp {
        public String name() {
            return "conv2d";
        }
    }

    /**
     * The weight gradient of {@link Conv2d}: (grad (B, G*co, L), x (B, C, H, W)) -> (G*co, K) = ConvWeightGrad(grad, Im2col(x)).
     *
     * @param w the window geometry (kernel, stride, padding, dilation)
     * @param groups number of groups: input and output channels split into this many independent convolutions
     */
    record Conv2dWeightGrad(Window w, int groups) implements ConvOp {
        public String name() {
            return "conv2d_weight_grad";
        }
    }

    /**
     * The input gradient of {@link Conv2d}: (grad (B, G*co, L), weight (G*co, K)) -> (B, C, H, W) = Col2im(W^T (x) grad).
     *
     * @param H input height
     * @param W input width
     * @param w the window geometry (kernel, stride, padding, dilation)
     * @param groups number of groups: input and output channels split into this many independent convolutions
     */
    record Conv2dInputGrad(int H, int W, Window w, int groups) implements ConvOp {
        public String name() {
            return "conv2d_input_grad";
        }
    }

    /**
     * Max pooling: x (B, C, H, W) -> values (B, C, outH, outW) and I64 indices ih*W + iw of the winner
     * within its channel (first maximum in row-major tap order; NaN wins). Padding {@code <= kernel/2}.
     *
     * @param w the window geometry (kernel, stride, padding, dilation)
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     */
    record MaxPool2d(Window w, boolean ceilMode) implements ConvOp {
        public String name() {
            return "max_pool2d";
        }
    }

    /**
     * gx[b, c, idx / W, idx % W] += gy[b, c, oh, ow] with idx = indices[b, c, oh, ow]. Inputs: gy
     * (B, C, outH, outW), indices (same shape, I64, from MaxPool2d). Output: (B, C, H, W), gy's dtype.
     *
     * @param H input height
     * @param W input width
     */
    record MaxPool2dBackward(int H, int W) implements ConvOp {
        public String name() {
            return "max_pool2d_backward";
        }
    }

    /**
     * Average pooling (dilation 1): y = window sum / divisor, the divisor being the window clipped to the
     * padded image when countIncludePad, else the number of input elements in it. x (B, C, H, W) ->
     * (B, C, outH, outW). Padding {@code <= kernel/2}.
     *
     * @param w the window geometry (kernel, stride, padding, dilation)
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     */
    record AvgPool2d(Window w, boolean ceilMode, boolean countIncludePad) implements ConvOp {
        public String name() {
            return "avg_pool2d";
        }
    }

    /**
     * The adjoint of AvgPool2d: every input element of the window of (oh, ow) gets gy[b, c, oh, ow] / divisor.
     * Inputs: gy (B, C, outH, outW) with outH, outW those of AvgPool2d on (H, W). Output: (B, C, H, W).
     *
     * @param H input height
     * @param W input width
     * @param w the window geometry (kernel, stride, padding, dilation)
     * @param ceilMode round the output size up (a last window that starts inside the input or left padding is kept)
     * @param countIncludePad divide by the whole window (padding included), else by the taps inside the input
     */
    record AvgPool2dBackward(int H, int W, Window w, boolean ceilMode, boolean countIncludePad) implements ConvOp {
        public String name() {
            return "avg_pool2d_backward";
        }
    }
}
