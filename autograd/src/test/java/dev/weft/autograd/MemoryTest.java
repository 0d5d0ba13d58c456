package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-step training loop must not grow the heap. Two checks: the graphs of the first 100 steps
 * (weakly referenced losses) are garbage once the loop is past them, and used heap after full GCs does
 * not climb steadily: keeping one saved (64, 64) F32 activation per step would add about 70 MiB in each
 * half of steps 1,000..10,000, so growth over 8 MiB in both halves (or over 64 MiB in all) fails. A
 * single jump in one half is the JVM's own jitter (other tests' pools, lazily grown buffers), not a leak.
 */
class MemoryTest {
    static {
        Autograd.install();
    }

    @Test
    void tenThousandTrainingStepsDoNotGrowTheHeap() throws InterruptedException {
        Generator gen = new Generator(5);
        Tensor x = Tensor.randn(gen, 64, 32), target = Tensor.randn(gen, 64, 8);
        Tensor w1 = Tensor.randn(gen, 32, 64).mul(0.15).requiresGrad(true), b1 = Tensor.zeros(64).requiresGrad(true);
        Tensor w2 = Tensor.randn(gen, 64, 8).mul(0.1).requiresGrad(true);
        Tensor[] params = {w1, b1, w2};
        List<WeakReference<Tensor>> early = new ArrayList<>();
        long at1000 = 0, at5500 = 0;
        double first = 0, last = 0;
        for (int step = 1; step <= 10_000; step++) {
            Tensor loss = x.matmul(w1).add(b1).tanh().matmul(w2).sub(target).square().mean();
            if (step <= 100) early.add(new WeakReference<>(loss));
            if (step == 1) first = loss.item();
            Autograd.backward(loss);
            try (var s = Autograd.noGrad()) {
                for (Tensor p : params) p.sub_(p.grad().mul(0.05));
            }
            Autograd.zeroGrad(params);
            if (step == 1_000) at1000 = usedHeapAfterGc();
            if (step == 5_500) at5500 = usedHeapAfterGc();
            if (step == 10_000) last = loss.item();
        }
        long at10000 = usedHeapAfterGc();
        assertTrue(last < first, "the loop trains: loss " + first + " -> " + last);
        for (WeakReference<Tensor> r : early) assertNull(r.get(), "the graph of an early step is still reachable");
        String trace = "used heap after GC at steps 1,000 / 5,500 / 10,000: " + at1000 + " / " + at5500 + " / " + at10000 + " bytes";
        boolean climbs = at5500 - at1000 > 8L << 20 && at10000 - at5500 > 8L << 20;
        assertFalse(climbs, "the heap climbs steadily: " + trace);
        assertTrue(at10000 - at1000 < 64L << 20, "the heap grew by more than 64 MiB: " + trace);
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
