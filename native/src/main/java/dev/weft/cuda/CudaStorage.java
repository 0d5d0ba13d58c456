package dev.weft.cuda;

import dev.weft.cuda.memory.DeviceBlock;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Storage;

/**
 * Device storage: a block from the device's caching allocator. {@link #release()} returns it at once
 * (the deterministic path, for code that knows a tensor is dead); otherwise the allocator's Cleaner returns
 * it when the storage becomes unreachable.
 */
public final class CudaStorage extends Storage {
    private final DeviceBlock block;

    CudaStorage(Device device, DType dtype, int length, DeviceBlock block) {
        super(device, dtype, length);
        this.block = block;
    }

    /** The device address of element 0. */
    public long pointer() {
        return block.address();
    }

    /** The device address of element i. */
    public long pointer(int element) {
        return block.address() + (long) element * dtype().byteSize();
    }

    /** Bytes the elements take. */
    public long bytes() {
        return (long) length() * dtype().byteSize();
    }

    /** Returns the block to the allocator now; the storage must not be used afterwards. */
    public void release() {
        block.close();
    }

    /** True once released. */
    public boolean released() {
        return block.released();
    }

    /** The storage of a view, or an error naming the backend when it is not device storage. */
    static CudaStorage of(dev.weft.tensor.core.Strided view) {
        if (view.storage() instanceof CudaStorage s) return s;
        throw new IllegalArgumentException("cuda: expected a view on a CUDA device, got one on " + view.device());
    }
}
