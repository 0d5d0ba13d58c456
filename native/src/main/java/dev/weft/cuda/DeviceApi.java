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

    /** {@return {major, minor} compute capability (selects the NVRTC architecture)} */
    int[] capability();

    /** {@return the device's name} */
    String name();

    /** {@return true if GEMMs may go through cuBLAS (when installed)} */
    boolean cublasAllowed();

    /**
     * Allocates device memory (cuMemAlloc).
     *
     * @param bytes the size in bytes
     * @return the device address of the new block
     */
    long memAlloc(long bytes);

    /**
     * Frees a block from {@link #memAlloc(long)} (cuMemFree).
     *
     * @param address the block's device address
     */
    void memFree(long address);

    /**
     * Sets {@code count} bytes to {@code value} (cuMemsetD8).
     *
     * @param address the first byte's device address
     * @param value the byte value
     * @param count the number of bytes
     */
    void memsetD8(long address, byte value, long count);

    /**
     * Sets {@code count} 32-bit words to {@code value} (cuMemsetD32).
     *
     * @param address the first word's device address (4-byte aligned)
     * @param value the 32-bit pattern
     * @param count the number of words, not bytes
     */
    void memsetD32(long address, int value, long count);

    /**
     * Copies host memory to the device (cuMemcpyHtoD).
     *
     * @param dst the destination device address
     * @param src the host source
     * @param bytes the number of bytes
     */
    void memcpyHtoD(long dst, MemorySegment src, long bytes);

    /**
     * Copies device memory to the host (cuMemcpyDtoH).
     *
     * @param dst the host destination
     * @param src the source device address
     * @param bytes the number of bytes
     */
    void memcpyDtoH(MemorySegment dst, long src, long bytes);

    /**
     * Copies device memory to device memory (cuMemcpyDtoD).
     *
     * @param dst the destination device address
     * @param src the source device address
     * @param bytes the number of bytes
     */
    void memcpyDtoD(long dst, long src, long bytes);

    /**
     * Loads a module from PTX text.
     *
     * @param ptx the PTX source
     * @return the module handle
     */
    long moduleLoadData(String ptx);

    /**
     * The function of an extern "C" kernel in a module.
     *
     * @param module a handle from {@link #moduleLoadData(String)}
     * @param name the kernel's (unmangled) name
     * @return the function handle
     */
    long moduleFunction(long module, String name);

    /**
     * Launches a kernel on the device's stream with the given arguments (values live until it returns).
     *
     * @param entry the kernel's name (for checks and error messages)
     * @param function the function handle from {@link #moduleFunction(long, String)}
     * @param gx grid size in x, in blocks
     * @param gy grid size in y, in blocks
     * @param gz grid size in z, in blocks
     * @param bx block size in x, in threads
     * @param by block size in y, in threads
     * @param bz block size in z, in threads
     * @param args the kernel's arguments, in its parameter order
     */
    void launch(String entry, long function, int gx, int gy, int gz, int bx, int by, int bz, KernelArgs args);

    /** Waits for all queued work. */
    void synchronize();

    /**
     * Milliseconds the device spent on the work {@code body} queues, measured by two events recorded on the
     * stream around it (cuEventElapsedTime: device time, not host time; about 0.5 us resolution).
     *
     * @param body the code that queues the work to time
     * @return the elapsed device time in milliseconds
     */
    float elapsedMillis(Runnable body);
}
