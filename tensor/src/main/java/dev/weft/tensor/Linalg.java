package dev.weft.tensor;

import dev.weft.tensor.core.Shape;

import dev.weft.tensor.op.LinalgOp;
import java.util.Arrays;

/**
 * Linear algebra with torch.linalg's names, batched over leading dims (two-operand ops broadcast their
 * batch dims): solve, cholesky, cholesky_solve, solve_triangular, qr (reduced), lstsq (solution only),
 * det, slogdet, logdet, inv. F32 or F64, one dtype for all operands; F32 is computed in F64 and
 * rounded once. Singular, non-positive-definite or rank-deficient inputs are ArithmeticExceptions
 * naming the op, the shapes and the batch entry.
 */
public final class Linalg {
    private Linalg() {}

    /**
     * Q with orthonormal columns and upper-triangular R, A = Q R.
     *
     * @param Q Q (..., m, k) with orthonormal columns
     * @param R R (..., k, n), upper triangular
     */
    public record QR(Tensor Q, Tensor R) {}

    /**
     * sign(det A) (-1, 0 or 1) and log|det A|.
     *
     * @param sign the sign of det A (0 for a singular matrix)
     * @param logabsdet log |det A| (-inf for a singular matrix)
     */
    public record SignLogAbsDet(Tensor sign, Tensor logabsdet) {}

    /**
     * torch.linalg.solve: X with A X = B, A (..., n, n); B (..., n, k), or a vector (n,) / (..., n) when
     * B has one dim less than A (as PyTorch decides), giving X of B's shape.
     *
     * @param A the matrices, shape (..., m, n)
     * @param B the right-hand sides, shape (..., m, k), or a vector
     * @return X with A X = B, A (..., n, n)
     */
    public static Tensor solve(Tensor A, Tensor B) {
        boolean vector = B.dim() == 1 || (B.dim() == A.dim() - 1 && Arrays.equals(B.shape(), Arrays.copyOf(A.shape(), A.dim() - 1)));
        if (vector) return solve(A, B.unsqueeze(-1)).squeeze(-1);
        Tensor[] ab = broadcastBatch("linalg.solve", A, B);
        return Dispatch.apply1(new LinalgOp.Solve(), ab);
    }

    /**
     * torch.linalg.cholesky: lower L with A = L L^T (upper: U with A = U^T U).
     *
     * @param A the matrices, shape (..., m, n)
     * @param upper use the upper triangle (else the lower)
     * @return lower L with A = L L^T (upper: U with A = U^T U)
     */
    public static Tensor cholesky(Tensor A, boolean upper) {
        return Dispatch.apply1(new LinalgOp.Cholesky(upper), A);
    }

    /**
     * {@return torch.linalg.cholesky: the lower factor L with A = L L^T}
     *
     * @param A the matrices, shape (..., m, n)
     */
    public static Tensor cholesky(Tensor A) {
        return cholesky(A, false);
    }

    /**
     * torch.cholesky_solve: X with A X = B given A's Cholesky factor L (U when upper).
     *
     * @param B the right-hand sides, shape (..., m, k), or a vector
     * @param L the Cholesky factor (U when upper)
     * @param upper use the upper triangle (else the lower)
     * @return X with A X = B given A's Cholesky factor L (U when upper)
     */
    public static Tensor choleskySolve(Tensor B, Tensor L, boolean upper) {
        Tensor[] bl = broadcastBatch("cholesky_solve", B, L);
        return Dispatch.apply1(new LinalgOp.CholeskySolve(upper), bl);
    }

    /**
     * {@return torch.cholesky_solve with a lower factor L}
     *
     * @param B the right-hand sides, shape (..., m, k), or a vector
     * @param L the Cholesky factor (U when upper)
     */
    public static Tensor choleskySolve(Tensor B, Tensor L) {
        return choleskySolve(B, L, false);
    }

    /**
     * torch.linalg.solve_triangular: X with A X = B (left) or X A = B (right) for triangular A (upper or
     * lower triangle read; diagonal taken as ones when unitriangular).
     *
     * @param A the matrices, shape (..., m, n)
     * @param B the right-hand sides, shape (..., m, k), or a vector
     * @param upper use the upper triangle (else the lower)
     * @param left solve A X = B (else X A = B)
     * @param unitriangular assume a unit diagonal (its stored values are not read)
     * @return X, shaped like B
     */
    public static Tensor solveTriangular(Tensor A, Tensor B, boolean upper, boolean left, boolean unitriangular) {
        Tensor[] ab = broadcastBatch("linalg.solve_triangular", A, B);
        return Dispatch.apply1(new LinalgOp.SolveTriangular(upper, left, unitriangular), ab);
    }

    /**
     * torch.linalg.qr (mode "reduced"): Q (..., m, k), R (..., k, n), k = min(m, n).
     *
     * @param A the matrices, shape (..., m, n)
     * @return Q (..., m, k), R (..., k, n), k = min(m, n)
     */
    public static QR qr(Tensor A) {
        Tensor[] o = Dispatch.apply(new LinalgOp.Qr(), A);
        return new QR(o[0], o[1]);
    }

    /**
     * torch.linalg.lstsq's solution for full-rank A (..., m, n): argmin ||A X - B|| when m >= n, the
     * minimum-norm solution when {@code m < n}. B (..., m, k) or a vector (m,).
     *
     * @param A the matrices, shape (..., m, n)
     * @param B the right-hand sides, shape (..., m, k), or a vector
     * @return X (..., n, k)
     */
    public static Tensor lstsq(Tensor A, Tensor B) {
        if (B.dim() == 1) return lstsq(A, B.unsqueeze(-1)).squeeze(-1);
        Tensor[] ab = broadcastBatch("linalg.lstsq", A, B);
        return Dispatch.apply1(new LinalgOp.Lstsq(), ab);
    }

    /**
     * torch.linalg.det: det A of each matrix, shape (...).
     *
     * @param A the matrices, shape (..., m, n)
     * @return det A
     */
    public static Tensor det(Tensor A) {
        return Dispatch.apply1(new LinalgOp.Det(), A);
    }

    /**
     * torch.linalg.slogdet: sign and log|det A|, both (...).
     *
     * @param A the matrices, shape (..., m, n)
     * @return sign and log|det A|, both (...)
     */
    public static SignLogAbsDet slogdet(Tensor A) {
        Tensor[] o = Dispatch.apply(new LinalgOp.Slogdet(), A);
        return new SignLogAbsDet(o[0], o[1]);
    }

    /**
     * torch.logdet: log det A; NaN for a negative determinant, -inf for a singular matrix.
     *
     * @param A the matrices, shape (..., m, n)
     * @return log det A
     */
    public static Tensor logdet(Tensor A) {
        SignLogAbsDet s = slogdet(A);
        return s.logabsdet().add(s.sign().log());
    }

    /**
     * torch.linalg.inv: A^-1 of each matrix.
     *
     * @param A the matrices, shape (..., m, n)
     * @return A^-1 of each matrix
     */
    public static Tensor inv(Tensor A) {
        return Dispatch.apply1(new LinalgOp.Inv(), A);
    }

    /** A and B expanded to their common batch dims (all but the last two), as torch.linalg broadcasts. */
    private static Tensor[] broadcastBatch(String op, Tensor A, Tensor B) {
        if (A.dim() < 2 || B.dim() < 2) return new Tensor[] {A, B}; // the shape rules report it
        int[] sa = A.shape(), sb = B.shape();
        int[] ba = Arrays.copyOf(sa, sa.length - 2), bb = Arrays.copyOf(sb, sb.length - 2);
        int n = Math.max(ba.length, bb.length);
        int[] batch = new int[n];
        for (int i = 0; i < n; i++) {
            int x = i - (n - ba.length) >= 0 ? ba[i - (n - ba.length)] : 1, y = i - (n - bb.length) >= 0 ? bb[i - (n - bb.length)] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(op + ": " + Shape.format(sa) + " and " + Shape.format(sb) + ": batch dims "
                        + Shape.format(ba) + " and " + Shape.format(bb) + " cannot broadcast");
            }
            batch[i] = x == 1 ? y : x;
        }
        return new Tensor[] {A.expand(with(batch, sa)), B.expand(with(batch, sb))};
    }

    private static int[] with(int[] batch, int[] s) {
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = s[s.length - 2];
        out[batch.length + 1] = s[s.length - 1];
        return out;
    }
}
