package dev.weft.bench.autograd;

import dev.weft.autograd.Autograd;
import dev.weft.bench.Stats;
import dev.weft.tensor.Tensor;

/**
 * Per-op cost of recording and differentiating an add of two 4-element F32 tensors. Each measurement
 * runs n ops; at least 3 s of the same work precede the timed rounds (JIT), the median round is reported.
 */
final class TinyOps {
    private TinyOps() {}

    /** y = x; n times y = y + b; backward(y, ones): µs per add (forward + its share of backward): {median, min}. */
    static double[] chain(int n, int rounds) {
        Tensor x = Tensor.of(1f, 2f, 3f, 4f).requiresGrad(true), b = Tensor.of(0.5f, 0.5f, 0.5f, 0.5f).requiresGrad(true);
        Tensor seed = Tensor.ones(4);
        Runnable r = () -> {
            Tensor y = x;
            for (int i = 0; i < n; i++) y = y.add(b);
            Autograd.backward(y, seed);
            Autograd.zeroGrad(x, b);
        };
        return time(r, n, rounds);
    }

    /** n times: y = a + b; backward(y, ones); zero grads: µs per op, {median, min}. */
    static double[] steps(int n, int rounds) {
        Tensor a = Tensor.of(1f, 2f, 3f, 4f).requiresGrad(true), b = Tensor.of(0.5f, 0.5f, 0.5f, 0.5f).requiresGrad(true);
        Tensor seed = Tensor.ones(4);
        Runnable r = () -> {
            for (int i = 0; i < n; i++) {
                Autograd.backward(a.add(b), seed);
                Autograd.zeroGrad(a, b);
            }
        };
        return time(r, n, rounds);
    }

    /** The add alone on tensors that do not require grad: the op layer's own cost, {median, min}. */
    static double[] noTape(int n, int rounds) {
        Tensor a = Tensor.of(1f, 2f, 3f, 4f), b = Tensor.of(0.5f, 0.5f, 0.5f, 0.5f);
        Tensor[] sink = new Tensor[1];
        Runnable r = () -> {
            Tensor y = a;
            for (int i = 0; i < n; i++) y = y.add(b);
            sink[0] = y;
        };
        return time(r, n, rounds);
    }

    /** {median, min} µs per op over the timed rounds. */
    static double[] time(Runnable r, int n, int rounds) {
        // a long warm-up: the JIT needs many calls on a loaded 2-core machine before timings settle
        long t0 = System.nanoTime();
        int warm = 0;
        while (warm < 30 || System.nanoTime() - t0 < 3_000_000_000L) {
            r.run();
            warm++;
        }
        double[] us = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long a = System.nanoTime();
            r.run();
            us[i] = (System.nanoTime() - a) / 1e3 / n;
        }
        return new double[] {Stats.median(us), java.util.Arrays.stream(us).min().orElseThrow()};
    }
}
