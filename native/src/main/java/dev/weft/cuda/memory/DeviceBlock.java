package dev.weft.cuda.memory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One block from a {@link CachingAllocator}: its device address and size class. {@link #close()} returns it
 * to the allocator's cache (once; later calls do nothing). A block that becomes unreachable without being
 * closed is returned by the allocator's Cleaner, the safety net; closing is the deterministic path.
 */
public final class DeviceBlock implements AutoCloseable {
    private final long address;
    private final long size;
    private final long requested;
    private final Release release;
    private final java.lang.ref.Cleaner.Cleanable cleanable;

    /** The state the Cleaner keeps: it must not reference the block itself. */
    static final class Release implements Runnable {
        private final CachingAllocator owner;
        private final long address;
        private final long size;
        private final AtomicBoolean done = new AtomicBoolean();

        Release(CachingAllocator owner, long address, long size) {
            this.owner = owner;
            this.address = address;
            this.size = size;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) owner.release(address, size);
        }

        boolean done() {
            return done.get();
        }
    }

    DeviceBlock(CachingAllocator owner, long address, long size, long requested, java.lang.ref.Cleaner cleaner) {
        this.address = address;
        this.size = size;
        this.requested = requested;
        this.release = new Release(owner, address, size);
        this.cleanable = cleaner.register(this, release);
    }

    /** {@return the device address} */
    public long address() {
        if (release.done()) throw new IllegalStateException("cuda: device block " + Long.toHexString(address) + " was already released");
        return address;
    }

    /** {@return the block's size class in bytes (>= the request)} */
    public long size() {
        return size;
    }

    /** {@return the bytes asked for} */
    public long requested() {
        return requested;
    }

    /** {@return true once the block went back to the allocator} */
    public boolean released() {
        return release.done();
    }

    /** Returns the block to the allocator's cache (idempotent). */
    @Override
    public void close() {
        cleanable.clean();
    }
}
