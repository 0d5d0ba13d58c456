package dev.weft.graph.nn.aggr;

import dev.weft.tensor.SparseStructure;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/** A batch vector (N) as segments: the nodes in stable graph order and the row pointers over graphs. */
final class Batches {
    private Batches() {}

    /** perm (N, I64): the nodes in graph order; rowPtr (size + 1, I64); size the number of graphs. */
    record Grouped(Tensor perm, Tensor rowPtr, int size) {}

    /** batch null: one graph of all n nodes. Refuses a batch vector that is not integer (n) with values in [0, size). */
    static Grouped of(String op, Tensor batch, int n, int size) {
        if (batch == null) return new Grouped(Tensor.arange(n), Tensor.of(0L, (long) n), 1);
        if (batch.dim() != 1 || batch.size(0) != n || batch.dtype().isFloatingPoint() || batch.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(op + ": batch must be an integer (" + n + ") tensor, got " + batch.dtype() + " " + Shape.format(batch.shape()));
        }
        long[] b = batch.contiguous().toLongArray();
        for (int v = 0; v < n; v++) {
            if (b[v] < 0 || b[v] >= size) throw new IndexOutOfBoundsException(op + ": batch[" + v + "] = " + b[v] + " outside [0, " + size + ")");
        }
        SparseStructure.Groups g = SparseStructure.group(b, size);
        long[] perm = g.perm(), ptr = g.rowPtr();
        return new Grouped(Tensor.of(perm), Tensor.of(ptr), size);
    }

    /** Checks x is a floating (N, F) matrix. */
    static void features(String op, Tensor x, int want) {
        if (x.dim() != 2 || !x.dtype().isFloatingPoint() || (want >= 0 && x.size(1) != want)) {
            throw new IllegalArgumentException(op + ": x must be a floating (N, " + (want >= 0 ? String.valueOf(want) : "F") + ") tensor, got "
                    + x.dtype() + " " + Shape.format(x.shape()));
        }
    }
}
