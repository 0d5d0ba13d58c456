package dev.weft.tensor.cpu;


import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.CopyOp;

/** CPU execution of copy ops: Clone into a fresh contiguous tensor, CopyInto an existing one (broadcasting src). */
final class CpuCopy {
    private CpuCopy() {}

    static void run(CopyOp op, Strided[] in, Strided[] out) {
        switch (op) {
            case CopyOp.Clone c -> CpuConvert.copy(in[0], out[0]);
            case CopyOp.CopyInto c -> {
                Strided dst = in[0], src = in[1];
                CpuConvert.copy(CpuStorage.of(src).array(), src.storageOffset(), Broadcast.strides(src, dst.shape()),
                        CpuStorage.of(dst).array(), dst.storageOffset(), dst.stride(), dst.shape());
            }
            case CopyOp.ToDevice t -> throw new IllegalStateException("cpu: ToDevice is handled by Dispatch");
        }
    }
}
