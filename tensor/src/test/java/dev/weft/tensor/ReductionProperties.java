package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Reductions over random dim subsets of random (often non-contiguous) inputs against a reference that
 * walks every index explicitly.
 */
class ReductionProperties {

    private record Case(Tensor x, double[] host, int[] shape, int[] dims, boolean keepdim) {}

    private static Case randomCase(long seed) {
        Random rnd = new Random(seed);
        int rank = 1 + rnd.nextInt(4);
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) shape[d] = 1 + rnd.nextInt(5);
        Tensor x = Tensor.randn(new Generator(seed), DType.F64, shape);
        if (rank >= 2 && rnd.nextBoolean()) {
            // a non-contiguous view with the same logical shape: permuted storage, permuted back
            int a = rnd.nextInt(rank), b = rnd.nextInt(rank);
            x = x.transpose(a, b).contiguous().transpose(a, b);
        }
        int[] dims = java.util.stream.IntStream.range(0, rank).filter(d -> rnd.nextBoolean()).toArray();
        if (dims.length == 0) dims = new int[] {rnd.nextInt(rank)};
        return new Case(x, x.toDoubleArray(), shape, dims, rnd.nextBoolean());
    }

    /** reference[outIndex] = fold over the reduced indices, computed by enumeration. */
    private static double[][] groups(Case c) {
        int[] shape = c.shape();
        boolean[] red = new boolean[shape.length];
        for (int d : c.dims()) red[d] = true;
        int outN = 1, rN = 1;
        for (int d = 0; d < shape.length; d++) if (red[d]) rN *= shape[d]; else outN *= shape[d];
        double[][] g = new double[outN][rN];
        int[] fill = new int[outN];
        int[] idx = new int[shape.length];
        for (int i = 0; i < c.host().length; i++) {
            int rem = i;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rem % shape[d];
                rem /= shape[d];
            }
            int o = 0;
            for (int d = 0; d < shape.length; d++) if (!red[d]) o = o * shape[d] + idx[d];
            g[o][fill[o]++] = c.host()[i];
        }
        return g;
    }

    @Property(tries = 120)
    void sumMaxVarLogsumexpMatchEnumeration(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Case c = randomCase(seed);
        double[][] g = groups(c);
        double[] sum = new double[g.length], max = new double[g.length], var = new double[g.length], lse = new double[g.length];
        for (int o = 0; o < g.length; o++) {
            double s = 0, m = Double.NEGATIVE_INFINITY;
            for (double v : g[o]) {
                s += v;
                m = Math.max(m, v);
            }
            double mean = s / g[o].length, ss = 0, e = 0;
            for (double v : g[o]) {
                ss += (v - mean) * (v - mean);
                e += Math.exp(v - m);
            }
            sum[o] = s;
            max[o] = m;
            var[o] = ss / (g[o].length - 1);
            lse[o] = m + Math.log(e);
        }
        String what = Arrays.toString(c.shape()) + " dims " + Arrays.toString(c.dims()) + " keepdim " + c.keepdim();
        Tensor s = c.x().sum(c.dims(), c.keepdim());
        assertEquals(c.shape().length - (c.keepdim() ? 0 : c.dims().length), s.dim(), what);
        assertArrayEquals(sum, s.toDoubleArray(), 1e-12, what);
        assertArrayEquals(max, c.x().amax(c.dims(), c.keepdim()).toDoubleArray(), what);
        if (g[0].length > 1) assertArrayEquals(var, c.x().var(c.dims(), 1, c.keepdim()).toDoubleArray(), 1e-12, what);
        assertArrayEquals(lse, c.x().logsumexp(c.dims(), c.keepdim()).toDoubleArray(), 1e-12, what);
        assertArrayEquals(sum, c.x().to(DType.F32).sum(c.dims(), c.keepdim()).to(DType.F64).toDoubleArray(), 1e-4, what);
    }
}
