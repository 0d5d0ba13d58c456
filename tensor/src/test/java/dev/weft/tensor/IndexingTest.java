package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static dev.weft.tensor.JoiningTest.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Golden values (PyTorch's documented examples) and error messages of Indexing. */
class IndexingTest {

    static void outOfRange(String expected, Executable call) {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage() + "\" lacks \"" + expected + "\"");
    }

    @Test
    void gatherAndIndexSelect() {
        Tensor t = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new float[] {1, 1, 4, 3}, t.gather(1, Tensor.of(new long[][] {{0, 0}, {1, 0}})).toFloatArray());
        // an index smaller than the input in the other dim, given as I32
        assertArrayEquals(new float[] {3}, t.gather(0, Tensor.of(new int[][] {{1}})).toFloatArray());
        Tensor x = JoiningTest.range(DType.F64, 3, 4);
        Tensor s = x.indexSelect(1, Tensor.of(0L, 2L, 2L));
        assertArrayEquals(new double[] {0, 2, 2, 4, 6, 6, 8, 10, 10}, s.toDoubleArray());
        assertArrayEquals(new double[] {8, 9, 10, 11, 0, 1, 2, 3}, x.indexSelect(0, Tensor.of(2, 0)).toDoubleArray());
        assertArrayEquals(new boolean[] {true, false}, Tensor.of(false, true).indexSelect(0, Tensor.of(1L, 0L)).toBooleanArray());
    }

    @Test
    void scatterFamily() {
        Tensor src = JoiningTest.range(DType.F32, 2, 5).add(1.0);
        Tensor a = Tensor.zeros(3, 5).scatter(0, Tensor.of(new long[][] {{0, 1, 2, 0}}), src);
        assertArrayEquals(new float[] {1, 0, 0, 4, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0}, a.toFloatArray());
        Tensor b = Tensor.zeros(3, 5).scatter(1, Tensor.of(new long[][] {{0, 1, 2}, {0, 1, 4}}), src);
        assertArrayEquals(new float[] {1, 2, 3, 0, 0, 6, 7, 0, 0, 8, 0, 0, 0, 0, 0}, b.toFloatArray());
        Tensor c = Tensor.full(2, 2, 4).scatter(1, Tensor.of(new long[][] {{2}, {3}}), 1.23);
        assertArrayEquals(new float[] {2, 2, 1.23f, 2, 2, 2, 2, 1.23f}, c.toFloatArray());

        Tensor ones = Tensor.ones(2, 5);
        Tensor sa = Tensor.zeros(3, 5).scatterAdd(0, Tensor.of(new long[][] {{0, 1, 2, 0, 0}, {0, 1, 2, 2, 2}}), ones);
        assertArrayEquals(new float[] {2, 0, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0, 2, 1, 1}, sa.toFloatArray());

        Tensor in = Tensor.of(1.0, 2.0, 3.0, 4.0), s6 = Tensor.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        Tensor idx = Tensor.of(0L, 1L, 0L, 1L, 2L, 1L);
        assertArrayEquals(new double[] {5, 14, 8, 4}, in.scatterReduce(0, idx, s6, "sum", true).toDoubleArray());
        assertArrayEquals(new double[] {3, 6, 5, 4}, in.scatterReduce(0, idx, s6, "amax", false).toDoubleArray());
        assertArrayEquals(new double[] {5.0 / 3, 14.0 / 4, 4, 4}, in.scatterReduce(0, idx, s6, "mean", true).toDoubleArray(), 1e-15);
        // integers: exact, floor division for mean
        Tensor il = Tensor.of(1L, 2L, 3L, 4L), sl = Tensor.of(1L, 2L, 3L, 4L, 5L, 6L);
        assertArrayEquals(new long[] {5, 14, 8, 4}, il.scatterReduce(0, idx, sl, "sum", true).toLongArray());
        assertArrayEquals(new long[] {3, 48, 5, 4}, il.scatterReduce(0, idx, sl, "prod", false).toLongArray());
        assertArrayEquals(new long[] {1, 3, 4, 4}, il.scatterReduce(0, idx, sl, "mean", true).toLongArray());
        assertArrayEquals(new int[] {5, 14, 8, 4}, il.to(DType.I32).scatterAdd(0, idx, sl.to(DType.I32)).toIntArray());
        // self is not modified
        assertArrayEquals(new double[] {1, 2, 3, 4}, in.toDoubleArray());
    }

    @Test
    void indexAdd() {
        Tensor x = Tensor.ones(5, 3), t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Tensor idx = Tensor.of(0L, 4L, 2L);
        assertArrayEquals(new float[] {2, 3, 4, 1, 1, 1, 8, 9, 10, 1, 1, 1, 5, 6, 7}, x.indexAdd(0, idx, t).toFloatArray());
        assertArrayEquals(new float[] {0, -1, -2, 1, 1, 1, -6, -7, -8, 1, 1, 1, -3, -4, -5}, x.indexAdd(0, idx, t, -1).toFloatArray());
        Tensor xi = Tensor.ones(DType.I64, 2, 3);
        assertArrayEquals(new long[] {1, 7, 1, 1, 11, 1}, xi.indexAdd(1, Tensor.of(1L, 1L), Tensor.of(new long[][] {{1, 2}, {3, 2}}), 2).toLongArray());
    }

    @Test
    void masksNonzeroAndIndex() {
        Tensor x = JoiningTest.range(DType.F32, 2, 3);
        Tensor mask = Tensor.of(new boolean[][] {{true, false, true}});
        assertArrayEquals(new float[] {-1, 1, -1, -1, 4, -1}, x.maskedFill(mask, -1).toFloatArray());
        assertArrayEquals(new float[] {0, 2, 3, 5}, x.maskedSelect(mask).toFloatArray());
        assertArrayEquals(new float[] {}, x.maskedSelect(Tensor.of(false, false, false)).toFloatArray());
        Tensor d = Tensor.of(new double[][] {{0.6, 0, 0, 0}, {0, 0.4, 0, 0}, {0, 0, 1.2, 0}, {0, 0, 0, -0.4}});
        Tensor nz = d.nonzero();
        assertArrayEquals(new int[] {4, 2}, nz.shape());
        assertArrayEquals(new long[] {0, 0, 1, 1, 2, 2, 3, 3}, nz.toLongArray());
        assertArrayEquals(new long[] {1, 3}, Tensor.of(0L, 5L, 0L, -1L).nonzero().reshape(-1).toLongArray());
        assertArrayEquals(new int[] {0, 1}, Tensor.zeros(3).nonzero().shape());

        Tensor picked = x.index(Tensor.of(new long[][] {{1, -2}, {-1, 0}}));
        assertArrayEquals(new int[] {2, 2, 3}, picked.shape());
        assertArrayEquals(new float[] {3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2}, picked.toFloatArray());
        assertArrayEquals(new float[] {3, 4, 5}, x.index(Tensor.of(false, true)).reshape(-1).toFloatArray());
        assertArrayEquals(new float[] {1, 5}, x.index(Tensor.of(new boolean[][] {{false, true, false}, {false, false, true}})).toFloatArray());
    }

    @Test
    void errorsNameOpDimShapesAndIndex() {
        Tensor x = Tensor.zeros(4, 5);
        error("gather: index (2,) vs input (4, 5): index must have rank 2, got 1", () -> x.gather(1, Tensor.of(0L, 1L)));
        error("gather: index (2, 7) vs input (4, 5): index size 7 in dim 1 exceeds input's 5 (only dim 0 may be larger)",
                () -> x.gather(0, Tensor.zeros(DType.I64, 2, 7)));
        error("gather: index (2, 3) vs input (4, 5): index must be i64, got f32", () -> x.gather(1, Tensor.zeros(2, 3)));
        error("gather: dim 2 out of range for rank 2", () -> x.gather(2, Tensor.zeros(DType.I64, 2, 3)));
        outOfRange("gather: index (2, 2) vs input (4, 5): index 5 at (1, 0) is out of range for dim 1 of size 5",
                () -> x.gather(1, Tensor.of(new long[][] {{0, 1}, {5, 0}})));
        outOfRange("index_select: input (4, 5), index (2,): index -1 at (1,) is out of range for dim 0 of size 4",
                () -> x.indexSelect(0, Tensor.of(0L, -1L)));
        error("index_select: input (4, 5), index (1, 1): index must be 1-d", () -> x.indexSelect(0, Tensor.zeros(DType.I64, 1, 1)));
        error("scatter: self (4, 5), index (2, 2), src (4, 5): self dtype f32 and src dtype i64 differ",
                () -> x.scatter(0, Tensor.zeros(DType.I64, 2, 2), Tensor.zeros(DType.I64, 4, 5)));
        error("scatter: self (4, 5), index (2, 6), src (2, 6): index size 6 in dim 1 exceeds self's 5 (only dim 0 may be larger)",
                () -> x.scatter(0, Tensor.zeros(DType.I64, 2, 6), Tensor.zeros(2, 6)));
        error("scatter: self (4, 5), index (2, 2), src (1, 5): index size 2 in dim 0 exceeds src's 1",
                () -> x.scatter(1, Tensor.zeros(DType.I64, 2, 2), Tensor.zeros(1, 5)));
        outOfRange("scatter_add: self (4, 5), index (1, 2), src (1, 2): index 4 at (0, 1) is out of range for dim 0 of size 4",
                () -> x.scatterAdd(0, Tensor.of(new long[][] {{0, 4}}), Tensor.zeros(1, 2)));
        error("scatter_reduce: reduce must be one of sum, prod, mean, amax, amin, got \"max\"",
                () -> x.scatterReduce(0, Tensor.zeros(DType.I64, 1, 1), Tensor.zeros(1, 1), "max", true));
        error("scatter_reduce: self (2,), index (1,), src (1,): bool tensors are not supported",
                () -> Tensor.of(true, false).scatterReduce(0, Tensor.of(0L), Tensor.of(true), "sum", true));
        error("index_add: self (4, 5), index (2,), source (3, 5): source must have shape (2, 5)",
                () -> x.indexAdd(0, Tensor.of(0L, 1L), Tensor.zeros(3, 5)));
        error("index_add: self (2,), index (1,), source (1,): alpha 0.5 must be integral for i64 tensors",
                () -> Tensor.of(1L, 2L).indexAdd(0, Tensor.of(0L), Tensor.of(1L), 0.5));
        outOfRange("index_add: self (4, 5), index (1,), source (1, 5): index 9 at (0,) is out of range for dim 0 of size 4",
                () -> x.indexAdd(0, Tensor.of(9L), Tensor.zeros(1, 5)));
        error("masked_fill: input (4, 5), mask (5,): mask must be bool, got f32", () -> x.maskedFill(Tensor.zeros(5), 1));
        error("masked_fill: mask (2, 5) does not broadcast to input (4, 5)", () -> x.maskedFill(Tensor.zeros(DType.BOOL, 2, 5), 1));
        error("masked_select: shapes (4, 5) and (3,) cannot broadcast", () -> x.maskedSelect(Tensor.zeros(DType.BOOL, 3)));
        outOfRange("index: input (4, 5), index (2,): index -5 is out of range for dim 0 of size 4", () -> x.index(Tensor.of(0L, -5L)));
        error("index: mask (5,) must match the leading dims of input (4, 5)", () -> x.index(Tensor.zeros(DType.BOOL, 5)));
        error("index: input (4, 5), index (1,): index must be i64, i32 or bool, got f32", () -> x.index(Tensor.zeros(1)));
        assertEquals(0, x.nonzero().size(0));
    }
}
