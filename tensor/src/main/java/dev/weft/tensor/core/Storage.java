package dev.weft.tensor.core;


/**
 * A flat, typed block of elements on one device; tensors are strided views over it. A backend
 * subclasses it (the CPU one holds a Java array). The version counter is bumped by every in-place
 * write so autograd can tell that a tensor it saved was modified afterwards.
 */
public abstract class Storage {
    private final Device device;
    private final DType dtype;
    private final int length;
    private volatile int version;

    protected Storage(Device device, DType dtype, int length) {
        if (length < 0) throw new IllegalArgumentException("Storage: length must be >= 0, got " + length);
        this.device = java.util.Objects.requireNonNull(device, "device");
        this.dtype = java.util.Objects.requireNonNull(dtype, "dtype");
        this.length = length;
    }

    /** The device holding the elements. */
    public final Device device() {
        return device;
    }

    /** The element type. */
    public final DType dtype() {
        return dtype;
    }

    /** Number of elements. */
    public final int length() {
        return length;
    }

    /** How many in-place writes this storage has seen. */
    public final int version() {
        return version;
    }

    /** Records one in-place write (called by the op layer after it modified the storage). */
    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    public final void bumpVersion() {
        version++;
    }
}
