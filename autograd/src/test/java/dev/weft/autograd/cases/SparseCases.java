package dev.weft.autograd.cases;

import dev.weft.autograd.Gen;
import dev.weft.tensor.Segments;
import dev.weft.tensor.Sparse;
import dev.weft.tensor.SparseStructure;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.List;

/**
 * Gradcheck cases of the Sparse family (spmm, sddmm, segment reductions) and of what is composed from it:
 * SparseTensor products, conversions, softmax and sums, segment softmax/std and scatter over an unsorted
 * index. Random CSR structures have empty rows and duplicate columns; the structure rides along as inputs
 * that do not require grad (I64, or I32 where a case says so), the sizes as 0-d I64 tensors.
 */
public final class SparseCases {
    private SparseCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        // inputs: values (nnz), x (cols, n), rowPtr, col, cols
        add.add("spmm", true, g -> {
            Tensor[] s = csr(g, g.nextInt(1, 5), g.nextInt(1, 5), g.coin() ? DType.I64 : DType.I32);
            int cols = (int) s[2].itemLong();
            return new Tensor[] {g.leaf(new int[] {s[1].size(0)}, -1, 1), g.leaf(new int[] {cols, g.nextInt(1, 4)}, -1, 1), s[0], s[1], s[2]};
        }, x -> Sparse.spmm(x[2], x[3], x[0], (int) x[4].itemLong(), x[1], null));
        add.add("spmm_with_transpose", true, g -> {
            Tensor[] s = csr(g, g.nextInt(1, 5), g.nextInt(1, 5), DType.I64);
            int cols = (int) s[2].itemLong();
            return new Tensor[] {g.leaf(new int[] {s[1].size(0)}, -1, 1), g.leaf(new int[] {cols, g.nextInt(1, 4)}, -1, 1), s[0], s[1], s[2]};
        }, x -> {
            int cols = (int) x[4].itemLong();
            return Sparse.spmm(x[2], x[3], x[0], cols, x[1], SparseStructure.transpose(x[2], x[3], cols));
        });
        // inputs: a (m, n), b (cols, n), rowPtr, col, cols
        add.add("sddmm", true, g -> {
            int m = g.nextInt(1, 5), n = g.nextInt(1, 4);
            Tensor[] s = csr(g, m, g.nextInt(1, 5), DType.I64);
            int cols = (int) s[2].itemLong();
            return new Tensor[] {g.leaf(new int[] {m, n}, -1, 1), g.leaf(new int[] {cols, n}, -1, 1), s[0], s[1], s[2]};
        }, x -> Sparse.sddmm(x[2], x[3], (int) x[4].itemLong(), x[0], x[1], null).mul(x[0].sum()));
        for (String r : new String[] {"sum", "mean", "max", "min"}) {
            add.add("segment_" + r, r.equals("sum") || r.equals("mean"), SparseCases::segmentInputs,
                    x -> r.equals("max") ? Segments.segmentMax(x[0], x[1]).values() : r.equals("min") ? Segments.segmentMin(x[0], x[1]).values()
                            : Segments.segment(x[0], x[1], r));
        }
        add.add("segment_softmax", true, SparseCases::segmentInputs, x -> Segments.softmax(x[0], x[1]).mul(x[0]));
        add.add("segment_std", false, g -> {
            Tensor[] s = csr(g, g.nextInt(1, 4), 1, DType.I64, 2, 4);      // every segment has >= 2 rows: std > 0
            return new Tensor[] {g.leaf(new int[] {s[1].size(0), g.nextInt(1, 3)}, -1, 1), s[0]};
        }, x -> Segments.std(x[0], x[1], true));
        // inputs: src (n, f), index (n), dimSize
        add.add("scatter_sum_mean", true, SparseCases::scatterInputs,
                x -> Segments.scatter(x[0], x[1], (int) x[2].itemLong(), "sum").add(Segments.scatter(x[0], x[1], (int) x[2].itemLong(), "mean").square()));
        add.add("scatter_max_min", false, SparseCases::scatterInputs,
                x -> Segments.scatterMax(x[0], x[1], (int) x[2].itemLong()).values().mul(Segments.scatterMin(x[0], x[1], (int) x[2].itemLong()).values()));
        add.add("scatter_softmax", true, SparseCases::scatterInputs, x -> Segments.scatterSoftmax(x[0], x[1], (int) x[2].itemLong()).mul(x[0]));
        // SparseTensor: values (nnz), x, row, col (COO with duplicates), rows, cols
        add.add("sparse_coo_matmul_coalesce", true, SparseCases::cooInputs, x -> coo(x).matmul(x[1]));
        add.add("sparse_csr_t_matmul", true, SparseCases::cooInputs, x -> coo(x).toSparseCsr().t().t().matmul(x[1]));
        add.add("sparse_dense_mm", true, g -> {
            Tensor[] c = cooInputs(g);
            c[1] = g.leaf(new int[] {g.nextInt(1, 3), (int) c[4].itemLong()}, -1, 1);
            return c;
        }, x -> Sparse.mm(x[1], coo(x).toSparseCsr()));
        add.add("sparse_to_dense", true, SparseCases::cooInputs, x -> coo(x).toDense().mul(x[0].sum()));
        add.add("sparse_softmax_rows_cols", false, SparseCases::cooInputs,
                x -> coo(x).softmax(1).toDense().add(coo(x).toSparseCsr().softmax(0).toDense().square()));
        add.add("sparse_add_narrow_sum", true, SparseCases::cooInputs, x -> {
            SparseTensor a = coo(x), b = a.toSparseCsr().mul(x[0].sum());
            return a.add(b).narrow(0, 0, Math.max(1, a.rows() - 1)).sum(1).add(a.sub(b).sum(0).sum());
        });
        add.add("sparse_from_dense_sddmm", true, g -> {
            int m = g.nextInt(1, 4), k = g.nextInt(1, 4), n = g.nextInt(1, 3);
            Tensor pattern = g.mask(new int[] {m, k}).to(DType.F64);
            return new Tensor[] {g.leaf(new int[] {m, k}, -1, 1), pattern, g.leaf(new int[] {m, n}, -1, 1), g.leaf(new int[] {k, n}, -1, 1)};
        }, x -> {
            SparseTensor s = SparseTensor.fromDense(x[1].mul(x[0].detach().abs().add(1)));
            SparseTensor p = SparseTensor.fromDense(x[0].mul(x[1]).add(x[1].mul(3)));
            return s.toSparseCsr().sddmm(x[2], x[3]).toDense().add(p.sampledAddmm(x[2], x[3].t(), 0.5, 2).toDense());
        });
        return add.cases();
    }

    private static SparseTensor coo(Tensor[] x) {
        return SparseTensor.coo(x[2], x[3], x[0], (int) x[4].itemLong(), (int) x[5].itemLong());
    }

    /** values (nnz), x (cols, n), row, col (unsorted, duplicates likely), rows, cols. */
    static Tensor[] cooInputs(Gen g) {
        int rows = g.nextInt(1, 4), cols = g.nextInt(1, 4), nnz = g.nextInt(1, 7);
        return new Tensor[] {g.leaf(new int[] {nnz}, -1, 1), g.leaf(new int[] {cols, g.nextInt(1, 3)}, -1, 1), g.indices(new int[] {nnz}, rows),
                g.indices(new int[] {nnz}, cols), Tensor.of((long) rows), Tensor.of((long) cols)};
    }

    /** x (total, f) and rowPtr (m + 1) with empty segments possible. */
    static Tensor[] segmentInputs(Gen g) {
        Tensor[] s = csr(g, g.nextInt(1, 5), 1, DType.I64);
        int[] shape = g.coin() ? new int[] {s[1].size(0)} : new int[] {s[1].size(0), g.nextInt(1, 3)};
        return new Tensor[] {g.leaf(shape, -1, 1), s[0]};
    }

    static Tensor[] scatterInputs(Gen g) {
        int n = g.nextInt(1, 7), dim = g.nextInt(1, 4);
        return new Tensor[] {g.leaf(new int[] {n, g.nextInt(1, 3)}, -1, 1), g.indices(new int[] {n}, dim), Tensor.of((long) dim)};
    }

    static Tensor[] csr(Gen g, int m, int cols, DType t) {
        return csr(g, m, cols, t, 0, 3);
    }

    /** {rowPtr (m + 1), col, cols as a 0-d I64}: rows of lo..hi entries, random columns (duplicates allowed). */
    static Tensor[] csr(Gen g, int m, int cols, DType t, int lo, int hi) {
        long[] ptr = new long[m + 1];
        for (int i = 0; i < m; i++) ptr[i + 1] = ptr[i] + g.nextInt(lo, hi);
        long[] col = new long[(int) ptr[m]];
        for (int p = 0; p < col.length; p++) col[p] = g.nextInt(0, cols - 1);
        return new Tensor[] {Tensor.of(ptr).to(t), Tensor.of(col).to(t), Tensor.of((long) cols)};
    }
}
