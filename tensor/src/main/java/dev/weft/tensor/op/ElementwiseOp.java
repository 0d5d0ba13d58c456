package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;

/**
 * Elementwise primitives. Inputs broadcast against each other (PyTorch rules); the backend reads a
 * broadcast input through stride 0, nothing is materialized. Inputs of Binary/Compare (and a, b of
 * Where) share one dtype: the op layer promotes before it dispatches.
 */
public sealed interface ElementwiseOp extends Op {
    /**
     * y = fn(x; p0, p1). Inputs: x. Output: x's shape; x's dtype (BOOL for LOGICAL_NOT).
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     */
    record Unary(UnaryFn fn, double p0, double p1) implements ElementwiseOp {
        /**
         * A function without scalar parameters (p0 = p1 = 0).
         *
         * @param fn the function to apply
         */
        public Unary(UnaryFn fn) {
            this(fn, 0, 0);
        }

        public String name() {
            return fn.opName();
        }
    }

    /**
     * y = fn(a, b). Inputs: a, b (one dtype). Output: broadcast shape; that dtype (BOOL for logical fns).
     *
     * @param fn the function to apply
     */
    record Binary(BinaryFn fn) implements ElementwiseOp {
        public String name() {
            return fn.opName();
        }
    }

    /**
     * y = a (fn) b. Inputs: a, b (one dtype). Output: broadcast shape, BOOL.
     *
     * @param fn the function to apply
     */
    record Compare(CompareFn fn) implements ElementwiseOp {
        public String name() {
            return fn.opName();
        }
    }

    /** y = cond ? a : b. Inputs: cond (BOOL), a, b (one dtype). Output: broadcast of all three; a's dtype. */
    record Where() implements ElementwiseOp {
        public String name() {
            return "where";
        }
    }

    /**
     * y = (to) x. Float to integer truncates toward zero (NaN gives 0, out of range saturates);
     * anything to BOOL is x != 0; BOOL to a number is 0 or 1.
     *
     * @param to the target
     */
    record Cast(DType to) implements ElementwiseOp {
        public String name() {
            return "to";
        }
    }
}
