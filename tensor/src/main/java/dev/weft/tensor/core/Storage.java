package dev.weft.tensor.core;


/**
 * A flat, typed block of elements on one device; tensors are strided views over it. A backend
 * subclasses it (the CPU one holds a Java array). The version counter is bumped by every in-place
 * write so autograd can tell that a tensor it saved was modified afterwards.
 *
 * <p>{@link #release()} ends the storage's life deterministically (Tensor.close, the end of a TensorScope):
 * it marks the storage released, once, and calls {@link #onRelease()}, where a device backend returns its
 * memory (the CUDA backend to its caching allocator); the CPU backend keeps the default no-op and leaves the
 * array to the garbage collector. The op layer refuses released storage with an IllegalStateException naming
 * the op, so a released storage is never read or written.
 */
public abstract class Storage {
    private final Device device;
    private final DType dtype;
    private final int length;
    private volatile int version;
    private volatile boolean released;

    /**
     * A storage of length elements of dtype on device (subclasses allocate the memory).
     *
     * @param device the device
     * @param dtype the element type
     * @param length length of the array
     */
    protected Storage(Device device, DType dtype, int length) {
        if (length < 0) throw new IllegalArgumentException("Storage: length must be >= 0, got " + length);
        this.device = java.util.Objects.requireNonNull(device, "device");
        this.dtype = java.util.Objects.requireNonNull(dtype, "dtype");
        this.length = length;
    }

    /** {@return the device holding the elements} */
    public final Device device() {
        return device;
    }

    /** {@return the element type} */
    public final DType dtype() {
        return dtype;
    }

    /** {@return number of elements} */
    public final int length() {
        return length;
    }

    /**
     * How many in-place writes this storage has seen.
     *
     * @return the number of in-place writes so far
     */
    public final int version() {
        return version;
    }

    /** Records one in-place write (called by the op layer after it modified the storage). */
    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    public final void bumpVersion() {
        version++;
    }

    /** {@return true once {@link #release()} ran: no op may read or write the elements any more} */
    public final boolean released() {
        return released;
    }

    /**
     * Releases the elements now (idempotent: later calls do nothing): marks the storage released, then calls
     * {@link #onRelease()}. Every later use through the op layer throws an IllegalStateException.
     */
    public final void release() {
        synchronized (this) {
            if (released) return;
            released = true;
        }
        onRelease();
    }

    /**
     * What a backend does when the storage is released, called once by {@link #release()}: return device
     * memory to its allocator. The default does nothing (host arrays are left to the garbage collector).
     */
    protected void onRelease() {}

    /**
     * Throws the use-after-release error, naming the operation, when this storage was released; used by the
     * op layer before any backend sees the storage.
     *
     * @param op the op
     */
    public final void checkLive(String op) {
        if (released) {
            throw new IllegalStateException(op + ": the tensor's storage on " + device + " was released"
                    + " (Tensor.close() or the end of its TensorScope); it can no longer be read or written");
        }
    }
}
