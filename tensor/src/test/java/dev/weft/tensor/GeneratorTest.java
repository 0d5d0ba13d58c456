package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.kernels.random.Philox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.Parallel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    @Test
    void philoxKnownAnswer() {
        // Random123 known-answer vector for Philox4x32-10 with counter = 0 and key = 0.
        int[] w = new int[4];
        Philox.block(0, 0, w);
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, w);
    }

    @Test
    void sameSeedSameBits() {
        float[] a = Tensor.rand(new Generator(42), 1000).toFloatArray();
        float[] b = Tensor.rand(new Generator(42), 1000).toFloatArray();
        assertArrayEquals(a, b);
        float[] c = Tensor.rand(new Generator(43), 1000).toFloatArray();
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void consecutiveDrawsAndSplitStreamsDiffer() {
        Generator g = new Generator(7);
        float[] a = Tensor.randn(g, 64).toFloatArray();
        float[] b = Tensor.randn(g, 64).toFloatArray();
        assertFalse(Arrays.equals(a, b));
        Generator s1 = new Generator(7).split(), s2 = new Generator(7).split();
        assertArrayEquals(Tensor.rand(s1, 32).toFloatArray(), Tensor.rand(s2, 32).toFloatArray());
        Generator p = new Generator(7);
        Generator q1 = p.split(), q2 = p.split();
        assertFalse(Arrays.equals(Tensor.rand(q1, 32).toFloatArray(), Tensor.rand(q2, 32).toFloatArray()));
    }

    @Test
    void parallelFillEqualsSingleThread() {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            double[] one = Tensor.randn(new Generator(3), DType.F64, 300_001).toDoubleArray();
            float[] oneF = Tensor.rand(new Generator(3), 200_003).toFloatArray();
            Parallel.setThreads(2);
            assertArrayEquals(one, Tensor.randn(new Generator(3), DType.F64, 300_001).toDoubleArray());
            assertArrayEquals(oneF, Tensor.rand(new Generator(3), 200_003).toFloatArray());
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void distributionsLookRight() {
        Generator g = new Generator(11);
        double[] u = Tensor.uniform(g, -2, 3, 20_000).to(DType.F64).toDoubleArray();
        double mean = Arrays.stream(u).average().orElseThrow();
        assertTrue(Math.abs(mean - 0.5) < 0.05, "uniform mean " + mean);
        assertTrue(Arrays.stream(u).allMatch(v -> v >= -2 && v < 3));
        double[] n = Tensor.normal(g, 1, 2, 20_000).to(DType.F64).toDoubleArray();
        double m = Arrays.stream(n).average().orElseThrow();
        double var = Arrays.stream(n).map(v -> (v - m) * (v - m)).sum() / (n.length - 1);
        assertTrue(Math.abs(m - 1) < 0.06 && Math.abs(var - 4) < 0.2, "normal mean " + m + " var " + var);
        long[] r = Tensor.randint(g, -3, 4, 5000).toLongArray();
        assertTrue(Arrays.stream(r).allMatch(v -> v >= -3 && v < 4));
        assertEquals(7, Arrays.stream(r).distinct().count());
        double[] b = Tensor.bernoulli(g, 0.25, 20_000).to(DType.F64).toDoubleArray();
        double pb = Arrays.stream(b).average().orElseThrow();
        assertTrue(Math.abs(pb - 0.25) < 0.02, "bernoulli p " + pb);
        long[] perm = Tensor.randperm(g, 50).toLongArray();
        long[] sorted = perm.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) assertEquals(i, sorted[i]);
        assertFalse(Arrays.equals(perm, sorted));
    }
}
