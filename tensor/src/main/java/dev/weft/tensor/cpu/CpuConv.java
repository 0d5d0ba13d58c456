package dev.weft.tensor.cpu;

import dev.weft.kernels.Parallel;
import dev.weft.kernels.conv.ConvFused;
import dev.weft.kernels.conv.ConvMatmul;
import dev.weft.kernels.conv.Im2col;
import dev.weft.kernels.conv.Pool;
import dev.weft.kernels.conv.WeightGrad;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.ConvOp;

/**
 * CPU execution of {@link ConvOp} on the kernels' per-image im2col/col2im (split over the batch on
 * the shared pool), the convolution's product (the weight shared by the batch, the columns read in
 * place), the batch-summed weight gradient and pooling routines (called once with B*C channels; the kernels split channels).
 * Inputs are read as contiguous arrays (in place when they are); outputs arrive zero-filled, which the
 * accumulating col2im and pooling backward kernels rely on.
 */
final class CpuConv {
    private CpuConv() {}

    static void run(ConvOp op, Strided[] in, Strided[] out) {
        if (out[0].numel() == 0) return;
        switch (op) {
            case ConvOp.Im2col c -> im2col(c.w(), in[0], out[0]);
            case ConvOp.Col2im c -> col2im(c, in[0], out[0]);
            case ConvOp.ConvMatmul m -> convMatmul(m.groups(), in[0], in[1], out[0]);
            case ConvOp.ConvWeightGrad m -> convWeightGrad(m.groups(), in[0], in[1], out[0]);
            case ConvOp.Conv2d c -> conv2d(c, in[0], in[1], in.length == 3 ? in[2] : null, out[0]);
            case ConvOp.Conv2dWeightGrad c -> conv2dWeightGrad(c, in[0], in[1], out[0]);
            case ConvOp.Conv2dInputGrad c -> conv2dInputGrad(c, in[0], in[1], out[0]);
            case ConvOp.MaxPool2d p -> maxPool(p, in[0], out[0], out[1]);
            case ConvOp.MaxPool2dBackward b -> maxPoolBackward(b, in[0], in[1], out[0]);
            case ConvOp.AvgPool2d p -> avgPool(p, in[0], out[0]);
            case ConvOp.AvgPool2dBackward b -> avgPoolBackward(b, in[0], out[0]);
        }
    }

    // x: (B, C, H, W) -> out: (B, C*kH*kW, L)
    private static void im2col(ConvOp.Window w, Strided x, Strided out) {
        int B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3);
        int img = C * H * W, col = out.size(1) * out.size(2);
        Contig xc = Contig.of(x);
        Object y = CpuStorage.of(out).array();
        Parallel.forRange(B, 1, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int xo = xc.offset() + b * img, yo = b * col;
                switch (xc.array()) {
                    case float[] a -> Im2col.im2col(a, xo, C, H, W, w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(), w.dH(), w.dW(), (float[]) y, yo);
                    case double[] a -> Im2col.im2col(a, xo, C, H, W, w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(), w.dH(), w.dW(), (double[]) y, yo);
                    default -> throw new IllegalStateException("cpu unfold: array " + xc.array().getClass());
                }
            }
        });
    }

    // x: (B, C*kH*kW, L) -> out: (B, C, H, W), accumulated into zeros
    private static void col2im(ConvOp.Col2im c, Strided x, Strided out) {
        ConvOp.Window w = c.w();
        int B = out.size(0), C = out.size(1), H = c.H(), W = c.W();
        int img = C * H * W, col = x.size(1) * x.size(2);
        Contig xc = Contig.of(x);
        Object y = CpuStorage.of(out).array();
        Parallel.forRange(B, 1, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int xo = xc.offset() + b * col, yo = b * img;
                switch (xc.array()) {
                    case float[] a -> Im2col.col2im(a, xo, C, H, W, w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(), w.dH(), w.dW(), (float[]) y, yo);
                    case double[] a -> Im2col.col2im(a, xo, C, H, W, w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(), w.dH(), w.dW(), (double[]) y, yo);
                    default -> throw new IllegalStateException("cpu fold: array " + xc.array().getClass());
                }
            }
        });
    }

    // weight: (G*co, K), cols: (B, G*K, L) -> out: (B, G*co, L), the columns read in place. A weight stored
    // transposed (the input gradient's W^T, one group) is read in place through its strides.
    private static void convMatmul(int G, Strided w, Strided cols, Strided out) {
        int B = cols.size(0), cOut = w.size(0), K = w.size(1), L = cols.size(2), co = cOut / G;
        boolean transposed = G == 1 && cOut > 1 && K > 1 && w.stride(0) == 1 && w.stride(1) == cOut;
        Object wa;
        int wo, rs = transposed ? 1 : K, cs = transposed ? cOut : 1;
        if (transposed) {
            wa = CpuStorage.of(w).array();
            wo = w.storageOffset();
        } else {
            Contig wc = Contig.of(w);
            wa = wc.array();
            wo = wc.offset();
        }
        Contig cc = Contig.of(cols);
        switch (wa) {
            case float[] a -> ConvMatmul.matmul(a, wo, rs, cs, (float[]) cc.array(), cc.offset(), B, G, co, K, L, CpuStorage.f32(out), 0);
            case double[] a -> ConvMatmul.matmul(a, wo, rs, cs, (double[]) cc.array(), cc.offset(), B, G, co, K, L, CpuStorage.f64(out), 0);
            default -> throw new IllegalStateException("cpu conv_matmul: array " + wa.getClass());
        }
    }

    // gy: (B, G*co, L), cols: (B, G*K, L) -> out: (G*co, K), summed over the batch in the kernel
    private static void convWeightGrad(int G, Strided gy, Strided cols, Strided out) {
        int B = gy.size(0), co = gy.size(1) / G, K = cols.size(1) / G, L = gy.size(2);
        Contig gc = Contig.of(gy), cc = Contig.of(cols);
        switch (gc.array()) {
            case float[] a -> WeightGrad.weightGrad(a, gc.offset(), (float[]) cc.array(), cc.offset(), B, G, co, K, L, CpuStorage.f32(out), 0);
            case double[] a -> WeightGrad.weightGrad(a, gc.offset(), (double[]) cc.array(), cc.offset(), B, G, co, K, L, CpuStorage.f64(out), 0);
            default -> throw new IllegalStateException("cpu conv_weight_grad: array " + gc.array().getClass());
        }
    }

    // x: (B, C, H, W), weight: (G*co, K) -> out: (B, G*co, L), each sample's columns made in cache
    // bias (C_out) or null: added by the kernel as each output is stored (the bits of conv + broadcast add)
    private static void conv2d(ConvOp.Conv2d c, Strided x, Strided w, Strided bias, Strided out) {
        ConvOp.Window v = c.w();
        int B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3), cOut = w.size(0);
        Contig xc = Contig.of(x), wc = Contig.of(w), bc = bias == null ? null : Contig.of(bias);
        int bOff = bc == null ? 0 : bc.offset();
        switch (xc.array()) {
            case float[] a -> ConvFused.conv2d(a, xc.offset(), B, C, H, W, (float[]) wc.array(), wc.offset(), c.groups(), cOut,
                    v.kH(), v.kW(), v.sH(), v.sW(), v.pH(), v.pW(), v.dH(), v.dW(), bc == null ? null : (float[]) bc.array(), bOff,
                    CpuStorage.f32(out), 0);
            case double[] a -> ConvFused.conv2d(a, xc.offset(), B, C, H, W, (double[]) wc.array(), wc.offset(), c.groups(), cOut,
                    v.kH(), v.kW(), v.sH(), v.sW(), v.pH(), v.pW(), v.dH(), v.dW(), bc == null ? null : (double[]) bc.array(), bOff,
                    CpuStorage.f64(out), 0);
            default -> throw new IllegalStateException("cpu conv2d: array " + xc.array().getClass());
        }
    }

    // grad: (B, G*co, L), x: (B, C, H, W) -> out: (G*co, K)
    private static void conv2dWeightGrad(ConvOp.Conv2dWeightGrad c, Strided gy, Strided x, Strided out) {
        ConvOp.Window v = c.w();
        int B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3), cOut = gy.size(1);
        Contig gc = Contig.of(gy), xc = Contig.of(x);
        switch (gc.array()) {
            case float[] a -> ConvFused.weightGrad(a, gc.offset(), (float[]) xc.array(), xc.offset(), B, C, H, W, c.groups(), cOut,
                    v.kH(), v.kW(), v.sH(), v.sW(), v.pH(), v.pW(), v.dH(), v.dW(), CpuStorage.f32(out), 0);
            case double[] a -> ConvFused.weightGrad(a, gc.offset(), (double[]) xc.array(), xc.offset(), B, C, H, W, c.groups(), cOut,
                    v.kH(), v.kW(), v.sH(), v.sW(), v.pH(), v.pW(), v.dH(), v.dW(), CpuStorage.f64(out), 0);
            default -> throw new IllegalStateException("cpu conv2d_weight_grad: array " + gc.array().getClass());
        }
    }

    // grad: (B, G*co, L), weight: (G*co, K) -> out: (B, C, H, W)
    private static void conv2dInputGrad(ConvOp.Conv2dInputGrad c, Strided gy, Strided w, Strided out) {
        ConvOp.Window v = c.w();
        int B = out.size(0), C = out.size(1), cOut = gy.size(1);
        Contig gc = Contig.of(gy), wc = Contig.of(w);
        switch (gc.array()) {
            case float[] a -> ConvFused.inputGrad(a, gc.offset(), (float[]) wc.array(), wc.offset(), B, C, c.H(), c.W(), c.groups(), cOut,
                    v.kH(), v.kW(), v.sH(), v.sW(), v.pH(), v.pW(), v.dH(), v.dW(), CpuStorage.f32(out), 0);
            case double[] a -> ConvFused.inputGrad(a, gc.offset(), (double[]) wc.array(), wc.offset(), B, C, c.H(), c.W(), c.groups(), cOut,
                    v.kH(), v.kW(), v.sH(), v.sW(), v.pH(), v.pW(), v.dH(), v.dW(), CpuStorage.f64(out), 0);
            default -> throw new IllegalStateException("cpu conv2d_input_grad: array " + gc.array().getClass());
        }
    }

    // x: (B, C, H, W) -> values, indices: (B, C, outH, outW)
    private static void maxPool(ConvOp.MaxPool2d p, Strided x, Strided values, Strided indices) {
        ConvOp.Window w = p.w();
        int C = x.size(0) * x.size(1), H = x.size(2), W = x.size(3);
        Contig xc = Contig.of(x);
        Object y = CpuStorage.of(values).array();
        long[] idx = CpuStorage.i64(indices);
        switch (xc.array()) {
            case float[] a -> Pool.maxPool2d(a, xc.offset(), C, H, W, w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(), w.dH(), w.dW(),
                    p.ceilMode(), (float[]) y, 0, idx, 0);
            case double[] a -> Pool.maxPool2d(a, xc.offset(), C, H, W, w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(), w.dH(), w.dW(),
                    p.ceilMode(), (double[]) y, 0, idx, 0);
            default -> throw new IllegalStateException("cpu max_pool2d: array " + xc.array().getClass());
        }
    }

    // gy, indices: (B, C, outH, outW) -> out: (B, C, H, W), accumulated into zeros
    private static void maxPoolBackward(ConvOp.MaxPool2dBackward b, Strided gy, Strided indices, Strided out) {
        int C = gy.size(0) * gy.size(1), oh = gy.size(2), ow = gy.size(3);
        Contig gc = Contig.of(gy), ic = Contig.of(indices);
        Object gx = CpuStorage.of(out).array();
        switch (gc.array()) {
            case float[] a -> Pool.maxPool2dBackward(a, gc.offset(), ic.longs(), ic.offset(), C, b.H(), b.W(), oh, ow, (float[]) gx, 0);
            case double[] a -> Pool.maxPool2dBackward(a, gc.offset(), ic.longs(), ic.offset(), C, b.H(), b.W(), oh, ow, (double[]) gx, 0);
            default -> throw new IllegalStateException("cpu max_pool2d_backward: array " + gc.array().getClass());
        }
    }

    // x: (B, C, H, W) -> out: (B, C, outH, outW)
    private static void avgPool(ConvOp.AvgPool2d p, Strided x, Strided out) {
        ConvOp.Window w = p.w();
        int C = x.size(0) * x.size(1), H = x.size(2), W = x.size(3);
        Contig xc = Contig.of(x);
        Object y = CpuStorage.of(out).array();
        switch (xc.array()) {
            case float[] a -> Pool.avgPool2d(a, xc.offset(), C, H, W, w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(),
                    p.ceilMode(), p.countIncludePad(), (float[]) y, 0);
            case double[] a -> Pool.avgPool2d(a, xc.offset(), C, H, W, w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(),
                    p.ceilMode(), p.countIncludePad(), (double[]) y, 0);
            default -> throw new IllegalStateException("cpu avg_pool2d: array " + xc.array().getClass());
        }
    }

    // gy: (B, C, outH, outW) -> out: (B, C, H, W), accumulated into zeros
    private static void avgPoolBackward(ConvOp.AvgPool2dBackward b, Strided gy, Strided out) {
        ConvOp.Window w = b.w();
        int C = gy.size(0) * gy.size(1);
        Contig gc = Contig.of(gy);
        Object gx = CpuStorage.of(out).array();
        switch (gc.array()) {
            case float[] a -> Pool.avgPool2dBackward(a, gc.offset(), C, b.H(), b.W(), w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(),
                    b.ceilMode(), b.countIncludePad(), (float[]) gx, 0);
            case double[] a -> Pool.avgPool2dBackward(a, gc.offset(), C, b.H(), b.W(), w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(),
                    b.ceilMode(), b.countIncludePad(), (double[]) gx, 0);
            default -> throw new IllegalStateException("cpu avg_pool2d_backward: array " + gc.array().getClass());
        }
    }
}
