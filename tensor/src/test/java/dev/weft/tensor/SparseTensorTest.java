package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SparseTensor against dense references: every conversion and op on random COO matrices with duplicates,
 * empty rows and columns, one hub row holding most entries, I32 and I64 indices, F32 and F64 values; and
 * the constructors' errors.
 */
class SparseTensorTest {

    /** A random (rows, cols) COO with duplicates; kind 0 uniform, 1 one hub row, 2 power-law rows. */
    static SparseTensor random(SplittableRandom r, int rows, int cols, int nnz, int kind, DType values, DType index) {
        long[] row = new long[nnz], col = new long[nnz];
        double[] v = new double[nnz];
        for (int p = 0; p < nnz; p++) {
            row[p] = switch (kind) {
                case 1 -> r.nextInt(4) == 0 ? r.nextInt(rows) : rows / 2;
                case 2 -> (long) Math.min(rows - 1, Math.floor(rows * Math.pow(r.nextDouble(), 3)));
                default -> r.nextInt(rows);
            };
            col[p] = r.nextInt(cols);
            v[p] = r.nextDouble(-1, 1);
        }
        return SparseTensor.coo(Tensor.of(row).to(index), Tensor.of(col).to(index), Tensor.of(v).to(values), rows, cols);
    }

    /** The dense matrix by summing the entries one by one (the definition, not toDense). */
    static Tensor dense(SparseTensor s) {
        long[] row = s.rowIndices().toLongArray(), col = s.colIndices().toLongArray();
        double[] v = s.values().toDoubleArray(), d = new double[s.rows() * s.cols()];
        for (int p = 0; p < v.length; p++) d[(int) (row[p] * s.cols() + col[p])] += v[p];
        return Tensor.of(d, s.rows(), s.cols()).to(s.dtype());
    }

    static void close(Tensor want, Tensor got, String what) {
        double tol = want.dtype() == DType.F32 ? 1e-5 : 1e-12;
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        assertTrue(got.allclose(want, tol, tol), () -> what + ": expected " + want + ", got " + got);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void conversionsAgreeWithTheDenseDefinition(int kind) {
        SplittableRandom r = new SplittableRandom(11 + kind);
        for (int t = 0; t < 12; t++) {
            DType vt = t % 2 == 0 ? DType.F64 : DType.F32, it = t % 3 == 0 ? DType.I32 : DType.I64;
            int rows = 1 + r.nextInt(9), cols = 1 + r.nextInt(9);
            SparseTensor s = random(r, rows, cols, r.nextInt(3 * rows + 1), kind, vt, it);
            Tensor d = dense(s);
            close(d, s.toDense(), "to_dense");
            SparseTensor c = s.coalesce();
            assertTrue(c.isCoalesced());
            assertEquals(it, c.indexDtype());
            long[] cr = c.rowIndices().toLongArray(), cc = c.colIndices().toLongArray();
            for (int p = 1; p < cr.length; p++) assertTrue(cr[p - 1] * cols + cc[p - 1] < cr[p] * cols + cc[p], "coalesce: sorted, unique");
            close(d, c.toDense(), "coalesce");
            SparseTensor csr = s.toSparseCsr();
            assertEquals(SparseTensor.Layout.CSR, csr.layout());
            assertEquals(rows + 1, csr.crowIndices().numel());
            close(d, csr.toDense(), "to_sparse_csr");
            close(d, csr.toSparseCoo().toDense(), "to_sparse_coo");
            close(d.t(), csr.t().toDense(), "csr t");
            close(d.t(), s.t().toDense(), "coo t");
            close(d, csr.t().t().toDense(), "t t");
            close(d, SparseTensor.fromDense(d).toDense(), "from_dense");
            close(d, SparseTensor.fromDenseCsr(d).toDense(), "from_dense_csr");
            assertEquals(d.ne(0L).sum().itemLong(), SparseTensor.fromDense(d).nnz());
            close(d, s.withIndexDtype(it == DType.I32 ? DType.I64 : DType.I32).toDense(), "index dtype");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void productsAgreeWithDenseMatmul(int kind) {
        SplittableRandom r = new SplittableRandom(21 + kind);
        for (int t = 0; t < 12; t++) {
            DType vt = t % 2 == 0 ? DType.F64 : DType.F32, it = t % 3 == 0 ? DType.I32 : DType.I64;
            int rows = 1 + r.nextInt(12), cols = 1 + r.nextInt(12), n = 1 + r.nextInt(20);
            SparseTensor s = random(r, rows, cols, r.nextInt(4 * rows + 1), kind, vt, it);
            Tensor d = dense(s);
            Tensor x = Tensor.of(values(r, cols * n), cols, n).to(vt), y = Tensor.of(values(r, n * rows), n, rows).to(vt);
            close(d.matmul(x), s.matmul(x), "coo @ x");
            close(d.matmul(x), s.toSparseCsr().matmul(x), "csr @ x");
            close(d.t().matmul(y.t()), s.toSparseCsr().t().matmul(y.t()), "csr^T @ y^T");
            close(y.matmul(d), Sparse.mm(y, s.toSparseCsr()), "y @ csr");
            close(d.matmul(x.select(1, 0)), s.matmul(x.select(1, 0)), "csr @ vector");
            close(d.matmul(x.t().contiguous().t()), s.matmul(x.t().contiguous().t()), "csr @ column-major x");
            Tensor a = Tensor.of(values(r, rows * n), rows, n).to(vt), b = Tensor.of(values(r, cols * n), cols, n).to(vt);
            Tensor mask = d.ne(0L).to(vt);
            SparseTensor pattern = SparseTensor.fromDenseCsr(mask);
            close(a.matmul(b.t()).mul(mask), pattern.sddmm(a, b).toDense(), "sddmm csr");
            close(a.matmul(b.t()).mul(mask), pattern.toSparseCoo().sddmm(a, b).toDense(), "sddmm coo");
            close(mask.mul(0.5).add(a.matmul(b.t()).mul(mask).mul(2)), pattern.sampledAddmm(a, b.t(), 0.5, 2).toDense(), "sampled_addmm");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void arithmeticSlicingSoftmaxAndSums(int kind) {
        SplittableRandom r = new SplittableRandom(31 + kind);
        for (int t = 0; t < 10; t++) {
            DType vt = t % 2 == 0 ? DType.F64 : DType.F32;
            int rows = 2 + r.nextInt(8), cols = 2 + r.nextInt(8);
            SparseTensor s = random(r, rows, cols, r.nextInt(3 * rows + 1), kind, vt, DType.I64);
            SparseTensor o = random(r, rows, cols, r.nextInt(3 * rows + 1), kind, vt, DType.I64);
            Tensor d = dense(s), e = dense(o);
            close(d.add(e), s.add(o).toDense(), "add");
            close(d.sub(e), s.toSparseCsr().sub(o).toDense(), "csr sub");
            assertEquals(SparseTensor.Layout.CSR, s.toSparseCsr().add(o).layout());
            close(d.mul(-2.5), s.mul(-2.5).toDense(), "mul");
            close(d.mul(3), s.mul(Tensor.of(3.0).to(vt)).toDense(), "mul tensor");
            int a = r.nextInt(rows), len = r.nextInt(rows - a + 1);
            close(d.narrow(0, a, len), s.narrow(0, a, len).toDense(), "narrow rows");
            close(d.narrow(0, a, len), s.toSparseCsr().narrow(0, a, len).toDense(), "csr narrow rows");
            int b = r.nextInt(cols), lenC = r.nextInt(cols - b + 1);
            close(d.narrow(1, b, lenC), s.toSparseCsr().narrow(1, b, lenC).toDense(), "narrow cols");
            close(d.sum(new int[] {1}, false), s.sum(1), "sum rows");
            close(d.sum(new int[] {1}, false), s.toSparseCsr().sum(1), "csr sum rows");
            close(d.sum(new int[] {0}, false), s.sum(0), "sum cols");
            // softmax over stored entries: absent entries are -inf (they take no mass); coalesced first
            SparseTensor c = s.coalesce();
            Tensor present = dense(c.withValues(Tensor.onesLike(c.values()))).ne(0L);
            Tensor logits = dense(c).where(present, Tensor.full(Double.NEGATIVE_INFINITY, vt, rows, cols));
            for (int dim = 0; dim < 2; dim++) {
                Tensor want = logits.softmax(dim).where(present, Tensor.zeros(vt, rows, cols));
                want = want.where(want.ne(want).logicalNot(), Tensor.zeros(vt, rows, cols));
                close(want, s.softmax(dim).toDense(), "softmax dim " + dim);
                close(want, s.toSparseCsr().softmax(dim).toDense(), "csr softmax dim " + dim);
            }
        }
    }

    @Test
    void hybridValuesCarryTrailingDims() {
        Tensor v = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        SparseTensor s = SparseTensor.coo(Tensor.of(new long[][] {{1, 0, 1}, {2, 0, 2}}), v, 2, 3);
        assertArrayEquals(new int[] {2, 3, 2}, s.shape());
        Tensor d = s.toDense();
        assertArrayEquals(new double[] {3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 6, 8}, d.toDoubleArray());
        assertEquals(2, s.coalesce().nnz());
        assertArrayEquals(new double[] {3, 4, 6, 8}, s.coalesce().values().toDoubleArray());
    }

    @Test
    void constructorsRefuseBadStructureWithTheOpAndPosition() {
        Tensor v3 = Tensor.of(1.0, 2.0, 3.0);
        String e1 = assertThrows(IndexOutOfBoundsException.class,
                () -> SparseTensor.coo(Tensor.of(new long[][] {{0, 1, 5}, {0, 0, 0}}), v3, 3, 2)).getMessage();
        assertTrue(e1.contains("sparse_coo_tensor") && e1.contains("row index 5 at entry 2") && e1.contains("[0, 3)"), e1);
        String e2 = assertThrows(IllegalArgumentException.class,
                () -> SparseTensor.csr(Tensor.of(0L, 2L, 1L, 3L), Tensor.of(0L, 1L, 0L), v3, 3, 2)).getMessage();
        assertTrue(e2.contains("sparse_csr_tensor") && e2.contains("decreases at row 1"), e2);
        String e3 = assertThrows(IllegalArgumentException.class,
                () -> SparseTensor.csr(Tensor.of(0L, 1L, 2L), Tensor.of(0L, 1L, 0L), v3, 2, 2)).getMessage();
        assertTrue(e3.contains("ends at 2 but there are 3"), e3);
        String e4 = assertThrows(IndexOutOfBoundsException.class,
                () -> SparseTensor.csr(Tensor.of(0L, 1L, 3L), Tensor.of(0L, 1L, 7L), v3, 2, 2)).getMessage();
        assertTrue(e4.contains("col index 7 at entry 2"), e4);
        String e5 = assertThrows(IllegalArgumentException.class,
                () -> SparseTensor.coo(Tensor.of(new long[][] {{0, 1}, {0, 0}}), v3, 3, 2)).getMessage();
        assertTrue(e5.contains("one row per nonzero (2)"), e5);
        String e6 = assertThrows(IllegalArgumentException.class,
                () -> SparseTensor.coo(Tensor.of(new long[][] {{0, 1, 2}, {0, 0, 0}}), v3, 3, 2).matmul(Tensor.zeros(DType.F64, 3, 4))).getMessage();
        assertTrue(e6.contains("spmm: sparse (3, 2) @ dense (3, 4)"), e6);
    }

    @Test
    void primitivesCheckIndicesBeforeWriting() {
        Tensor rowPtr = Tensor.of(0L, 2L, 3L), col = Tensor.of(0L, 9L, 1L), v = Tensor.of(1.0, 2.0, 3.0), x = Tensor.ones(DType.F64, 2, 2);
        String e = assertThrows(IndexOutOfBoundsException.class, () -> Sparse.spmm(rowPtr, col, v, 2, x, null)).getMessage();
        assertTrue(e.contains("spmm") && e.contains("column index 9 at nonzero 1"), e);
        String big = assertThrows(IndexOutOfBoundsException.class,
                () -> Sparse.spmm(rowPtr, Tensor.of(0L, 1L << 33, 1L), v, 2, x, null)).getMessage();
        assertTrue(big.contains("col[1] = 8589934592 does not fit in 32 bits"), big);
        String seg = assertThrows(IllegalArgumentException.class, () -> Segments.segment(Tensor.ones(DType.F64, 4), rowPtr, "sum")).getMessage();
        assertTrue(seg.contains("segment_sum: rowPtr ends at 3 but x has 4 rows"), seg);
        String red = assertThrows(IllegalArgumentException.class, () -> Segments.segment(Tensor.ones(DType.F64, 3), rowPtr, "prod")).getMessage();
        assertTrue(red.contains("sum, mean, max, min"), red);
        String shape = assertThrows(IllegalArgumentException.class, () -> Sparse.spmm(rowPtr, col, v, 3, x, null)).getMessage();
        assertTrue(shape.contains("x must be 2-d (3, n)"), shape);
    }

    static double[] values(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
        return v;
    }
}
