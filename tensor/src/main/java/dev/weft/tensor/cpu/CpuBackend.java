package dev.weft.tensor.cpu;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.backend.Backend;
import dev.weft.tensor.op.CopyOp;
import dev.weft.tensor.op.CreationOp;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.LinalgOp;
import dev.weft.tensor.op.ConvOp;
import dev.weft.tensor.op.SortOp;
import dev.weft.tensor.op.SpectralOp;
import dev.weft.tensor.op.IndexOp;
import dev.weft.tensor.op.JoinOp;
import dev.weft.tensor.op.MatmulOp;
import dev.weft.tensor.op.Op;
import dev.weft.tensor.op.RecurrentOp;
import dev.weft.tensor.op.SparseOp;
import dev.weft.tensor.op.ReduceOp;
import dev.weft.tensor.op.ViewOp;

/**
 * The CPU backend: Java arrays as storage ({@link CpuStorage}) and one executor per op family, each an
 * exhaustive switch over its records that calls the kernels module. Always available.
 */
public final class CpuBackend implements Backend {
    /** The one instance. */
    public static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {}

    @Override
    public Device device() {
        return Device.CPU;
    }

    @Override
    public Storage allocate(DType dtype, int numel) {
        return CpuStorage.allocate(dtype, numel);
    }

    @Override
    public Storage fromHost(Object array) {
        return switch (array) {
            case float[] a -> CpuStorage.wrap(DType.F32, a.clone());
            case double[] a -> CpuStorage.wrap(DType.F64, a.clone());
            case int[] a -> CpuStorage.wrap(DType.I32, a.clone());
            case long[] a -> CpuStorage.wrap(DType.I64, a.clone());
            case boolean[] a -> {
                byte[] b = new byte[a.length];
                for (int i = 0; i < a.length; i++) b[i] = (byte) (a[i] ? 1 : 0);
                yield CpuStorage.wrap(DType.BOOL, b);
            }
            default -> throw new IllegalArgumentException("cpu fromHost: unsupported array type " + array.getClass().getSimpleName()
                    + " (expected float[], double[], int[], long[] or boolean[])");
        };
    }

    @Override
    public Object toHost(Strided t) {
        int n = t.numel();
        CpuStorage dst = CpuStorage.allocate(t.dtype(), n);
        int[] shape = t.shape();
        CpuConvert.copy(CpuStorage.of(t).array(), t.storageOffset(), t.stride(),
                dst.array(), 0, Shape.contiguousStrides(shape), shape);
        if (t.dtype() == DType.BOOL) {
            byte[] b = (byte[]) dst.array();
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) out[i] = b[i] != 0;
            return out;
        }
        return dst.array();
    }

    @Override
    public boolean inPlaceElementwise() {
        return true;
    }

    @Override
    public void execute(Op op, Strided[] inputs, Strided[] outputs) {
        switch (op) {
            case ElementwiseOp e -> CpuElementwise.run(e, inputs, outputs[0]);
            case ReduceOp r -> CpuReduce.run(r, inputs[0], outputs);
            case ViewOp v -> throw new IllegalStateException("cpu: view op " + v + " must not reach a backend");
            case CreationOp c -> CpuCreation.run(c, outputs[0]);
            case MatmulOp m -> CpuMatmul.run(m, inputs, outputs[0]);
            case CopyOp c -> CpuCopy.run(c, inputs, outputs);
            case JoinOp s -> CpuJoin.run(s, inputs, outputs[0]);
            case IndexOp i -> CpuIndex.run(i, inputs, outputs[0]);
            case SortOp s -> CpuSort.run(s, inputs[0], outputs);
            case ConvOp c -> CpuConv.run(c, inputs, outputs);
            case LinalgOp l -> CpuLinalg.run(l, inputs, outputs);
            case SpectralOp s -> CpuSpectral.run(s, inputs[0], outputs[0]);
            case RecurrentOp r -> CpuRecurrent.run(r, inputs, outputs);
            case SparseOp s -> CpuSparse.run(s, inputs, outputs);
        }
    }

    @Override
    public String toString() {
        return "CpuBackend";
    }
}
