package dev.weft.cuda;

import dev.weft.cuda.memory.AllocatorStats;
import dev.weft.tensor.backend.Backend;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.ConvOp;
import dev.weft.tensor.op.CopyOp;
import dev.weft.tensor.op.CreationOp;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.IndexOp;
import dev.weft.tensor.op.JoinOp;
import dev.weft.tensor.op.LinalgOp;
import dev.weft.tensor.op.MatmulOp;
import dev.weft.tensor.op.Op;
import dev.weft.tensor.op.RecurrentOp;
import dev.weft.tensor.op.ReduceOp;
import dev.weft.tensor.op.SortOp;
import dev.weft.tensor.op.SparseOp;
import dev.weft.tensor.op.SpectralOp;
import dev.weft.tensor.op.ViewOp;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The CUDA backend for one device: storage from the caching allocator, host transfers through cuMemcpy,
 * and one executor per op family (an exhaustive switch over the sealed op set; every family runs on the
 * device). A dtype no kernel covers (arithmetic on BOOL, var of integers) throws an
 * UnsupportedOperationException naming the backend, the op and the dtype; nothing falls back to the host
 * silently. Every call makes the device's context current. Users reach it through tensors on a CUDA device;
 * the instance (for {@link #setTf32}, {@link #memoryStats}, {@link #synchronize}) comes from the backend registry:
 *
 * <pre>{@code
 * Tensor a = Tensor.randn(new Generator(0), 1024, 1024).to(Device.cuda(0));
 * Tensor c = a.matmul(a).to(Device.CPU);                        // runs on the GPU, copied back
 * CudaBackend gpu = (CudaBackend) Backends.forDevice(Device.cuda(0));
 * gpu.setTf32(true);                                            // faster F32 GEMM, 10-bit mantissa inputs
 * }</pre>
 */
public final class CudaBackend implements Backend {
    private final CudaContext ctx;

    CudaBackend(CudaContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Device device() {
        return ctx.device;
    }

    @Override
    public Storage allocate(DType dtype, int numel) {
        return ctx.allocate(dtype, numel);
    }

    @Override
    public Storage fromHost(Object array) {
        DType t = switch (array) {
            case float[] a -> DType.F32;
            case double[] a -> DType.F64;
            case int[] a -> DType.I32;
            case long[] a -> DType.I64;
            case boolean[] a -> DType.BOOL;
            default -> throw new IllegalArgumentException("cuda fromHost: unsupported array type " + array.getClass().getSimpleName()
                    + " (expected float[], double[], int[], long[] or boolean[])");
        };
        int n = java.lang.reflect.Array.getLength(array);
        CudaStorage s = ctx.allocate(t, n);
        upload(array, Strided.contiguous(s, new int[] {n}));
        return s;
    }

    /** Copies a host array of the view's dtype into a contiguous device view of the same numel. */
    void upload(Object array, Strided dst) {
        int n = dst.numel();
        if (n == 0) return;
        long bytes = (long) n * dst.dtype().byteSize();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment host = switch (array) {
                case float[] f -> a.allocateFrom(ValueLayout.JAVA_FLOAT, f);
                case double[] d -> a.allocateFrom(ValueLayout.JAVA_DOUBLE, d);
                case int[] i -> a.allocateFrom(ValueLayout.JAVA_INT, i);
                case long[] l -> a.allocateFrom(ValueLayout.JAVA_LONG, l);
                case boolean[] b -> {
                    MemorySegment m = a.allocate(b.length);
                    for (int i = 0; i < b.length; i++) m.set(ValueLayout.JAVA_BYTE, i, (byte) (b[i] ? 1 : 0));
                    yield m;
                }
                case byte[] b -> a.allocateFrom(ValueLayout.JAVA_BYTE, b);
                default -> throw new IllegalArgumentException("cuda upload: unsupported array " + array.getClass().getSimpleName());
            };
            ctx.makeCurrent();
            ctx.cu.memcpyHtoD(DeviceOps.ptr(dst), host, bytes);
        }
    }

    @Override
    public Object toHost(Strided view) {
        int n = view.numel();
        try (DeviceOps ops = new DeviceOps(ctx); Arena a = Arena.ofConfined()) {
            Strided c = ops.contiguous(view);
            long bytes = (long) n * view.dtype().byteSize();
            MemorySegment host = a.allocate(Math.max(1, bytes));
            if (n > 0) {
                ctx.makeCurrent();
                ctx.cu.memcpyDtoH(host, DeviceOps.ptr(c), bytes);
            }
            return switch (view.dtype()) {
                case F32 -> host.asSlice(0, bytes).toArray(ValueLayout.JAVA_FLOAT);
                case F64 -> host.asSlice(0, bytes).toArray(ValueLayout.JAVA_DOUBLE);
                case I32 -> host.asSlice(0, bytes).toArray(ValueLayout.JAVA_INT);
                case I64 -> host.asSlice(0, bytes).toArray(ValueLayout.JAVA_LONG);
                case BOOL -> {
                    boolean[] out = new boolean[n];
                    for (int i = 0; i < n; i++) out[i] = host.get(ValueLayout.JAVA_BYTE, i) != 0;
                    yield out;
                }
            };
        }
    }

    @Override
    public void execute(Op op, Strided[] inputs, Strided[] outputs) {
        ctx.makeCurrent();
        try (DeviceOps ops = new DeviceOps(ctx)) {
            switch (op) {
                case ElementwiseOp e -> CudaElementwise.run(ops, e, inputs, outputs[0]);
                case ReduceOp r -> CudaReduce.run(ops, r, inputs[0], outputs);
                case ViewOp v -> throw new IllegalStateException("cuda: view op " + v + " must not reach a backend");
                case CreationOp c -> CudaCreation.run(ops, this, c, outputs[0]);
                case MatmulOp m -> CudaMatmul.run(ops, m, inputs, outputs[0]);
                case CopyOp c -> CudaCopy.run(ops, c, inputs, outputs);
                case JoinOp j -> CudaCopy.join(ops, j, inputs, outputs[0]);
                case IndexOp i -> CudaIndex.run(ops, i, inputs, outputs[0]);
                case ConvOp c -> CudaConv.run(ops, c, inputs, outputs);
                case SparseOp s -> CudaSparse.run(ops, s, inputs, outputs);
                case SortOp s -> CudaSort.run(ops, s, inputs[0], outputs);
                case LinalgOp l -> CudaLinalg.run(ops, l, inputs, outputs);
                case SpectralOp s -> CudaSpectral.run(ops, s, inputs[0], outputs[0]);
                case RecurrentOp r -> CudaRecurrent.run(ops, r, inputs, outputs);
            }
        }
    }

    /** The error for an op (or one of its dtypes) the device does not run: names the backend, the op and what is missing. */
    static UnsupportedOperationException unsupported(Op op, String what) {
        return new UnsupportedOperationException("CudaBackend: " + op.name() + " (" + op.getClass().getSimpleName() + ") on " + what
                + " is not implemented on CUDA yet; move the tensor to the CPU for it (tensor.to(Device.CPU))");
    }

    /** {@return the device's allocator statistics} */
    public AllocatorStats memoryStats() {
        return ctx.allocator.stats();
    }

    /** Returns every cached block to the device (torch.cuda.empty_cache). */
    public void emptyCache() {
        ctx.allocator.emptyCache();
    }

    /**
     * Device milliseconds of the ops {@code body} runs on this device (events around it on the stream), for
     * benchmarks: kernel time without the host's launch overhead or transfer waits outside body.
     *
     * @param body the work to time; it must queue its ops on this device
     * @return device milliseconds between the events before and after body
     */
    public float elapsedMillis(Runnable body) {
        ctx.makeCurrent();
        return ctx.cu.elapsedMillis(body);
    }

    /**
     * TF32 for F32 GEMM/bmm (torch.backends.cuda.matmul.allow_tf32): on, cuBLAS may round the products' inputs
     * to TF32 (10-bit mantissa) on tensor cores; off (the default unless -Dweft.cuda.tf32=true), exact FP32.
     * Applies to the GEMMs queued after the call.
     *
     * @param on true to allow TF32
     */
    public void setTf32(boolean on) {
        ctx.setTf32(on);
    }

    /**
     * {@return true if F32 GEMM may use TF32 (see {@link #setTf32})}
     *
     */
    public boolean tf32() {
        return ctx.tf32;
    }

    /** {@return the device's name as the driver reports it, e.g. "NVIDIA H100 80GB HBM3"} */
    public String deviceName() {
        return ctx.name;
    }

    /** Waits for all queued work on the device. */
    public void synchronize() {
        ctx.synchronize();
    }

    @Override
    public String toString() {
        return "CudaBackend[" + ctx + "]";
    }
}
