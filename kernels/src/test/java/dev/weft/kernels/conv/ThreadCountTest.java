package dev.weft.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The conv kernels give the same bits on 1 and on 3 threads (fixed work split, one writer per output). */
class ThreadCountTest {
    static <T> T onThreads(int n, java.util.function.Supplier<T> body) {
        int old = Parallel.threads();
        Parallel.setThreads(n);
        try {
            return body.get();
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void sameBitsOnOneAndThreeThreads() {
        Random rnd = new Random(3);
        int C = 13, H = 17, W = 23;
        float[] x = ConvTestSupport.floats(rnd, C * H * W);
        int oh = Im2col.outSize(H, 3, 1, 1, 1), ow = Im2col.outSize(W, 3, 1, 1, 1);
        float[] col = ConvTestSupport.floats(rnd, C * 9 * oh * ow);
        for (KernelImpl impl : KernelImpl.values()) {
            IntFunction<float[][]> run = t -> onThreads(t, () -> ConvTestSupport.with(impl, () -> {
                float[] c = new float[C * 9 * oh * ow], back = new float[C * H * W], y = new float[C * oh * ow];
                float[] gx = new float[C * H * W];
                long[] idx = new long[C * oh * ow];
                Im2col.im2col(x, 0, C, H, W, 3, 3, 1, 1, 1, 1, 1, 1, c, 0);
                Im2col.col2im(col, 0, C, H, W, 3, 3, 1, 1, 1, 1, 1, 1, back, 0);
                Pool.maxPool2d(x, 0, C, H, W, 3, 3, 1, 1, 1, 1, 1, 1, false, y, 0, idx, 0);
                Pool.avgPool2dBackward(y, 0, C, H, W, 3, 3, 1, 1, 1, 1, false, true, gx, 0);
                return new float[][] {c, back, y, gx};
            }));
            float[][] one = run.apply(1), three = run.apply(3);
            for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], three[i], impl + " output " + i);
        }
    }
}
