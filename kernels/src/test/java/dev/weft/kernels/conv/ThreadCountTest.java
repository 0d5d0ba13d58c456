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

    /**
     * LeNet's pooling and conv2 input-gradient shapes, where the SIMD kernels store whole vectors whose last lanes
     * land on the next rows of the same channel: channels split over 3 threads give the 1-thread bits, and the
     * scalar kernel's (pooling) or the unfused path's (input gradient, ConvFusedTest) values.
     */
    @Test
    void wholeVectorStoresStayInsideEachTasksChannels() {
        Random rnd = new Random(4);
        int[][] pools = {{7, 28, 28}, {9, 10, 10}, {5, 6, 6}};
        for (int[] p : pools) {
            int C = p[0], H = p[1], W = p[2], n = C * (H / 2) * (W / 2);
            float[] x = ConvTestSupport.floats(rnd, C * H * W);
            for (KernelImpl impl : KernelImpl.values()) {
                IntFunction<Object[]> run = t -> onThreads(t, () -> ConvTestSupport.with(impl, () -> {
                    float[] y = new float[n];
                    long[] idx = new long[n];
                    Pool.maxPool2d(x, 0, C, H, W, 2, 2, 2, 2, 0, 0, 1, 1, false, y, 0, idx, 0);
                    return new Object[] {y, idx};
                }));
                Object[] one = run.apply(1), three = run.apply(3);
                assertArrayEquals((float[]) one[0], (float[]) three[0], impl + " max " + java.util.Arrays.toString(p));
                assertArrayEquals((long[]) one[1], (long[]) three[1], impl + " argmax " + java.util.Arrays.toString(p));
            }
        }
        int B = 5, C = 6, H = 14, W = 14, co = 16, K = C * 25, L = 100;
        float[] gy = ConvTestSupport.floats(rnd, B * co * L), w = ConvTestSupport.floats(rnd, co * K);
        for (KernelImpl impl : KernelImpl.values()) {
            IntFunction<float[]> run = t -> onThreads(t, () -> ConvTestSupport.with(impl, () -> {
                float[] gx = new float[B * C * H * W];
                ConvFused.inputGrad(gy, 0, w, 0, B, C, H, W, 1, co, 5, 5, 1, 1, 0, 0, 1, 1, gx, 0);
                return gx;
            }));
            assertArrayEquals(run.apply(1), run.apply(3), impl + " conv2d input gradient");
        }
    }
}
