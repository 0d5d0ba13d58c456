package dev.weft.cuda;

import static dev.weft.cuda.kernel.ElementwiseCodes.suffix;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.ConvOp;
import dev.weft.tensor.op.ElementwiseOp;

/**
 * Sliding-window ops on the device (conv.cu) over contiguous images (strided inputs are copied first), and
 * the convolution's two products through {@link Gemm}: per group, a batched GEMM with the weight shared
 * (batch stride 0) for ConvMatmul, and a GEMM accumulated over the batch (beta = 1 after the first) for
 * ConvWeightGrad.
 */
final class CudaConv {
    private CudaConv() {}

    static void run(DeviceOps ops, ConvOp op, Strided[] in, Strided[] out) {
        CudaContext ctx = ops.ctx;
        Strided y = out[0];
        int n = y.numel();
        String t = suffix(y.dtype());
        switch (op) {
            case ConvOp.Im2col c -> {
                Strided x = ops.contiguous(in[0]);
                int[] s = x.shape();
                int outH = (int) ConvOp.Window.convOut(s[2], c.w().kH(), c.w().sH(), c.w().pH(), c.w().dH());
                int outW = (int) ConvOp.Window.convOut(s[3], c.w().kW(), c.w().sW(), c.w().pW(), c.w().dW());
                ctx.launch1d("im2col_" + t, n, a -> a.i32(n).i32(s[1]).i32(s[2]).i32(s[3]).i32(outH).i32(outW)
                        .ints(window(c.w())).ptr(DeviceOps.ptr(x)).ptr(DeviceOps.ptr(y)));
            }
            case ConvOp.Col2im c -> {
                Strided cols = ops.contiguous(in[0]);
                int C = y.size(1);
                int outH = (int) ConvOp.Window.convOut(c.H(), c.w().kH(), c.w().sH(), c.w().pH(), c.w().dH());
                int outW = (int) ConvOp.Window.convOut(c.W(), c.w().kW(), c.w().sW(), c.w().pW(), c.w().dW());
                ctx.launch1d("col2im_" + t, n, a -> a.i32(n).i32(C).i32(c.H()).i32(c.W()).i32(outH).i32(outW)
                        .ints(window(c.w())).ptr(DeviceOps.ptr(cols)).ptr(DeviceOps.ptr(y)));
            }
            case ConvOp.ConvMatmul c -> {
                Strided w = in[0], cols = in[1];
                int batch = cols.size(0), cOut = w.size(0), K = w.size(1), L = cols.size(2), co = cOut / c.groups();
                int e = w.dtype().byteSize();
                long wp = CudaStorage.of(w).pointer() + (long) w.storageOffset() * e;
                long cp = CudaStorage.of(cols).pointer() + (long) cols.storageOffset() * e;
                for (int g = 0; g < c.groups(); g++) {
                    Gemm.run(ctx, w.dtype() == DType.F64, batch, co, L, K, 1.0,
                            new Gemm.Operand(wp + (long) g * co * w.stride(0) * e, 0, w.stride(0), w.stride(1)),
                            new Gemm.Operand(cp + (long) g * K * cols.stride(1) * e, cols.stride(0), cols.stride(1), cols.stride(2)),
                            0.0, new Gemm.Operand(DeviceOps.ptr(y) + (long) g * co * L * e, cOut * L, L, 1));
                }
            }
            case ConvOp.ConvWeightGrad c -> {
                Strided gy = in[0], cols = in[1];
                int batch = gy.size(0), co = gy.size(1) / c.groups(), L = gy.size(2), K = cols.size(1) / c.groups();
                int e = gy.dtype().byteSize();
                long gp = CudaStorage.of(gy).pointer() + (long) gy.storageOffset() * e;
                long cp = CudaStorage.of(cols).pointer() + (long) cols.storageOffset() * e;
                for (int g = 0; g < c.groups(); g++) {
                    for (int b = 0; b < batch; b++) {
                        // gw_g (co, K) += gy[b, g] (co, L) @ cols[b, g]^T (L, K): cols read transposed through its strides
                        Gemm.run(ctx, gy.dtype() == DType.F64, 1, co, K, L, 1.0,
                                new Gemm.Operand(gp + ((long) b * gy.stride(0) + (long) g * co * gy.stride(1)) * e, 0, gy.stride(1), gy.stride(2)),
                                new Gemm.Operand(cp + ((long) b * cols.stride(0) + (long) g * K * cols.stride(1)) * e, 0, cols.stride(2), cols.stride(1)),
                                b == 0 ? 0.0 : 1.0, new Gemm.Operand(DeviceOps.ptr(y) + (long) g * co * K * e, 0, K, 1));
                    }
                }
            }
            // the CPU's fused convolution primitives, composed here from the unfused ones through device temporaries
            case ConvOp.Conv2d c -> {
                Strided x = in[0];
                Strided cols = ops.temp(x.dtype(), colsShape(x.shape(), c.w()));
                run(ops, new ConvOp.Im2col(c.w()), new Strided[] {x}, new Strided[] {cols});
                run(ops, new ConvOp.ConvMatmul(c.groups()), new Strided[] {in[1], cols}, out);
                if (in.length == 3) {
                    // y += bias[o] in place: the broadcast add, the bias seen as (1, C_out, 1)
                    Strided b = in[2];
                    Strided row = Strided.of(b.storage(), new int[] {1, b.size(0), 1}, new int[] {0, b.stride(0), 0}, b.storageOffset());
                    CudaElementwise.run(ops, new ElementwiseOp.Binary(BinaryFn.ADD), new Strided[] {y, row}, y);
                }
            }
            case ConvOp.Conv2dWeightGrad c -> {
                Strided x = in[1];
                Strided cols = ops.temp(x.dtype(), colsShape(x.shape(), c.w()));
                run(ops, new ConvOp.Im2col(c.w()), new Strided[] {x}, new Strided[] {cols});
                run(ops, new ConvOp.ConvWeightGrad(c.groups()), new Strided[] {in[0], cols}, out);
            }
            case ConvOp.Conv2dInputGrad c -> {
                Strided gy = ops.contiguous(in[0]), w = ops.contiguous(in[1]);
                int batch = gy.size(0), cOut = gy.size(1), L = gy.size(2), G = c.groups(), co = cOut / G, K = w.size(1);
                Strided cols = ops.temp(gy.dtype(), new int[] {batch, G * K, L});
                int e = gy.dtype().byteSize();
                for (int g = 0; g < G; g++) {
                    // dcols[b, g] (K, L) = W_g^T (K, co) @ gy[b, g] (co, L): W_g read transposed through its strides
                    Gemm.run(ctx, gy.dtype() == DType.F64, batch, K, L, co, 1.0,
                            new Gemm.Operand(DeviceOps.ptr(w) + (long) g * co * K * e, 0, 1, K),
                            new Gemm.Operand(DeviceOps.ptr(gy) + (long) g * co * L * e, cOut * L, L, 1),
                            0.0, new Gemm.Operand(DeviceOps.ptr(cols) + (long) g * K * L * e, G * K * L, L, 1));
                }
                run(ops, new ConvOp.Col2im(c.H(), c.W(), c.w()), new Strided[] {cols}, out);
            }
            case ConvOp.MaxPool2d p -> {
                Strided x = ops.contiguous(in[0]);
                int H = x.size(2), W = x.size(3), outH = y.size(2), outW = y.size(3);
                ctx.launch1d("maxpool2d_" + t, n, a -> a.i32(n).i32(H).i32(W).i32(outH).i32(outW).ints(window(p.w()))
                        .ptr(DeviceOps.ptr(x)).ptr(DeviceOps.ptr(y)).ptr(DeviceOps.ptr(out[1])));
            }
            case ConvOp.MaxPool2dBackward p -> {
                Strided gy = ops.contiguous(in[0]), idx = ops.contiguous(in[1]);
                int outH = gy.size(2), outW = gy.size(3);
                // the record carries no window: a window covering every output makes each input element scan its
                // channel's outputs for the ones whose recorded winner it is (exact, in row-major output order)
                int[] all = {p.H() + outH + 1, p.W() + outW + 1, 1, 1, outH, outW, 1, 1};
                ctx.launch1d("maxpool2d_backward_" + t, n, a -> a.i32(n).i32(p.H()).i32(p.W()).i32(outH).i32(outW).ints(all)
                        .ptr(DeviceOps.ptr(gy)).ptr(DeviceOps.ptr(idx)).ptr(DeviceOps.ptr(y)));
            }
            case ConvOp.AvgPool2d p -> {
                Strided x = ops.contiguous(in[0]);
                int H = x.size(2), W = x.size(3), outH = y.size(2), outW = y.size(3);
                ctx.launch1d("avgpool2d_" + t, n, a -> a.i32(n).i32(H).i32(W).i32(outH).i32(outW).ints(window(p.w()))
                        .i32(p.countIncludePad() ? 1 : 0).ptr(DeviceOps.ptr(x)).ptr(DeviceOps.ptr(y)));
            }
            case ConvOp.AvgPool2dBackward p -> {
                Strided gy = ops.contiguous(in[0]);
                int outH = gy.size(2), outW = gy.size(3);
                ctx.launch1d("avgpool2d_backward_" + t, n, a -> a.i32(n).i32(p.H()).i32(p.W()).i32(outH).i32(outW)
                        .ints(window(p.w())).i32(p.countIncludePad() ? 1 : 0).ptr(DeviceOps.ptr(gy)).ptr(DeviceOps.ptr(y)));
            }
        }
    }

    /** conv.cu's WeftWindow field order. */
    static int[] window(ConvOp.Window w) {
        return new int[] {w.kH(), w.kW(), w.sH(), w.sW(), w.pH(), w.pW(), w.dH(), w.dW()};
    }

    /** (B, C*kH*kW, L): the im2col shape of an image (B, C, H, W) under window w. */
    private static int[] colsShape(int[] x, ConvOp.Window w) {
        long oh = ConvOp.Window.convOut(x[2], w.kH(), w.sH(), w.pH(), w.dH()), ow = ConvOp.Window.convOut(x[3], w.kW(), w.sW(), w.pW(), w.dW());
        return new int[] {x[0], x[1] * w.kH() * w.kW(), (int) (oh * ow)};
    }
}
