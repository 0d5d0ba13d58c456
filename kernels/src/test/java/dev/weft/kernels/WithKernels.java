package dev.weft.kernels;

import java.util.function.Supplier;

/** Runs a test body under one kernel implementation and pool size, restoring both afterwards. */
public final class WithKernels {
    private WithKernels() {}

    public static <T> T run(KernelImpl impl, int threads, Supplier<T> body) {
        KernelImpl oldImpl = KernelImpl.current();
        int oldThreads = Parallel.threads();
        KernelImpl.set(impl);
        Parallel.setThreads(threads);
        try {
            return body.get();
        } finally {
            Parallel.setThreads(oldThreads);
            KernelImpl.set(oldImpl);
        }
    }
}
