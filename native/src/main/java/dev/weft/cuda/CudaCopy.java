package dev.weft.cuda;

import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.CopyOp;
import dev.weft.tensor.op.JoinOp;

/** Copies and joins on the device (copy.cu): clone, copy_ (with broadcast and dtype conversion), cat, flip. */
final class CudaCopy {
    private CudaCopy() {}

    static void run(DeviceOps ops, CopyOp op, Strided[] in, Strided[] out) {
        switch (op) {
            case CopyOp.Clone c -> ops.copy(in[0], out[0]);
            case CopyOp.CopyInto c -> {
                Strided dst = in[0], src = in[1];
                // the source may share the destination's storage: copy it out first so no element is read after it was written
                if (src.storage() == dst.storage()) src = ops.contiguous(copyOf(ops, src));
                ops.copy(src, dst);
            }
            case CopyOp.ToDevice t -> throw new IllegalStateException("cuda: to(" + t.device() + ") must not reach a backend");
        }
    }

    private static Strided copyOf(DeviceOps ops, Strided v) {
        Strided t = ops.temp(v.dtype(), v.shape());
        ops.copy(v, t);
        return t;
    }

    static void join(DeviceOps ops, JoinOp op, Strided[] in, Strided out) {
        switch (op) {
            case JoinOp.Cat c -> {
                int[] os = out.stride();
                int at = 0;
                for (Strided x : in) {
                    if (x.numel() > 0) ops.copy(x, Strided.of(out.storage(), x.shape(), os, out.storageOffset() + at * os[c.dim()]));
                    at += x.size(c.dim());
                }
            }
            case JoinOp.Flip f -> {
                // a flipped view: start at the last element of each flipped dim and walk back (a negative stride)
                int[] shape = in[0].shape(), stride = in[0].stride();
                int offset = in[0].storageOffset();
                for (int d : f.dims()) {
                    if (shape[d] == 0) return;
                    offset += (shape[d] - 1) * stride[d];
                    stride[d] = -stride[d];
                }
                int n = out.numel();
                int off = offset;
                long sp = CudaStorage.of(in[0]).pointer(), dp = DeviceOps.ptr(out);
                ops.ctx.launch1d("copy_b" + out.dtype().byteSize(), n, a -> a.i32(n).strided(shape, stride, off)
                        .strided(shape, Views.contiguous(shape), 0).ptr(sp).ptr(dp));
            }
        }
    }
}
