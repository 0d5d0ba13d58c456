package dev.weft.kernels.conv;

import dev.weft.kernels.KernelImpl;
import java.util.Random;
import java.util.function.Supplier;

/** Shared helpers of the conv tests: seeded arrays, running under a chosen kernel implementation. */
final class ConvTestSupport {
    private ConvTestSupport() {}

    static double[] doubles(Random rnd, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = rnd.nextDouble() * 2 - 1;
        return a;
    }

    static float[] floats(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = rnd.nextFloat() * 2 - 1;
        return a;
    }

    static <T> T with(KernelImpl impl, Supplier<T> body) {
        KernelImpl old = KernelImpl.current();
        KernelImpl.set(impl);
        try {
            return body.get();
        } finally {
            KernelImpl.set(old);
        }
    }

    static void with(KernelImpl impl, Runnable body) {
        with(impl, () -> {
            body.run();
            return null;
        });
    }
}
