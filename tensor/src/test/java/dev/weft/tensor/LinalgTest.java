package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static dev.weft.tensor.ConvolutionTest.close;
import static dev.weft.tensor.JoiningTest.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Linalg by its laws on random batched matrices (A X = B, L L^T = A, Q R = A with Q^T Q = I, lstsq's
 * normal equations and minimum norm, det(AB) = det A det B, A A^-1 = I, slogdet vs det), hand-checked
 * goldens, batch broadcasting, and error messages including numerical failures.
 */
class LinalgTest {

    static Tensor wellConditioned(Generator g, DType dt, int... shape) {
        int n = shape[shape.length - 1];
        return Tensor.randn(g, dt, shape).add(Tensor.eye(n, n, dt).mul((double) n));
    }

    static Tensor spd(Generator g, DType dt, int... shape) {
        Tensor m = Tensor.randn(g, dt, shape);
        int n = shape[shape.length - 1];
        return m.matmul(m.mT()).add(Tensor.eye(n, n, dt).mul((double) n));
    }

    static void near(Tensor want, Tensor got, double tol, String what) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        close(want.toDoubleArray(), got.toDoubleArray(), tol, what);
    }

    @Property(tries = 40, seed = "7")
    void lawsHoldOnRandomBatches(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        Generator g = new Generator(seed);
        DType dt = r.nextBoolean() ? DType.F64 : DType.F32;
        double tol = dt == DType.F64 ? 1e-9 : 2e-4;
        int n = 1 + r.nextInt(5), k = 1 + r.nextInt(3);
        int[] batch = r.nextBoolean() ? new int[] {2} : new int[] {2, 3};
        Tensor A = wellConditioned(g, dt, with(batch, n, n)), B = Tensor.randn(g, dt, with(batch, n, k));
        near(B, A.matmul(Linalg.solve(A, B)), tol, "A solve(A, B) == B");
        Tensor S = spd(g, dt, with(batch, n, n));
        Tensor L = Linalg.cholesky(S);
        near(S, L.matmul(L.mT()), tol, "L L^T == A");
        near(L, L.tril(), 0, "L is lower");
        Tensor U = Linalg.cholesky(S, true);
        near(S, U.mT().matmul(U), tol, "U^T U == A");
        near(B, S.matmul(Linalg.choleskySolve(B, L)), tol, "cholesky_solve");
        near(B, S.matmul(Linalg.choleskySolve(B, U, true)), tol, "cholesky_solve upper");
        Tensor T = A.triu();
        near(B, T.matmul(Linalg.solveTriangular(T, B, true, true, false)), tol, "upper left");
        Tensor Bt = B.mT();
        near(Bt, Linalg.solveTriangular(A.tril(), Bt, false, false, false).matmul(A.tril()), tol, "lower right");
        Tensor unit = A.tril(-1).add(Tensor.eye(n, n, dt));
        near(B, unit.matmul(Linalg.solveTriangular(A.tril(-1).add(Tensor.eye(n, n, dt).mul(7.0)), B, false, true, true)), tol,
                "unitriangular ignores the stored diagonal");
        near(Tensor.eye(n, n, dt).expand(with(batch, n, n)), A.matmul(Linalg.inv(A)), tol, "A A^-1 == I");
        Tensor C = wellConditioned(g, dt, with(batch, n, n));
        near(Linalg.det(A).mul(Linalg.det(C)), Linalg.det(A.matmul(C)), tol * 10, "det(AC) == det A det C");
        Linalg.SignLogAbsDet sl = Linalg.slogdet(A);
        near(Linalg.det(A), sl.sign().mul(sl.logabsdet().exp()), tol * 10, "sign * exp(logabsdet) == det");

        int m = 1 + r.nextInt(6), c = 1 + r.nextInt(6);
        Tensor M = Tensor.randn(g, dt, with(batch, m, c));
        Linalg.QR qr = Linalg.qr(M);
        int kk = Math.min(m, c);
        assertArrayEquals(with(batch, m, kk), qr.Q().shape());
        assertArrayEquals(with(batch, kk, c), qr.R().shape());
        near(M, qr.Q().matmul(qr.R()), tol, "Q R == A");
        near(Tensor.eye(kk, kk, dt).expand(with(batch, kk, kk)), qr.Q().mT().matmul(qr.Q()), tol, "Q^T Q == I");
        near(qr.R(), qr.R().triu(), 0, "R is upper");

        Tensor rhs = Tensor.randn(g, dt, with(batch, m, k));
        Tensor X = Linalg.lstsq(M, rhs);
        assertArrayEquals(with(batch, c, k), X.shape());
        if (m >= c) {
            near(Tensor.zeros(dt, with(batch, c, k)), M.mT().matmul(M.matmul(X).sub(rhs)), tol * 10, "normal equations");
        } else {
            near(rhs, M.matmul(X), tol * 10, "underdetermined A X == B");
            Tensor minNorm = M.mT().matmul(Linalg.solve(M.matmul(M.mT()), rhs));
            near(minNorm, X, tol * 100, "minimum-norm solution");
        }
    }

    private static int[] with(int[] batch, int r, int c) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = r;
        s[batch.length + 1] = c;
        return s;
    }

    @Test
    void goldensVectorsAndBroadcasting() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        assertEquals(-2.0, a.det().item(), 1e-15);
        assertEquals(Double.NaN, a.logdet().item());
        assertEquals(Math.log(2), Tensor.of(new double[][] {{2, 0}, {0, 1}}).logdet().item(), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, Tensor.of(new double[][] {{1, 2}, {2, 4}}).logdet().item());
        assertEquals(0.0, Tensor.of(new double[][] {{1, 2}, {2, 4}}).det().item());
        near(Tensor.of(new double[][] {{0.6, -0.7}, {-0.2, 0.4}}), Tensor.of(new double[][] {{4, 7}, {2, 6}}).inverse(), 1e-15, "inv");
        near(Tensor.of(new double[][] {{2, 0}, {1, Math.sqrt(2)}}), Tensor.of(new double[][] {{4, 2}, {2, 3}}).cholesky(false), 1e-15,
                "cholesky");
        // b as a vector, and as a batch of vectors (B.dim() == A.dim() - 1)
        Tensor x = Linalg.solve(a, Tensor.of(5.0, 11.0));
        assertArrayEquals(new double[] {1, 2}, x.toDoubleArray(), 1e-14);
        Tensor ab = Tensor.stack(java.util.List.of(a, a.mul(2.0)), 0);
        Tensor xb = Linalg.solve(ab, Tensor.of(new double[][] {{5, 11}, {10, 22}}));
        assertArrayEquals(new double[] {1, 2, 1, 2}, xb.toDoubleArray(), 1e-14);
        // batch dims broadcast: A (2, 1, 2, 2) with B (3, 2, 1)
        Tensor A = ab.unsqueeze(1);
        Tensor B = Tensor.randn(new Generator(3), DType.F64, 3, 2, 1);
        Tensor X = Linalg.solve(A, B);
        assertArrayEquals(new int[] {2, 3, 2, 1}, X.shape());
        near(B.expand(2, 3, 2, 1), A.matmul(X), 1e-12, "broadcast solve");
        assertArrayEquals(new int[] {0}, Linalg.det(Tensor.zeros(DType.F64, 0, 3, 3)).shape());
        assertEquals(1.0, Linalg.det(Tensor.zeros(DType.F64, 0, 0)).item());
        assertEquals(DType.F32, Linalg.det(a.to(DType.F32)).dtype());
    }

    @Test
    void errors() {
        error("linalg.det: A (2, 3): A must be a (batch of) square matrices, got 2 x 3", () -> Linalg.det(Tensor.zeros(2, 3)));
        error("linalg.inv: A (3,): expected (batches of) matrices with at least 2 dims", () -> Linalg.inv(Tensor.zeros(3)));
        error("linalg.cholesky: A (2, 2): expected a floating dtype (f32 or f64), got i64", () -> Linalg.cholesky(Tensor.zeros(DType.I64, 2, 2)));
        error("linalg.solve: A (3, 3), B (2, 1): B has 2 rows, A needs 3", () -> Linalg.solve(Tensor.zeros(3, 3), Tensor.zeros(2, 1)));
        error("linalg.solve: A (3, 3), B (3, 1): A dtype f32 and B dtype f64 differ", () -> Linalg.solve(Tensor.zeros(3, 3), Tensor.zeros(DType.F64, 3, 1)));
        error("linalg.solve: (2, 3, 3) and (4, 3, 1): batch dims (2,) and (4,) cannot broadcast",
                () -> Linalg.solve(Tensor.zeros(2, 3, 3), Tensor.zeros(4, 3, 1)));
        error("linalg.solve_triangular: A (3, 3), B (2, 3): B's rows (2) must equal A's size 3 (A X = B)",
                () -> Linalg.solveTriangular(Tensor.zeros(3, 3), Tensor.zeros(2, 3), true, true, false));
        error("linalg.solve_triangular: A (3, 3), B (2, 4): B's columns (4) must equal A's size 3 (X A = B)",
                () -> Linalg.solveTriangular(Tensor.zeros(3, 3), Tensor.zeros(2, 4), true, false, false));
        error("linalg.lstsq: A (4, 2), B (3, 1): B has 3 rows, A needs 4", () -> Linalg.lstsq(Tensor.zeros(4, 2), Tensor.zeros(3, 1)));

        Tensor sing = Tensor.stack(java.util.List.of(Tensor.eye(2).to(DType.F64), Tensor.of(new double[][] {{1, 2}, {2, 4}})), 0);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Linalg.solve(sing, Tensor.ones(DType.F64, 2, 2, 1)));
        assertTrue(e.getMessage().startsWith("linalg.solve: A (2, 2, 2), B (2, 2, 1): matrix 1 of the batch: solve: the matrix is singular"),
                e.getMessage());
        ArithmeticException c = assertThrows(ArithmeticException.class, () -> Linalg.cholesky(Tensor.of(new double[][] {{1, 2}, {2, 1}})));
        assertTrue(c.getMessage().startsWith("linalg.cholesky: A (2, 2): matrix 0 of the batch: cholesky: the leading minor of order 2"),
                c.getMessage());
        ArithmeticException i = assertThrows(ArithmeticException.class, () -> Linalg.inv(sing));
        assertTrue(i.getMessage().startsWith("linalg.inv: A (2, 2, 2): matrix 1 of the batch:"), i.getMessage());
    }
}
