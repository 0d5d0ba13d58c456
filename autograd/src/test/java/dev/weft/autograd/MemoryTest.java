package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-step training loop must not grow the heap: used heap after full GCs is measured at step
 * 1,000 and at step 10,000 and may differ by at most 2 MiB (a leak of one saved 16x16 F32 tensor per
 * step would add about 10 MiB). Every step's graph is freed by backward and dropped with the loss.
 */
class MemoryTest {
    static {
        Autograd.install();
    }

    @Test
    void tenThousandTrainingStepsDoNotGrowTheHeap() throws InterruptedException {
        Generator gen = new Generator(5);
        Tensor x = Tensor.randn(gen, 16, 8), target = Tensor.randn(gen, 16, 4);
        Tensor w1 = Tensor.randn(gen, 8, 16).mul(0.3).requiresGrad(true), b1 = Tensor.zeros(16).requiresGrad(true);
        Tensor w2 = Tensor.randn(gen, 16, 4).mul(0.3).requiresGrad(true);
        Tensor[] params = {w1, b1, w2};
        long at1000 = 0;
        double first = 0, last = 0;
        for (int step = 1; step <= 10_000; step++) {
            Tensor loss = x.matmul(w1).add(b1).tanh().matmul(w2).sub(target).square().mean();
            if (step == 1) first = loss.item();
            Autograd.backward(loss);
            try (var s = Autograd.noGrad()) {
                for (Tensor p : params) p.sub_(p.grad().mul(0.05));
            }
            Autograd.zeroGrad(params);
            if (step == 1_000) at1000 = usedHeapAfterGc();
            if (step == 10_000) last = loss.item();
        }
        long at10000 = usedHeapAfterGc();
        assertTrue(last < first, "the loop trains: loss " + first + " -> " + last);
        assertTrue(at10000 - at1000 < 2L << 20, "heap grew from " + at1000 + " to " + at10000 + " bytes");
    }

    static long usedHeapAfterGc() throws InterruptedException {
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
