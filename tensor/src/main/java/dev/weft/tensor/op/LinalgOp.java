package dev.weft.tensor.op;

/**
 * Dense linear-algebra primitives on batches of matrices: every operand is (..., rows, cols) with the
 * same batch dims (the facade broadcasts them first); F32 or F64, one dtype for all inputs (F32 is
 * computed in F64 by the kernels and rounded once). A numerical failure (singular, not
 * positive-definite, rank-deficient) is an ArithmeticException naming the op, the shapes and the
 * batch entry. Names follow torch.linalg.
 */
public sealed interface LinalgOp extends Op {
    /**
     * A = L L^T (or U^T U when upper). Inputs: A (..., n, n), symmetric positive-definite, lower triangle read. Output: L (or U).
     *
     * @param upper use the upper triangle (else the lower)
     */
    record Cholesky(boolean upper) implements LinalgOp {
        public String name() {
            return "linalg.cholesky";
        }
    }

    /**
     * X with A X = B given A's Cholesky factor. Inputs: B (..., n, k), L (..., n, n) (U when upper). Output: X (..., n, k).
     *
     * @param upper use the upper triangle (else the lower)
     */
    record CholeskySolve(boolean upper) implements LinalgOp {
        public String name() {
            return "cholesky_solve";
        }
    }

    /** X = A^-1 B by LU with partial pivoting. Inputs: A (..., n, n), B (..., n, k). Output: X (..., n, k). */
    record Solve() implements LinalgOp {
        public String name() {
            return "linalg.solve";
        }
    }

    /**
     * Triangular solve: left: A X = B with B (..., n, k); right: X A = B with B (..., k, n). Only A's upper
     * (or lower) triangle is read, its diagonal taken as ones when unitriangular. Inputs: A (..., n, n), B.
     * Output: X, B's shape.
     *
     * @param upper use the upper triangle (else the lower)
     * @param left solve A X = B (else X A = B)
     * @param unitriangular assume a unit diagonal (its stored values are not read)
     */
    record SolveTriangular(boolean upper, boolean left, boolean unitriangular) implements LinalgOp {
        public String name() {
            return "linalg.solve_triangular";
        }
    }

    /** Reduced Householder QR, A = Q R. Inputs: A (..., m, n). Outputs: Q (..., m, k), R (..., k, n), k = min(m, n). */
    record Qr() implements LinalgOp {
        public String name() {
            return "linalg.qr";
        }
    }

    /**
     * Least squares for full-rank A: argmin ||A X - B|| when m >= n, the minimum-norm solution when {@code m < n}.
     * Inputs: A (..., m, n), B (..., m, k). Output: X (..., n, k).
     */
    record Lstsq() implements LinalgOp {
        public String name() {
            return "linalg.lstsq";
        }
    }

    /** det A by LU. Inputs: A (..., n, n). Output: (...). */
    record Det() implements LinalgOp {
        public String name() {
            return "linalg.det";
        }
    }

    /** sign(det A) and log|det A| (-inf when singular). Inputs: A (..., n, n). Outputs: sign, logabsdet, both (...). */
    record Slogdet() implements LinalgOp {
        public String name() {
            return "linalg.slogdet";
        }
    }

    /** A^-1 by LU with partial pivoting. Inputs: A (..., n, n). Output: (..., n, n). */
    record Inv() implements LinalgOp {
        public String name() {
            return "linalg.inv";
        }
    }
}
