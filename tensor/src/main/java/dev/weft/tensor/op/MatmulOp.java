package dev.weft.tensor.op;

/**
 * Matrix-product primitives. Operands are strided views: a transposed operand arrives as a view with
 * swapped strides, and the backend reads it in place (GEMM's transA/transB) instead of copying it.
 */
public sealed interface MatmulOp extends Op {
    /**
     * Batched matrix product: a (B, M, K) @ b (B, K, N) -> (B, M, N). Both inputs share one floating
     * dtype (F32 or F64); a batch stride of 0 (an expanded operand) is allowed.
     */
    record Bmm() implements MatmulOp {
        public String name() {
            return "bmm";
        }
    }
}
