package dev.weft.nn.onnx;

import dev.weft.nn.functional.F;
import dev.weft.tensor.Joining;
import dev.weft.tensor.Tensor;

import java.util.Arrays;
import java.util.Map;

/**
 * Network-layer operators mapped onto Weft's functional layers: Conv (1-d, 2-d), MaxPool / AveragePool (1-d, 2-d),
 * GlobalAveragePool / GlobalMaxPool, BatchNormalization (inference), LayerNormalization (opset 17).
 * ONNX pads are [x1_begin, x2_begin, ..., x1_end, x2_end, ...]; unequal begin/end pads are applied with an
 * explicit pad first. auto_pad other than NOTSET / VALID is rejected at load time.
 */
final class NeuralOps {
    private NeuralOps() {}

    static void register(Map<String, OnnxOp> ops) {
        ops.put("Conv", NeuralOps::conv);
        ops.put("MaxPool", n -> pool(n, true));
        ops.put("AveragePool", n -> pool(n, false));
        ops.put("GlobalAveragePool", n -> global(n, false));
        ops.put("GlobalMaxPool", n -> global(n, true));
        ops.put("BatchNormalization", NeuralOps::batchNorm);
        ops.put("LayerNormalization", NeuralOps::layerNorm);
    }

    /** The window attributes shared by Conv and the pools, checked at load time. */
    private record Window(int[] kernel, int[] strides, int[] dilations, int[] pads) {
        int rank(OpNode n, Tensor x, int weightSpatial) {
            int r = x.dim() - 2;
            if (r != 1 && r != 2) throw new IllegalArgumentException(n.label() + ": input " + Values.shape(x)
                    + " must be (B, C, L) or (B, C, H, W)");
            if (weightSpatial >= 0 && weightSpatial != r) throw new IllegalArgumentException(n.label() + ": input " + Values.shape(x)
                    + " has " + r + " spatial dims, the kernel " + weightSpatial);
            return r;
        }

        static int[] orOnes(int[] a, int r) {
            if (a != null) return a;
            int[] o = new int[r];
            Arrays.fill(o, 1);
            return o;
        }

        int[] stride(int r) { return orOnes(strides, r); }

        int[] dilation(int r) { return orOnes(dilations, r); }

        int[] padBegin(int r) { return pads == null ? new int[r] : Arrays.copyOfRange(pads, 0, r); }

        int[] padEnd(int r) { return pads == null ? new int[r] : Arrays.copyOfRange(pads, r, 2 * r); }

        boolean symmetric(int r) { return Arrays.equals(padBegin(r), padEnd(r)); }
    }

    private static Window window(OpNode n, boolean kernelRequired) {
        String autoPad = n.s("auto_pad", "NOTSET");
        boolean valid = autoPad.equals("VALID");
        if (!valid && !autoPad.equals("NOTSET")) throw n.error("auto_pad '" + autoPad + "' is not supported (NOTSET, VALID)");
        int[] kernel = n.ints("kernel_shape");
        if (kernelRequired && kernel == null) throw n.error("attribute 'kernel_shape' is required");
        if (kernel != null && kernel.length != 1 && kernel.length != 2) throw n.error("only 1-d and 2-d windows are supported, kernel_shape "
                + Arrays.toString(kernel));
        int[] pads = n.ints("pads");
        if (valid && pads != null && Arrays.stream(pads).anyMatch(p -> p != 0)) throw n.error("auto_pad VALID with non-zero pads");
        if (pads != null && kernel != null && pads.length != 2 * kernel.length) {
            throw n.error("pads " + Arrays.toString(pads) + " must have 2 x " + kernel.length + " values");
        }
        return new Window(kernel, n.ints("strides"), n.ints("dilations"), valid ? null : pads);
    }

    /** Pads x's spatial dims by (begin, end) with value (torch's pad order: last dim first). */
    private static Tensor padSpatial(Tensor x, int[] begin, int[] end, double value) {
        int r = begin.length;
        int[] w = new int[2 * r];
        for (int d = 0; d < r; d++) {
            w[2 * (r - 1 - d)] = begin[d];
            w[2 * (r - 1 - d) + 1] = end[d];
        }
        return Joining.pad(x, w, "constant", value);
    }

    /** Conv: x (B, C_in, *) with weight (C_out, C_in / group, *k) and optional bias (C_out). */
    private static OnnxOp.Kernel conv(OpNode n) {
        n.arity(2, 3, 1);
        Window w = window(n, false);
        int group = n.int32("group", 1);
        n.noOtherAttributes();
        return OnnxOp.single(in -> {
            Tensor x = in[0], weight = in[1], bias = in.length > 2 ? in[2] : null;
            int r = w.rank(n, x, weight.dim() - 2);
            if (w.kernel() != null && !Arrays.equals(w.kernel(), Arrays.copyOfRange(weight.shape(), 2, weight.dim()))) {
                throw new IllegalArgumentException(n.label() + ": kernel_shape " + Arrays.toString(w.kernel()) + " != weight "
                        + Values.shape(weight));
            }
            int[] pad = w.padBegin(r);
            if (!w.symmetric(r)) {
                x = padSpatial(x, w.padBegin(r), w.padEnd(r), 0);
                pad = new int[r];
            }
            if (r == 1) return F.conv1d(x, weight, bias, w.stride(1)[0], pad[0], w.dilation(1)[0], group);
            return F.conv2d(x, weight, bias, w.stride(2), pad, w.dilation(2), group);
        });
    }

    /** MaxPool / AveragePool; AveragePool's count_include_pad defaults to 0 as in ONNX. */
    private static OnnxOp.Kernel pool(OpNode n, boolean max) {
        n.arity(1, 1, 1);
        Window w = window(n, true);
        boolean ceil = n.i("ceil_mode", 0) != 0;
        boolean includePad = !max && n.i("count_include_pad", 0) != 0;
        if (max && n.i("storage_order", 0) != 0) throw n.error("storage_order 1 is not supported");
        if (!max && w.dilations() != null && Arrays.stream(w.dilations()).anyMatch(d -> d != 1)) {
            throw n.error("dilated AveragePool is not supported");
        }
        int r = w.kernel().length;
        if (!max && !includePad && !w.symmetric(r)) throw n.error("unequal begin/end pads with count_include_pad 0 are not supported");
        n.noOtherAttributes();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            w.rank(n, x, r);
            int[] pad = w.padBegin(r);
            if (!w.symmetric(r)) {
                x = padSpatial(x, w.padBegin(r), w.padEnd(r), max ? Double.NEGATIVE_INFINITY : 0);
                pad = new int[r];
            }
            int[] k = w.kernel(), s = w.strides() == null ? Window.orOnes(null, r) : w.strides();
            if (r == 1) {
                return max ? F.maxPool1d(x, k[0], s[0], pad[0], w.dilation(1)[0], ceil)
                        : F.avgPool1d(x, k[0], s[0], pad[0], ceil, includePad);
            }
            return max ? F.maxPool2d(x, k, s, pad, w.dilation(2), ceil) : F.avgPool2d(x, k, s, pad, ceil, includePad);
        });
    }

    private static OnnxOp.Kernel global(OpNode n, boolean max) {
        n.arity(1, 1, 1).noOtherAttributes();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            int[] dims = new int[x.dim() - 2];
            for (int i = 0; i < dims.length; i++) dims[i] = i + 2;
            return max ? x.amax(dims, true) : x.mean(dims, true);
        });
    }

    /** BatchNormalization at inference: y = scale (x - mean) / sqrt(var + eps) + B, per channel. */
    private static OnnxOp.Kernel batchNorm(OpNode n) {
        n.arity(5, 5, 1);
        double eps = n.f("epsilon", 1e-5f);
        n.f("momentum", 0.9f);
        n.i("spatial", 1);
        if (n.i("training_mode", 0) != 0) throw n.error("training_mode 1 is not supported (inference only)");
        n.noOtherAttributes();
        return OnnxOp.single(in -> F.batchNorm(in[0], in[3], in[4], in[1], in[2], false, 0, eps));
    }

    /** LayerNormalization (opset 17): normalize over dims axis..end, then Scale and optional B. */
    private static OnnxOp.Kernel layerNorm(OpNode n) {
        if (n.opset() < 17) throw n.error("LayerNormalization needs opset 17, the model imports opset " + n.opset());
        n.arity(2, 3, 1);
        long axis = n.i("axis", -1);
        double eps = n.f("epsilon", 1e-5f);
        if (n.i("stash_type", 1) != 1) throw n.error("stash_type other than 1 (float) is not supported");
        n.noOtherAttributes();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            int ax = Values.axis(n.label(), axis, x.dim());
            int[] normalized = Arrays.copyOfRange(x.shape(), ax, x.dim());
            Tensor scale = in[1], bias = in.length > 2 ? in[2] : null;
            if (!Arrays.equals(scale.shape(), normalized)) scale = scale.expand(normalized);
            if (bias != null && !Arrays.equals(bias.shape(), normalized)) bias = bias.expand(normalized);
            return F.layerNorm(x, normalized, scale, bias, eps);
        });
    }
}
