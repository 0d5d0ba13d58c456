package dev.weft.cuda;

import dev.weft.cuda.ffm.Cublas;
import dev.weft.cuda.ffm.CudaException;
import dev.weft.cuda.ffm.KernelArgs;
import dev.weft.cuda.ffm.Nvrtc;
import dev.weft.cuda.kernel.KernelCatalog;
import dev.weft.cuda.kernel.KernelCompiler;
import dev.weft.cuda.kernel.KernelSource;
import dev.weft.cuda.kernel.NvrtcOptions;
import dev.weft.cuda.kernel.PtxCache;
import dev.weft.cuda.memory.CachingAllocator;
import dev.weft.cuda.memory.DeviceMemory;
import dev.weft.cuda.memory.OutOfDeviceMemoryException;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import java.lang.foreign.Arena;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One CUDA device as the backend uses it: its primary context (made current on the calling thread before
 * every call), the legacy default stream (all work is ordered on it, so a temporary released after an op
 * is safe to reuse by the next), the caching allocator, kernel modules compiled by NVRTC on first use for
 * the device's compute capability, and a cuBLAS handle when cuBLAS is installed.
 */
final class CudaContext {
    static final int BLOCK = 256;
    private static final int MAX_GRID = 1 << 20;

    final DeviceApi cu;
    final Device device;
    final int ccMajor, ccMinor;
    final String name;
    final CachingAllocator allocator;
    private final Map<KernelSource, Long> modules = new ConcurrentHashMap<>();
    private final Map<String, Long> functions = new ConcurrentHashMap<>();
    private volatile KernelCompiler compiler;
    private volatile Long cublasHandle;
    /** F32 GEMM through TF32 tensor cores (-Dweft.cuda.tf32=true at start, or {@link #setTf32}). */
    volatile boolean tf32;

    CudaContext(Device device) {
        this(device, new DriverDevice(device));
    }

    /** A context over any {@link DeviceApi} (the driver's, or a test's recording device). */
    CudaContext(Device device, DeviceApi api) {
        this.cu = api;
        this.device = device;
        int[] cc = api.capability();
        this.ccMajor = cc[0];
        this.ccMinor = cc[1];
        this.name = api.name();
        this.tf32 = Boolean.getBoolean("weft.cuda.tf32");
        this.allocator = new CachingAllocator(new DriverMemory());
    }

    /** cuMemAlloc/cuMemFree behind the caching allocator; OUT_OF_MEMORY becomes the allocator's signal. */
    private final class DriverMemory implements DeviceMemory {
        @Override
        public long allocate(long bytes) {
            makeCurrent();
            try {
                return cu.memAlloc(bytes);
            } catch (CudaException e) {
                if (e.code() == 2) throw new OutOfDeviceMemoryException(e.getMessage());
                throw e;
            }
        }

        @Override
        public void free(long address) {
            makeCurrent();
            cu.memFree(address);
        }

        @Override
        public String name() {
            return device.toString();
        }
    }

    void makeCurrent() {
        cu.makeCurrent();
    }

    /** A fresh zero-filled storage. */
    CudaStorage allocate(DType dtype, int numel) {
        makeCurrent();
        long bytes = (long) numel * dtype.byteSize();
        var block = allocator.allocate(bytes);
        CudaStorage s = new CudaStorage(device, dtype, numel, block);
        if (bytes > 0) cu.memsetD8(block.address(), (byte) 0, bytes);
        return s;
    }

    /** The CUfunction of a catalog entry, compiling and loading its module on first use. */
    long function(String entry) {
        Long f = functions.get(entry);
        if (f != null) return f;
        KernelSource src = KernelCatalog.sourceOf(entry);
        long module = modules.computeIfAbsent(src, this::load);
        long fn = cu.moduleFunction(module, entry);
        functions.put(entry, fn);
        return fn;
    }

    private long load(KernelSource src) {
        KernelCompiler c = compiler;
        if (c == null) {
            synchronized (this) {
                if (compiler == null) compiler = new KernelCompiler(Nvrtc.get(), PtxCache.defaultCache());
                c = compiler;
            }
        }
        String ptx = c.compile(src, NvrtcOptions.forCapability(ccMajor, ccMinor)).ptx();
        makeCurrent();
        return cu.moduleLoadData(ptx);
    }

    /** Launches a 1-d grid-stride kernel over n items (nothing when n == 0). */
    void launch1d(String entry, int n, java.util.function.Consumer<KernelArgs> args) {
        if (n <= 0) return;
        int grid = (int) Math.min(MAX_GRID, Math.ceilDiv((long) n, BLOCK));
        launch(entry, grid, 1, 1, BLOCK, 1, 1, args);
    }

    /** Launches one BLOCK-thread block per item (row reductions), up to MAX_GRID blocks looping. */
    void launchPerBlock(String entry, int items, java.util.function.Consumer<KernelArgs> args) {
        if (items <= 0) return;
        launch(entry, Math.min(items, MAX_GRID), 1, 1, BLOCK, 1, 1, args);
    }

    void launch(String entry, int gx, int gy, int gz, int bx, int by, int bz, java.util.function.Consumer<KernelArgs> args) {
        long fn = function(entry);
        try (Arena a = Arena.ofConfined()) {
            KernelArgs ka = new KernelArgs(a);
            args.accept(ka);
            makeCurrent();
            cu.launch(entry, fn, gx, gy, gz, bx, by, bz, ka);
        }
    }

    /** The cuBLAS handle, or null when cuBLAS is not installed (the GEMM kernel then serves). */
    Long cublas() {
        if (!cu.cublasAllowed() || !Cublas.library().loaded()) return null;
        Long h = cublasHandle;
        if (h == null) {
            synchronized (this) {
                if (cublasHandle == null) {
                    makeCurrent();
                    Cublas b = Cublas.get();
                    long created = b.create();
                    b.setTf32(created, tf32);
                    cublasHandle = created;
                }
                h = cublasHandle;
            }
        }
        return h;
    }

    /** Switches TF32 for F32 GEMM: the cuBLAS handle's math mode now if it exists, else when it is created. */
    synchronized void setTf32(boolean on) {
        tf32 = on;
        Long h = cublasHandle;
        if (h != null) {
            makeCurrent();
            Cublas.get().setTf32(h, on);
        }
    }

    /** Blocks until the device finished all work (used before reading a status word back). */
    void synchronize() {
        makeCurrent();
        cu.synchronize();
    }

    @Override
    public String toString() {
        return device + " (" + name + ", sm_" + ccMajor + ccMinor + ")";
    }
}
