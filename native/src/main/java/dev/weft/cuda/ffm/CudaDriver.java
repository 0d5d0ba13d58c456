package dev.weft.cuda.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Downcalls into the CUDA driver API (libcuda.so.1) for what the backend uses: init, devices, the primary
 * context, memory, copies, memset, pinned host memory, streams, events, modules and kernel launch. Every
 * CUresult is checked ({@link CudaException} names the call and the code). Types: CUdevice is an int,
 * CUdeviceptr an unsigned 64-bit integer (a Java long), CUcontext/CUstream/CUevent/CUmodule/CUfunction
 * opaque pointers (held as longs). cuda.h maps several names to _v2 symbols; those are bound here.
 */
@SuppressWarnings("restricted") // native access is this class's job (the JVM runs with --enable-native-access)
public final class CudaDriver {
    /** The exported symbols this class binds (the _v2 ones where cuda.h redirects). */
    public static final List<String> SYMBOLS = List.of("cuInit", "cuDriverGetVersion", "cuDeviceGet", "cuDeviceGetCount",
            "cuDeviceGetAttribute", "cuDeviceGetName", "cuDeviceTotalMem_v2", "cuDevicePrimaryCtxRetain",
            "cuDevicePrimaryCtxRelease_v2", "cuCtxSetCurrent", "cuCtxSynchronize", "cuMemAlloc_v2", "cuMemFree_v2",
            "cuMemGetInfo_v2", "cuMemcpyHtoD_v2", "cuMemcpyDtoH_v2", "cuMemcpyDtoD_v2", "cuMemcpyHtoDAsync_v2",
            "cuMemcpyDtoHAsync_v2", "cuMemcpyDtoDAsync_v2", "cuMemsetD32_v2", "cuMemsetD8_v2", "cuMemHostAlloc",
            "cuMemFreeHost", "cuStreamCreate", "cuStreamSynchronize", "cuStreamDestroy_v2", "cuEventCreate",
            "cuEventRecord", "cuEventSynchronize", "cuEventElapsedTime", "cuEventDestroy_v2", "cuModuleLoadData",
            "cuModuleUnload", "cuModuleGetFunction", "cuLaunchKernel", "cuGetErrorName");

    /** CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK. */
    public static final int ATTR_MAX_THREADS_PER_BLOCK = 1;
    /** CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT. */
    public static final int ATTR_MULTIPROCESSOR_COUNT = 16;
    /** CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR. */
    public static final int ATTR_COMPUTE_CAPABILITY_MAJOR = 75;
    /** CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR. */
    public static final int ATTR_COMPUTE_CAPABILITY_MINOR = 76;

    private static final class Holder {
        static final NativeLibrary LIB = NativeLibrary.find("CUDA driver", "weft.cuda.driver", List.of("libcuda.so.1", "libcuda.so"));
    }

    /** {@return the driver library, looked up on first use (loaded or with the reason it did not)} */
    public static NativeLibrary library() {
        return Holder.LIB;
    }

    private static final class Bound {
        static final CudaDriver INSTANCE = new CudaDriver(Holder.LIB);
    }

    /** {@return the bindings; an IllegalStateException with the reason when the library is missing} */
    public static CudaDriver get() {
        Holder.LIB.requireLoaded();
        return Bound.INSTANCE;
    }

    private final MethodHandle cuInit, cuDriverGetVersion, cuDeviceGet, cuDeviceGetCount, cuDeviceGetAttribute,
            cuDeviceGetName, cuDeviceTotalMem, cuDevicePrimaryCtxRetain, cuDevicePrimaryCtxRelease, cuCtxSetCurrent,
            cuCtxSynchronize, cuMemAlloc, cuMemFree, cuMemGetInfo, cuMemcpyHtoD, cuMemcpyDtoH, cuMemcpyDtoD,
            cuMemcpyHtoDAsync, cuMemcpyDtoHAsync, cuMemcpyDtoDAsync, cuMemsetD32, cuMemsetD8, cuMemHostAlloc,
            cuMemFreeHost, cuStreamCreate, cuStreamSynchronize, cuStreamDestroy, cuEventCreate, cuEventRecord,
            cuEventSynchronize, cuEventElapsedTime, cuEventDestroy, cuModuleLoadData, cuModuleUnload,
            cuModuleGetFunction, cuLaunchKernel, cuGetErrorName;

    CudaDriver(NativeLibrary lib) {
        cuInit = lib.downcall("cuInit", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        cuDriverGetVersion = lib.downcall("cuDriverGetVersion", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        cuDeviceGet = lib.downcall("cuDeviceGet", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuDeviceGetCount = lib.downcall("cuDeviceGetCount", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        cuDeviceGetAttribute = lib.downcall("cuDeviceGetAttribute", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        cuDeviceGetName = lib.downcall("cuDeviceGetName", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        cuDeviceTotalMem = lib.downcall("cuDeviceTotalMem_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuDevicePrimaryCtxRetain = lib.downcall("cuDevicePrimaryCtxRetain", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuDevicePrimaryCtxRelease = lib.downcall("cuDevicePrimaryCtxRelease_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        cuCtxSetCurrent = lib.downcall("cuCtxSetCurrent", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        cuCtxSynchronize = lib.downcall("cuCtxSynchronize", FunctionDescriptor.of(JAVA_INT));
        cuMemAlloc = lib.downcall("cuMemAlloc_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        cuMemFree = lib.downcall("cuMemFree_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        cuMemGetInfo = lib.downcall("cuMemGetInfo_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        cuMemcpyHtoD = lib.downcall("cuMemcpyHtoD_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
        cuMemcpyDtoH = lib.downcall("cuMemcpyDtoH_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
        cuMemcpyDtoD = lib.downcall("cuMemcpyDtoD_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
        cuMemcpyHtoDAsync = lib.downcall("cuMemcpyHtoDAsync_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));
        cuMemcpyDtoHAsync = lib.downcall("cuMemcpyDtoHAsync_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG));
        cuMemcpyDtoDAsync = lib.downcall("cuMemcpyDtoDAsync_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
        cuMemsetD32 = lib.downcall("cuMemsetD32_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG));
        cuMemsetD8 = lib.downcall("cuMemsetD8_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_BYTE, JAVA_LONG));
        cuMemHostAlloc = lib.downcall("cuMemHostAlloc", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
        cuMemFreeHost = lib.downcall("cuMemFreeHost", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        cuStreamCreate = lib.downcall("cuStreamCreate", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuStreamSynchronize = lib.downcall("cuStreamSynchronize", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        cuStreamDestroy = lib.downcall("cuStreamDestroy_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        cuEventCreate = lib.downcall("cuEventCreate", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuEventRecord = lib.downcall("cuEventRecord", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
        cuEventSynchronize = lib.downcall("cuEventSynchronize", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        cuEventElapsedTime = lib.downcall("cuEventElapsedTime", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
        cuEventDestroy = lib.downcall("cuEventDestroy_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        cuModuleLoadData = lib.downcall("cuModuleLoadData", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        cuModuleUnload = lib.downcall("cuModuleUnload", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        cuModuleGetFunction = lib.downcall("cuModuleGetFunction", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));
        cuLaunchKernel = lib.downcall("cuLaunchKernel", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        cuGetErrorName = lib.downcall("cuGetErrorName", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }

    private static int rc(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cuda: downcall failed: " + t, t);
        }
    }

    private static void check(String call, MethodHandle h, Object... args) {
        CudaException.checkCu(call, rc(h, args));
    }

    /** cuInit(0), returning the raw CUresult (the probe maps NO_DEVICE to its explanation). */
    public int initStatus() {
        return rc(cuInit, 0);
    }

    /** cuInit(0), checked. */
    public void init() {
        check("cuInit", cuInit, 0);
    }

    /** {@return the driver's CUDA version, e.g. 12020 for 12.2} */
    public int driverVersion() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check("cuDriverGetVersion", cuDriverGetVersion, out);
            return out.get(JAVA_INT, 0);
        }
    }

    /** cuDeviceGetCount as the raw CUresult and the count (count 0 on error). */
    public int[] deviceCountStatus() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            int rc = rc(cuDeviceGetCount, out);
            return new int[] {rc, rc == 0 ? out.get(JAVA_INT, 0) : 0};
        }
    }

    /** {@return the number of CUDA devices} */
    public int deviceCount() {
        int[] r = deviceCountStatus();
        CudaException.checkCu("cuDeviceGetCount", r[0]);
        return r[1];
    }

    /** The CUdevice handle of ordinal i. */
    public int device(int ordinal) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check("cuDeviceGet", cuDeviceGet, out, ordinal);
            return out.get(JAVA_INT, 0);
        }
    }

    /** cuDeviceGetAttribute. */
    public int attribute(int attribute, int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check("cuDeviceGetAttribute", cuDeviceGetAttribute, out, attribute, device);
            return out.get(JAVA_INT, 0);
        }
    }

    /** The device's name, e.g. "NVIDIA H100 80GB HBM3". */
    public String name(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(256);
            check("cuDeviceGetName", cuDeviceGetName, out, 256, device);
            return out.getString(0);
        }
    }

    /** Total device memory in bytes. */
    public long totalMemory(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_LONG);
            check("cuDeviceTotalMem", cuDeviceTotalMem, out, device);
            return out.get(JAVA_LONG, 0);
        }
    }

    /** Retains the device's primary context; returns the CUcontext. */
    public long primaryContextRetain(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cuDevicePrimaryCtxRetain", cuDevicePrimaryCtxRetain, out, device);
            return out.get(ADDRESS, 0).address();
        }
    }

    public void primaryContextRelease(int device) {
        check("cuDevicePrimaryCtxRelease", cuDevicePrimaryCtxRelease, device);
    }

    public void setCurrent(long context) {
        check("cuCtxSetCurrent", cuCtxSetCurrent, context);
    }

    public void synchronize() {
        check("cuCtxSynchronize", cuCtxSynchronize);
    }

    /** cuMemAlloc: a device pointer to bytes (> 0) bytes. */
    public long memAlloc(long bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_LONG);
            check("cuMemAlloc", cuMemAlloc, out, bytes);
            return out.get(JAVA_LONG, 0);
        }
    }

    public void memFree(long dptr) {
        check("cuMemFree", cuMemFree, dptr);
    }

    /** {free, total} device memory in bytes. */
    public long[] memInfo() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment free = a.allocate(JAVA_LONG), total = a.allocate(JAVA_LONG);
            check("cuMemGetInfo", cuMemGetInfo, free, total);
            return new long[] {free.get(JAVA_LONG, 0), total.get(JAVA_LONG, 0)};
        }
    }

    public void memcpyHtoD(long dst, MemorySegment src, long bytes) {
        check("cuMemcpyHtoD", cuMemcpyHtoD, dst, src, bytes);
    }

    public void memcpyDtoH(MemorySegment dst, long src, long bytes) {
        check("cuMemcpyDtoH", cuMemcpyDtoH, dst, src, bytes);
    }

    public void memcpyDtoD(long dst, long src, long bytes) {
        check("cuMemcpyDtoD", cuMemcpyDtoD, dst, src, bytes);
    }

    public void memcpyHtoDAsync(long dst, MemorySegment src, long bytes, long stream) {
        check("cuMemcpyHtoDAsync", cuMemcpyHtoDAsync, dst, src, bytes, stream);
    }

    public void memcpyDtoHAsync(MemorySegment dst, long src, long bytes, long stream) {
        check("cuMemcpyDtoHAsync", cuMemcpyDtoHAsync, dst, src, bytes, stream);
    }

    public void memcpyDtoDAsync(long dst, long src, long bytes, long stream) {
        check("cuMemcpyDtoDAsync", cuMemcpyDtoDAsync, dst, src, bytes, stream);
    }

    /** Sets count 32-bit words at dptr to value. */
    public void memsetD32(long dptr, int value, long count) {
        check("cuMemsetD32", cuMemsetD32, dptr, value, count);
    }

    /** Sets count bytes at dptr to value. */
    public void memsetD8(long dptr, byte value, long count) {
        check("cuMemsetD8", cuMemsetD8, dptr, value, count);
    }

    /** Page-locked host memory of bytes bytes (flags: CU_MEMHOSTALLOC_*), as a segment of that size. */
    public MemorySegment memHostAlloc(long bytes, int flags) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cuMemHostAlloc", cuMemHostAlloc, out, bytes, flags);
            return out.get(ADDRESS, 0).reinterpret(bytes);
        }
    }

    public void memFreeHost(MemorySegment p) {
        check("cuMemFreeHost", cuMemFreeHost, p);
    }

    /** A new stream (flags: 0 default, 1 non-blocking). */
    public long streamCreate(int flags) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cuStreamCreate", cuStreamCreate, out, flags);
            return out.get(ADDRESS, 0).address();
        }
    }

    public void streamSynchronize(long stream) {
        check("cuStreamSynchronize", cuStreamSynchronize, stream);
    }

    public void streamDestroy(long stream) {
        check("cuStreamDestroy", cuStreamDestroy, stream);
    }

    /** A new event (flags: 0 default with timing). */
    public long eventCreate(int flags) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cuEventCreate", cuEventCreate, out, flags);
            return out.get(ADDRESS, 0).address();
        }
    }

    public void eventRecord(long event, long stream) {
        check("cuEventRecord", cuEventRecord, event, stream);
    }

    public void eventSynchronize(long event) {
        check("cuEventSynchronize", cuEventSynchronize, event);
    }

    /** Milliseconds between two recorded events. */
    public float eventElapsedMillis(long start, long end) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_FLOAT);
            check("cuEventElapsedTime", cuEventElapsedTime, out, start, end);
            return out.get(JAVA_FLOAT, 0);
        }
    }

    public void eventDestroy(long event) {
        check("cuEventDestroy", cuEventDestroy, event);
    }

    /** Loads a module from a NUL-terminated PTX image. */
    public long moduleLoadData(String ptx) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cuModuleLoadData", cuModuleLoadData, out, a.allocateFrom(ptx));
            return out.get(ADDRESS, 0).address();
        }
    }

    public void moduleUnload(long module) {
        check("cuModuleUnload", cuModuleUnload, module);
    }

    /** The CUfunction of an extern "C" kernel. */
    public long moduleFunction(long module, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cuModuleGetFunction(" + name + ")", cuModuleGetFunction, out, module, a.allocateFrom(name));
            return out.get(ADDRESS, 0).address();
        }
    }

    /** cuLaunchKernel with kernelParams (a void*[] built by {@link KernelArgs}) and no extra. */
    public void launch(String kernel, long function, int gridX, int gridY, int gridZ, int blockX, int blockY, int blockZ,
                       int sharedBytes, long stream, MemorySegment params) {
        int rc;
        try {
            rc = (int) cuLaunchKernel.invokeExact(function, gridX, gridY, gridZ, blockX, blockY, blockZ, sharedBytes, stream,
                    params, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("cuda: cuLaunchKernel downcall failed: " + t, t);
        }
        CudaException.checkCu("cuLaunchKernel(" + kernel + ")", rc);
    }

    /** The driver's own name for a CUresult (works before cuInit), or null if it does not know the code. */
    public String errorName(int code) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            int rc = rc(cuGetErrorName, code, out);
            if (rc != 0) return null;
            return out.get(ADDRESS, 0).reinterpret(256).getString(0);
        }
    }
}
