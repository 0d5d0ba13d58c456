package dev.weft.cuda;

import static dev.weft.cuda.kernel.ElementwiseCodes.suffix;

import dev.weft.cuda.kernel.ElementwiseCodes;
import dev.weft.cuda.kernel.ReduceCodes;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.RecurrentOp;

/**
 * LSTM/GRU cells on the device (recurrent.cu) over contiguous row-major operands, and whole LSTM layers as
 * kernel.rnn.LstmLayer computes them: the input projection of every step as one GEMM, per step the hidden
 * GEMM and the fused cell; backward in reverse step order, then dW_ih, dW_hh and dx as one GEMM each over all
 * steps and db as a reduction. T steps, B batch, C input, H hidden, G = 4H; "prev" is the previous step in
 * processing order (h0, c0 first).
 */
final class CudaRecurrent {
    private CudaRecurrent() {}

    static void run(DeviceOps ops, RecurrentOp op, Strided[] in, Strided[] out) {
        CudaContext ctx = ops.ctx;
        Strided[] c = new Strided[in.length];
        for (int k = 0; k < in.length; k++) c[k] = ops.contiguous(in[k]);
        String t = suffix(out[0].dtype());
        switch (op) {
            case RecurrentOp.LstmCell l -> {
                int B = c[0].size(0), H = c[2].size(1);
                long bias = c.length > 3 ? DeviceOps.ptr(c[3]) : 0L;
                ctx.launch1d("lstm_cell_" + t, B * H, a -> a.i32(B).i32(H).ptr(DeviceOps.ptr(c[0])).ptr(DeviceOps.ptr(c[1])).ptr(bias)
                        .ptr(DeviceOps.ptr(c[2])).ptr(DeviceOps.ptr(out[0])).ptr(DeviceOps.ptr(out[1])).ptr(DeviceOps.ptr(out[2])));
            }
            case RecurrentOp.LstmCellBackward l -> {
                int B = c[0].size(0), H = c[0].size(1);
                ctx.launch1d("lstm_cell_backward_" + t, B * H, a -> a.i32(B).i32(H).ptr(DeviceOps.ptr(c[0])).ptr(DeviceOps.ptr(c[1]))
                        .ptr(DeviceOps.ptr(c[2])).ptr(DeviceOps.ptr(c[3])).ptr(DeviceOps.ptr(c[4])).ptr(DeviceOps.ptr(out[0]))
                        .ptr(DeviceOps.ptr(out[1])));
            }
            case RecurrentOp.GruCell g -> {
                int B = c[0].size(0), H = c[2].size(1);
                long bias = c.length > 3 ? DeviceOps.ptr(c[3]) : 0L;
                ctx.launch1d("gru_cell_" + t, B * H, a -> a.i32(B).i32(H).ptr(DeviceOps.ptr(c[0])).ptr(DeviceOps.ptr(c[1])).ptr(bias)
                        .ptr(DeviceOps.ptr(c[2])).ptr(DeviceOps.ptr(out[0])).ptr(DeviceOps.ptr(out[1])));
            }
            case RecurrentOp.GruCellBackward g -> {
                int B = c[0].size(0), H = c[0].size(1);
                ctx.launch1d("gru_cell_backward_" + t, B * H, a -> a.i32(B).i32(H).ptr(DeviceOps.ptr(c[0])).ptr(DeviceOps.ptr(c[1]))
                        .ptr(DeviceOps.ptr(c[2])).ptr(DeviceOps.ptr(out[0])).ptr(DeviceOps.ptr(out[1])).ptr(DeviceOps.ptr(out[2])));
            }
            case RecurrentOp.LstmLayer l -> layer(ops, l.reverse(), c, out);
            case RecurrentOp.LstmLayerBackward l -> layerBackward(ops, l.reverse(), l.inputGrad(), c, out);
        }
    }

    // x (T, B, C), w_ih (G, C), w_hh (G, H), h0, c0 (B, H) [, bias (G)] -> out (T, B, H), hN, cN, gates (T, B, G), cells (T, B, H)
    private static void layer(DeviceOps ops, boolean reverse, Strided[] in, Strided[] out) {
        CudaContext ctx = ops.ctx;
        Strided x = in[0], wih = in[1], whh = in[2], h0 = in[3], c0 = in[4];
        int T = x.size(0), B = x.size(1), C = x.size(2), H = whh.size(1), G = 4 * H, bh = B * H, bg = B * G;
        if (bh == 0) return;
        DType dt = x.dtype();
        boolean dbl = dt == DType.F64;
        int e = dt.byteSize();
        long bias = in.length > 5 ? DeviceOps.ptr(in[5]) : 0L;
        long outP = DeviceOps.ptr(out[0]), gatesP = DeviceOps.ptr(out[3]), cellsP = DeviceOps.ptr(out[4]);
        Strided gxAll = ops.temp(dt, new int[] {T * B, G}), gh = ops.temp(dt, new int[] {B, G});
        long gxP = DeviceOps.ptr(gxAll), ghP = DeviceOps.ptr(gh);
        // gx = X W_ih^T for every step at once: (T*B, C) @ (C, G), W_ih read transposed through its strides
        Gemm.run(ctx, dbl, 1, T * B, G, C, 1.0, new Gemm.Operand(DeviceOps.ptr(x), 0, C, 1),
                new Gemm.Operand(DeviceOps.ptr(wih), 0, 1, C), 0.0, new Gemm.Operand(gxP, 0, G, 1));
        int last = 0;
        for (int s = 0; s < T; s++) {
            int t = reverse ? T - 1 - s : s, p = reverse ? t + 1 : t - 1;
            long hp = s == 0 ? DeviceOps.ptr(h0) : outP + (long) p * bh * e, cp = s == 0 ? DeviceOps.ptr(c0) : cellsP + (long) p * bh * e;
            Gemm.run(ctx, dbl, 1, B, G, H, 1.0, new Gemm.Operand(hp, 0, H, 1), new Gemm.Operand(DeviceOps.ptr(whh), 0, 1, H), 0.0,
                    new Gemm.Operand(ghP, 0, G, 1));
            long gxt = gxP + (long) t * bg * e, ho = outP + (long) t * bh * e, co = cellsP + (long) t * bh * e, go = gatesP + (long) t * bg * e;
            ctx.launch1d("lstm_cell_" + suffix(dt), bh, a -> a.i32(B).i32(H).ptr(gxt).ptr(ghP).ptr(bias).ptr(cp).ptr(ho).ptr(co).ptr(go));
            last = t;
        }
        ctx.makeCurrent();
        ctx.cu.memcpyDtoD(DeviceOps.ptr(out[1]), outP + (long) last * bh * e, (long) bh * e);
        ctx.cu.memcpyDtoD(DeviceOps.ptr(out[2]), cellsP + (long) last * bh * e, (long) bh * e);
    }

    // dOut, dhN, dcN, gates, cells, x, h0, c0, out, w_ih, w_hh -> dx (T, B, C) or (0), dW_ih, dW_hh, db, dh0, dc0
    private static void layerBackward(DeviceOps ops, boolean reverse, boolean inputGrad, Strided[] in, Strided[] out) {
        CudaContext ctx = ops.ctx;
        Strided dOut = in[0], gates = in[3], cells = in[4], x = in[5], h0 = in[6], c0 = in[7], outs = in[8], wih = in[9], whh = in[10];
        int T = x.size(0), B = x.size(1), C = x.size(2), H = whh.size(1), G = 4 * H, bh = B * H, bg = B * G, n = T * B;
        if (bh == 0) return;
        DType dt = x.dtype();
        String t0 = suffix(dt);
        boolean dbl = dt == DType.F64;
        int e = dt.byteSize();
        long bhBytes = (long) bh * e;
        Strided dp = ops.temp(dt, new int[] {n, G}), hPrev = ops.temp(dt, new int[] {n, H});
        Strided dh = ops.temp(dt, new int[] {B, H}), dht = ops.temp(dt, new int[] {B, H});
        Strided[] dc = {ops.temp(dt, new int[] {B, H}), ops.temp(dt, new int[] {B, H})};
        long dpP = DeviceOps.ptr(dp), hPrevP = DeviceOps.ptr(hPrev), dhP = DeviceOps.ptr(dh), dhtP = DeviceOps.ptr(dht);
        long outP = DeviceOps.ptr(outs), cellsP = DeviceOps.ptr(cells), gatesP = DeviceOps.ptr(gates), dOutP = DeviceOps.ptr(dOut);
        ctx.makeCurrent();
        ctx.cu.memcpyDtoD(dhP, DeviceOps.ptr(in[1]), bhBytes);
        ctx.cu.memcpyDtoD(DeviceOps.ptr(dc[0]), DeviceOps.ptr(in[2]), bhBytes);
        int cur = 0;
        int add = ElementwiseCodes.binary(BinaryFn.ADD);
        int[] flat = {bh}, unit = {1};
        for (int s = T - 1; s >= 0; s--) {
            int t = reverse ? T - 1 - s : s, p = reverse ? t + 1 : t - 1;
            long cp = s == 0 ? DeviceOps.ptr(c0) : cellsP + (long) p * bhBytes;
            long hp = s == 0 ? DeviceOps.ptr(h0) : outP + (long) p * bhBytes;
            ctx.makeCurrent();
            ctx.cu.memcpyDtoD(hPrevP + (long) t * bhBytes, hp, bhBytes);
            long dOutT = dOutP + (long) t * bhBytes;
            ctx.launch1d("binary_" + t0, bh, a -> a.i32(bh).strided(flat, unit, 0).strided(flat, unit, 0).ptr(dhP).ptr(dOutT).ptr(dhtP).i32(add));
            long dcIn = DeviceOps.ptr(dc[cur]), dcOut = DeviceOps.ptr(dc[1 - cur]), gt = gatesP + (long) t * bg * e;
            long ct = cellsP + (long) t * bhBytes, dpt = dpP + (long) t * bg * e;
            ctx.launch1d("lstm_cell_backward_" + t0, bh, a -> a.i32(B).i32(H).ptr(dhtP).ptr(dcIn).ptr(gt).ptr(cp).ptr(ct).ptr(dpt).ptr(dcOut));
            cur = 1 - cur;
            // dh = dp_t (B, G) @ W_hh (G, H)
            Gemm.run(ctx, dbl, 1, B, H, G, 1.0, new Gemm.Operand(dpt, 0, G, 1), new Gemm.Operand(DeviceOps.ptr(whh), 0, H, 1), 0.0,
                    new Gemm.Operand(dhP, 0, H, 1));
        }
        ctx.makeCurrent();
        ctx.cu.memcpyDtoD(DeviceOps.ptr(out[4]), dhP, bhBytes);
        ctx.cu.memcpyDtoD(DeviceOps.ptr(out[5]), DeviceOps.ptr(dc[cur]), bhBytes);
        // dW_ih = dP^T X: (G, n) @ (n, C); dW_hh = dP^T H_prev: (G, n) @ (n, H); dP^T read through dP's strides
        Gemm.run(ctx, dbl, 1, G, C, n, 1.0, new Gemm.Operand(dpP, 0, 1, G), new Gemm.Operand(DeviceOps.ptr(x), 0, C, 1), 0.0,
                new Gemm.Operand(DeviceOps.ptr(out[1]), 0, C, 1));
        Gemm.run(ctx, dbl, 1, G, H, n, 1.0, new Gemm.Operand(dpP, 0, 1, G), new Gemm.Operand(hPrevP, 0, H, 1), 0.0,
                new Gemm.Operand(DeviceOps.ptr(out[2]), 0, H, 1));
        // db = the column sums of dP
        long dbP = DeviceOps.ptr(out[3]);
        ctx.launchPerBlock("reduce_" + t0, G, a -> a.i32(G).i32(n).strided(new int[] {G}, new int[] {1}, 0)
                .strided(new int[] {n}, new int[] {G}, 0).ptr(dpP).ptr(dbP).i32(ReduceCodes.SUM).f64(0).i32(1));
        if (inputGrad) {
            Gemm.run(ctx, dbl, 1, n, C, G, 1.0, new Gemm.Operand(dpP, 0, G, 1), new Gemm.Operand(DeviceOps.ptr(wih), 0, C, 1), 0.0,
                    new Gemm.Operand(DeviceOps.ptr(out[0]), 0, C, 1));
        }
    }
}
