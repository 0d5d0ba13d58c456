package dev.weft.cuda;

import dev.weft.cuda.ffm.KernelArgs;
import java.lang.foreign.MemorySegment;

/**
 * The device calls the backend makes, one level above the driver bindings: {@link DriverDevice} on a GPU;
 * in tests a recording device with host memory that checks every launch against its kernel's PTX signature,
 * so the executors' argument lists are verified on machines without a GPU. Addresses are device pointers.
 */
public interface DeviceApi {
    /** Makes this device's context current on the calling thread. */
    void makeCurrent();

    /** {major, minor} compute capability (selects the NVRTC architecture). */
    int[] capability();

    /** The device's name. */
    String name();

    /** True if GEMMs may go through cuBLAS (when installed). */
    boolean cublasAllowed();

    long memAlloc(long bytes);

    void memFree(long address);

    void memsetD8(long address, byte value, long count);

    void memsetD32(long address, int value, long count);

    void memcpyHtoD(long dst, MemorySegment src, long bytes);

    void memcpyDtoH(MemorySegment dst, long src, long bytes);

    void memcpyDtoD(long dst, long src, long bytes);

    /** Loads a module from PTX text. */
    long moduleLoadData(String ptx);

    /** The function of an extern "C" kernel in a module. */
    long moduleFunction(long module, String name);

    /** Launches a kernel on the device's stream with the given arguments (values live until it returns). */
    void launch(String entry, long function, int gx, int gy, int gz, int bx, int by, int bz, KernelArgs args);

    /** Waits for all queued work. */
    void synchronize();

    /**
     * Milliseconds the device spent on the work {@code body} queues, measured by two events recorded on the
     * stream around it (cuEventElapsedTime: device time, not host time; about 0.5 us resolution).
     */
    float elapsedMillis(Runnable body);
}
