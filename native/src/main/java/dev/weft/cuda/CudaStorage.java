package dev.weft.cuda;

import dev.weft.cuda.memory.DeviceBlock;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Storage;

/**
 * Device storage: a block from the device's caching allocator. {@link #release()} (Tensor.close, the end of a
 * TensorScope, or the backend's own temporaries) returns it at once through {@link #onRelease()}; otherwise
 * the allocator's Cleaner returns it when the storage becomes unreachable, the safety net.
 */
public final class CudaStorage extends Storage {
    private final DeviceBlock block;

    CudaStorage(Device device, DType dtype, int length, DeviceBlock block) {
        super(device, dtype, length);
        this.block = block;
    }

    /** {@return the device address of element 0} */
    public long pointer() {
        return block.address();
    }

    /**
     * The device address of an element.
     *
     * @param element the element's index in this storage
     * @return its device address
     */
    public long pointer(int element) {
        return block.address() + (long) element * dtype().byteSize();
    }

    /** {@return the bytes the elements take: length times the dtype's size} */
    public long bytes() {
        return (long) length() * dtype().byteSize();
    }

    /** Returns the block to the allocator's cache (called once, by {@link #release()}). */
    @Override
    protected void onRelease() {
        block.close();
    }

    /** {@return true once the block went back to the allocator (the Cleaner may have returned it without release())} */
    public boolean blockReleased() {
        return block.released();
    }

    /** The storage of a view, or an error naming the backend when it is not device storage. */
    static CudaStorage of(dev.weft.tensor.core.Strided view) {
        if (view.storage() instanceof CudaStorage s) return s;
        throw new IllegalArgumentException("cuda: expected a view on a CUDA device, got one on " + view.device());
    }
}
