package dev.weft.autograd;

import dev.weft.tensor.Linalg;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.LinalgOp;

/**
 * Backward rules of the linear-algebra primitives, written with solves (never an explicit inverse
 * where a solve does) and batched over leading dims. Ops that read one triangle of an input give a
 * gradient on that triangle only, which is the true derivative of what they compute.
 * Shapes: A (..., n, n) or (..., m, n); X, B (..., n, k); ^T is the transpose of the last two dims.
 */
final class LinalgGrads {
    private LinalgGrads() {}

    static Tensor[] backward(LinalgOp op, Ctx c) {
        return switch (op) {
            case LinalgOp.Cholesky k -> new Tensor[] {cholesky(c, k.upper())};
            // X = (L L^T)^-1 B: gB = (L L^T)^-1 gX; gA = -gB X^T, gL = tril((gA + gA^T) L) (upper: triu(U (gA + gA^T)))
            case LinalgOp.CholeskySolve k -> {
                Tensor L = c.in(1);
                Tensor gB = Linalg.choleskySolve(c.g(), L, k.upper());
                Tensor gL = null;
                if (c.needs(1)) {
                    Tensor gA = gB.matmul(c.out(0).mT()).neg();
                    Tensor sym = gA.add(gA.mT());
                    gL = k.upper() ? L.matmul(sym) : sym.matmul(L);
                    gL = Structural.keep(gL, Structural.triangle(L.size(-1), !k.upper(), true, L));
                }
                yield new Tensor[] {c.needs(0) ? gB : null, gL};
            }
            // X = A^-1 B: gB = A^-T gX, gA = -gB X^T
            case LinalgOp.Solve s -> {
                Tensor gB = Linalg.solve(c.in(0).mT(), c.g());
                yield new Tensor[] {c.needs(0) ? gB.matmul(c.out(0).mT()).neg() : null, gB};
            }
            case LinalgOp.SolveTriangular s -> solveTriangular(s, c);
            case LinalgOp.Qr q -> new Tensor[] {qr(c)};
            case LinalgOp.Lstsq l -> lstsq(c);
            // d det = det tr(A^-1 dA): gA = g det A^-T
            case LinalgOp.Det d -> {
                Tensor A = c.in(0);
                Tensor scale = c.g().mul(c.out(0)).unsqueeze(-1).unsqueeze(-1);
                yield new Tensor[] {inverse(A).mT().mul(scale)};
            }
            // d log|det| = tr(A^-1 dA); the sign has no gradient
            case LinalgOp.Slogdet d -> {
                Tensor g = c.g(1);
                if (g == null) yield new Tensor[] {null};
                yield new Tensor[] {inverse(c.in(0)).mT().mul(g.unsqueeze(-1).unsqueeze(-1))};
            }
            // Y = A^-1: dY = -Y dA Y, gA = -Y^T gY Y^T
            case LinalgOp.Inv i -> {
                Tensor Yt = c.out(0).mT();
                yield new Tensor[] {Yt.matmul(c.g()).matmul(Yt).neg()};
            }
        };
    }

    /** A^-1 as a solve against the identity (a differentiable op, so higher orders work). */
    private static Tensor inverse(Tensor A) {
        int n = A.size(-1);
        Tensor eye = Tensor.eye(n, n, A.dtype()).to(A.device()).expand(A.shape());
        return Linalg.solve(A, eye);
    }

    /**
     * A = L L^T, only A's lower triangle read. With Phi(X) = tril(X) with halved diagonal and
     * G = L^-T Phi(L^T gL) L^-1 (the gradient for a free dA), the lower entries get G + G^T off the
     * diagonal and G on it. Upper: A = U^T U, the same with L = U^T (the lower triangle is read either way).
     */
    private static Tensor cholesky(Ctx c, boolean upper) {
        Tensor F = c.out(0), g = c.g();
        Tensor L = upper ? F.mT() : F, gL = upper ? g.mT() : g;
        int n = L.size(-1);
        Tensor lower = Structural.triangle(n, true, true, L), diag = Structural.eyeMask(n, L);
        Tensor P = L.mT().matmul(gL);
        Tensor phi = Tensor.where(diag, P.mul(0.5), Structural.keep(P, lower));
        // G = L^-T phi L^-1: right solve with L (lower), then left solve with L^T (upper)
        Tensor right = Linalg.solveTriangular(L, phi, false, false, false);
        Tensor G = Linalg.solveTriangular(L.mT(), right, true, true, false);
        Tensor both = G.add(G.mT());
        return Tensor.where(diag, G, Structural.keep(both, lower));
    }

    /**
     * left: X = A^-1 B, gB = A^-T gX, gA = -gB X^T; right: X = B A^-1, gB = gX A^-T, gA = -X^T gB;
     * gA keeps A's read triangle (strict when unitriangular).
     */
    private static Tensor[] solveTriangular(LinalgOp.SolveTriangular s, Ctx c) {
        Tensor A = c.in(0), X = c.out(0);
        Tensor gB = Linalg.solveTriangular(A.mT(), c.g(), !s.upper(), s.left(), s.unitriangular());
        Tensor gA = null;
        if (c.needs(0)) {
            gA = (s.left() ? gB.matmul(X.mT()) : X.mT().matmul(gB)).neg();
            gA = Structural.keep(gA, Structural.triangle(A.size(-1), !s.upper(), !s.unitriangular(), A));
        }
        return new Tensor[] {gA, c.needs(1) ? gB : null};
    }

    /**
     * Reduced QR, A = Q R. For m >= n: M = R gR^T - gQ^T Q, gA = (gQ + Q copyltu(M)) R^-T with
     * copyltu(M) = tril(M) + tril(M, -1)^T. For m < n, A = [X | Y] with X = Q R1 square: Y = Q R2 gives
     * gY = Q gR2, and X takes the m >= n rule with gQ + Y gR2^T.
     */
    private static Tensor qr(Ctx c) {
        Tensor Q = c.out(0), R = c.out(1), gQ = c.gOrZeros(0), gR = c.gOrZeros(1);
        int m = Q.size(-2), n = R.size(-1);
        if (m >= n) return qrSquare(Q, R, gQ, gR);
        Tensor R1 = R.narrow(-1, 0, m), gR1 = gR.narrow(-1, 0, m), gR2 = gR.narrow(-1, m, n - m);
        Tensor Y = c.in(0).narrow(-1, m, n - m);
        Tensor gX = qrSquare(Q, R1, gQ.add(Y.matmul(gR2.mT())), gR1);
        return Tensor.cat(new Tensor[] {gX, Q.matmul(gR2)}, -1);
    }

    private static Tensor qrSquare(Tensor Q, Tensor R, Tensor gQ, Tensor gR) {
        int k = R.size(-1);
        Tensor M = R.matmul(gR.mT()).sub(gQ.mT().matmul(Q));
        Tensor strict = Structural.keep(M, Structural.triangle(k, true, false, M));
        Tensor copy = Structural.keep(M, Structural.triangle(k, true, true, M)).add(strict.mT());
        Tensor rhs = gQ.add(Q.matmul(copy));
        // rhs R^-T: right solve with R^T (lower)
        return Linalg.solveTriangular(R.mT(), rhs, false, false, false);
    }

    /**
     * Full-rank least squares. m >= n: X = (A^T A)^-1 A^T B; with Z = (A^T A)^-1 gX and r = B - A X:
     * gA = r Z^T - A Z X^T, gB = A Z. m < n (minimum norm): X = A^T W, W = (A A^T)^-1 B; with
     * V = (A A^T)^-1 A gX: gA = W gX^T - V X^T - W V^T A, gB = V.
     */
    private static Tensor[] lstsq(Ctx c) {
        Tensor A = c.in(0), B = c.in(1), X = c.out(0), gX = c.g();
        int m = A.size(-2), n = A.size(-1);
        if (m >= n) {
            Tensor Z = Linalg.solve(A.mT().matmul(A), gX);
            Tensor AZ = A.matmul(Z);
            Tensor gA = c.needs(0) ? B.sub(A.matmul(X)).matmul(Z.mT()).sub(AZ.matmul(X.mT())) : null;
            return new Tensor[] {gA, c.needs(1) ? AZ : null};
        }
        Tensor H = A.matmul(A.mT());
        Tensor W = Linalg.solve(H, B), V = Linalg.solve(H, A.matmul(gX));
        Tensor gA = c.needs(0) ? W.matmul(gX.mT()).sub(V.matmul(X.mT())).sub(W.matmul(V.mT()).matmul(A)) : null;
        return new Tensor[] {gA, c.needs(1) ? V : null};
    }
}
