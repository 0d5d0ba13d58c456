package dev.weft.tensor.op;

/**
 * Sorting primitives along one dim (normalized). NaN sorts as the largest value and -0.0 equals 0.0;
 * both ops are stable (equal values keep their order, descending too), so topk is exactly the first k
 * of the sort. argsort, kthvalue and median are composed from these in dev.weft.tensor.Sorting.
 */
public sealed interface SortOp extends Op {
    /**
     * Values of x sorted along dim and their source positions. Inputs: x (F32, F64, I32 or I64, rank >= 1).
     * Outputs: values (x's shape and dtype), indices (x's shape, I64).
     *
     * @param dim the dim (negative counts from the end)
     * @param descending sort largest first
     * @param stable keep equal elements in their input order
     */
    record Sort(int dim, boolean descending, boolean stable) implements SortOp {
        public String name() {
            return "sort";
        }
    }

    /**
     * The k largest (or smallest) entries along dim: in sort order when sorted, else in increasing
     * position. Inputs: x (as {@link Sort}), {@code 0 <= k <= x.size(dim)}. Outputs: values and I64 indices,
     * x's shape with dim of size k.
     *
     * @param k number of elements to keep
     * @param dim the dim (negative counts from the end)
     * @param largest take the k largest (else the k smallest)
     * @param sorted return the k elements in sorted order
     */
    record Topk(int k, int dim, boolean largest, boolean sorted) implements SortOp {
        public String name() {
            return "topk";
        }
    }
}
