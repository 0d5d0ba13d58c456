package dev.weft.tensor;

import dev.weft.kernels.Parallel;
import dev.weft.tensor.core.DType;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segments against dense references: scatter over an unsorted index equals torch's scatter_reduce (include_self
 * false into zeros) for sum, mean, max, min, with max/min arg rows pointing at the winning value (src.size(0) where
 * nothing lands); the segment forms equal the scatter forms on the sorted index; softmax sums to 1 per group;
 * std equals the two-pass definition.
 */
class SegmentsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void scatterEqualsScatterReduceAndSegmentsAgree(int seed) {
        SplittableRandom r = new SplittableRandom(40 + seed);
        for (int t = 0; t < 15; t++) {
            DType vt = t % 2 == 0 ? DType.F64 : DType.F32;
            int n = r.nextInt(30), f = 1 + r.nextInt(4), dim = 1 + r.nextInt(8);
            long[] idx = new long[n];
            for (int i = 0; i < n; i++) idx[i] = seed == 1 ? (r.nextInt(3) == 0 ? r.nextInt(dim) : 0) : r.nextInt(dim);
            Tensor src = Tensor.of(SparseTensorTest.values(r, n * f), n, f).to(vt), index = Tensor.of(idx);
            Tensor expanded = index.unsqueeze(1).expand(n, f).contiguous();
            for (String[] red : new String[][] {{"sum", "sum"}, {"mean", "mean"}, {"max", "amax"}, {"min", "amin"}}) {
                Tensor want = Tensor.zeros(vt, dim, f).scatterReduce(0, expanded, src, red[1], false);
                Tensor got = Segments.scatter(src, index, dim, red[0]);
                SparseTensorTest.close(want, got, "scatter " + red[0]);
            }
            ValuesIndices mx = Segments.scatterMax(src, index, dim), mn = Segments.scatterMin(src, index, dim);
            long[] am = mx.indices().toLongArray(), an = mn.indices().toLongArray();
            double[] s = src.toDoubleArray(), vm = mx.values().toDoubleArray(), vn = mn.values().toDoubleArray();
            for (int i = 0; i < dim; i++) {
                boolean empty = true;
                for (long x : idx) empty &= x != i;
                for (int j = 0; j < f; j++) {
                    int k = i * f + j;
                    if (empty) {
                        assertEquals(n, am[k]);
                        assertEquals(n, an[k]);
                    } else {
                        assertEquals(i, idx[(int) am[k]], "arg row lies in the group");
                        assertEquals(vm[k], s[(int) am[k] * f + j]);
                        assertEquals(vn[k], s[(int) an[k] * f + j]);
                    }
                }
            }
            // the segment form on the sorted index
            Tensor order = Tensor.of(idx).argsort(0, false);
            long[] sorted = index.indexSelect(0, order).toLongArray();
            Tensor ptr = Segments.rowPointers(Tensor.of(sorted), dim), ss = src.indexSelect(0, order);
            SparseTensorTest.close(Segments.scatter(src, index, dim, "sum"), Segments.segment(ss, ptr, "sum"), "segment sum");
            assertArrayEquals(sorted, Segments.rowIndex(ptr).toLongArray(), "ptr2ind inverts ind2ptr");
            // softmax: each non-empty group sums to 1 per column
            Tensor sm = Segments.scatterSoftmax(src, index, dim);
            Tensor groupSums = Segments.scatter(sm, index, dim, "sum");
            Tensor counts = Segments.scatter(Tensor.onesLike(src), index, dim, "sum");
            SparseTensorTest.close(counts.clampMax(1), groupSums, "softmax sums");
            // std: the two-pass definition, unbiased
            Tensor mean = Segments.scatter(src, index, dim, "mean");
            Tensor dev = src.sub(mean.indexSelect(0, index));
            Tensor want = Segments.scatter(dev.square(), index, dim, "sum").div(counts.sub(1).clampMin(1).add(1e-6)).sqrt();
            SparseTensorTest.close(want, Segments.scatterStd(src, index, dim, true), "std");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void scatterBitsDoNotDependOnTheThreadCount(int threads) {
        SplittableRandom r = new SplittableRandom(5);
        int n = 200_000, dim = 3_000;
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) idx[i] = (long) (dim * Math.pow(r.nextDouble(), 2));
        Tensor src = Tensor.of(SparseTensorTest.values(r, n * 4), n, 4).to(DType.F32), index = Tensor.of(idx);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Tensor one = Segments.scatter(src, index, dim, "sum");
            Tensor oneMax = Segments.scatterMax(src, index, dim).values();
            Parallel.setThreads(threads);
            assertTrue(one.equal(Segments.scatter(src, index, dim, "sum")), "same bits with " + threads + " threads");
            assertTrue(oneMax.equal(Segments.scatterMax(src, index, dim).values()), "same max with " + threads + " threads");
        } finally {
            Parallel.setThreads(before);
        }
    }
}
