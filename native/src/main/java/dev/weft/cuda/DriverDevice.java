package dev.weft.cuda;

import dev.weft.cuda.ffm.CudaDriver;
import dev.weft.cuda.ffm.KernelArgs;
import dev.weft.tensor.core.Device;
import java.lang.foreign.MemorySegment;

/**
 * A GPU through the driver API: its primary context (retained once, made current before every call) and the
 * legacy default stream, on which all work is ordered. -Dweft.cuda.sync=true synchronizes after every launch,
 * so an asynchronous kernel failure is reported with the kernel that caused it.
 */
final class DriverDevice implements DeviceApi {
    private static final boolean SYNC = Boolean.getBoolean("weft.cuda.sync");

    private final CudaDriver cu;
    private final long context;
    private final int[] capability;
    private final String name;

    DriverDevice(Device device) {
        this.cu = CudaDriver.get();
        cu.init();
        int count = cu.deviceCount();
        if (device.index() >= count) {
            throw new IllegalArgumentException("cuda: device " + device + " does not exist (" + count + " device(s) found)");
        }
        int handle = cu.device(device.index());
        this.context = cu.primaryContextRetain(handle);
        cu.setCurrent(context);
        this.capability = new int[] {cu.attribute(CudaDriver.ATTR_COMPUTE_CAPABILITY_MAJOR, handle),
                cu.attribute(CudaDriver.ATTR_COMPUTE_CAPABILITY_MINOR, handle)};
        this.name = cu.name(handle);
    }

    @Override
    public void makeCurrent() {
        cu.setCurrent(context);
    }

    @Override
    public int[] capability() {
        return capability.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean cublasAllowed() {
        return true;
    }

    @Override
    public long memAlloc(long bytes) {
        return cu.memAlloc(bytes);
    }

    @Override
    public void memFree(long address) {
        cu.memFree(address);
    }

    @Override
    public void memsetD8(long address, byte value, long count) {
        cu.memsetD8(address, value, count);
    }

    @Override
    public void memsetD32(long address, int value, long count) {
        cu.memsetD32(address, value, count);
    }

    @Override
    public void memcpyHtoD(long dst, MemorySegment src, long bytes) {
        cu.memcpyHtoD(dst, src, bytes);
    }

    @Override
    public void memcpyDtoH(MemorySegment dst, long src, long bytes) {
        cu.memcpyDtoH(dst, src, bytes);
    }

    @Override
    public void memcpyDtoD(long dst, long src, long bytes) {
        cu.memcpyDtoD(dst, src, bytes);
    }

    @Override
    public long moduleLoadData(String ptx) {
        return cu.moduleLoadData(ptx);
    }

    @Override
    public long moduleFunction(long module, String name) {
        return cu.moduleFunction(module, name);
    }

    @Override
    public void launch(String entry, long function, int gx, int gy, int gz, int bx, int by, int bz, KernelArgs args) {
        cu.launch(entry, function, gx, gy, gz, bx, by, bz, 0, 0L, args.build());
        if (SYNC) cu.synchronize();
    }

    @Override
    public void synchronize() {
        cu.synchronize();
    }

    @Override
    public float elapsedMillis(Runnable body) {
        long start = cu.eventCreate(0), end = cu.eventCreate(0);
        try {
            cu.eventRecord(start, 0L);
            body.run();
            cu.eventRecord(end, 0L);
            cu.eventSynchronize(end);
            return cu.eventElapsedMillis(start, end);
        } finally {
            cu.eventDestroy(start);
            cu.eventDestroy(end);
        }
    }
}
