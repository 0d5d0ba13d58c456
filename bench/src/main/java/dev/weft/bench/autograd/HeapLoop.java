package dev.weft.bench.autograd;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * A small MLP trained for a number of SGD steps (forward, backward, update in noGrad, zero grads);
 * used heap after full GCs is measured at step 1,000 and at the last step: the tape frees each step's
 * graph, so the two should agree to within GC noise.
 */
final class HeapLoop {
    private HeapLoop() {}

    /** {used heap at step 1,000, used heap at the last step}, in bytes. */
    static long[] run(int steps) throws InterruptedException {
        Generator g = new Generator(5);
        Tensor x = Tensor.randn(g, 16, 8), target = Tensor.randn(g, 16, 4);
        Tensor w1 = Tensor.randn(g, 8, 16).mul(0.3).requiresGrad(true), b1 = Tensor.zeros(16).requiresGrad(true);
        Tensor w2 = Tensor.randn(g, 16, 4).mul(0.3).requiresGrad(true);
        Tensor[] params = {w1, b1, w2};
        long[] heap = new long[2];
        for (int step = 1; step <= steps; step++) {
            Tensor loss = x.matmul(w1).add(b1).tanh().matmul(w2).sub(target).square().mean();
            Autograd.backward(loss);
            try (var s = Autograd.noGrad()) {
                for (Tensor p : params) p.sub_(p.grad().mul(0.05));
            }
            Autograd.zeroGrad(params);
            if (step == 1_000) heap[0] = used();
        }
        heap[1] = used();
        return heap;
    }

    private static long used() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(10);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }
}
