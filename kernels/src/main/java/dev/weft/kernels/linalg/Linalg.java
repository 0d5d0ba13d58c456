package dev.weft.kernels.linalg;

/**
 * Small dense linear algebra, one row-major matrix per call (the tensor layer loops over batches).
 * F64 is computed as given; the float[] overloads widen to F64, compute, and round the result once
 * (more accurate than float arithmetic, and one code path). The inner dot/axpy loops run on the scalar
 * or Vector API twin picked by {@link dev.weft.kernels.KernelImpl#current()}.
 * Numerical failures (singular, not positive-definite, rank-deficient) are ArithmeticExceptions; bad
 * sizes or short arrays are IllegalArgumentExceptions naming the kernel and every size.
 * Unless said otherwise, inputs are read only and outputs may not overlap them.
 */
public final class Linalg {
    private Linalg() {}

    // ---- Cholesky ----

    /**
     * A = L L^T for symmetric positive-definite a (n x n; only its lower triangle is read). Writes L
     * (lower, zeros above) or, when upper, U = L^T (A = U^T U) into l; l may be a itself (same offset).
     * Not positive-definite: ArithmeticException "cholesky: the leading minor of order k is not positive-definite".
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param upper use the upper triangle (else the lower)
     * @param l the Cholesky factor
     * @param lOff index of the factor's first element
     */
    public static void cholesky(double[] a, int aOff, int n, boolean upper, double[] l, int lOff) {
        LinalgChecks.square("cholesky", n, "a", a.length, aOff);
        LinalgChecks.square("cholesky", n, "l", l.length, lOff);
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(a, aOff + i * n, w, i * n, i + 1);
        Factor.cholesky(Vec.current(), w, 0, n);
        if (upper) w = Triangular.transpose(w, 0, n, n);
        System.arraycopy(w, 0, l, lOff, n * n);
    }

    /**
     * Cholesky in F64 of a float matrix (see the double overload).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param upper use the upper triangle (else the lower)
     * @param l the Cholesky factor
     * @param lOff index of the factor's first element
     */
    public static void cholesky(float[] a, int aOff, int n, boolean upper, float[] l, int lOff) {
        LinalgChecks.square("cholesky", n, "a", a.length, aOff);
        LinalgChecks.square("cholesky", n, "l", l.length, lOff);
        double[] w = Widen.of(a, aOff, n * n);
        cholesky(w, 0, n, upper, w, 0);
        Widen.store(w, l, lOff);
    }

    /**
     * Solves A X = B given A's Cholesky factor (l: L when !upper, U = L^T when upper); b (n x nrhs)
     * is overwritten by X.
     *
     * @param l the Cholesky factor
     * @param lOff index of the factor's first element
     * @param n order of the square matrix
     * @param upper use the upper triangle (else the lower)
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     */
    public static void choleskySolve(double[] l, int lOff, int n, boolean upper, double[] b, int bOff, int nrhs) {
        LinalgChecks.square("choleskySolve", n, "l", l.length, lOff);
        LinalgChecks.rect("choleskySolve", "b", n, nrhs, b.length, bOff);
        Vec v = Vec.current();
        double[] t = Triangular.transpose(l, lOff, n, n);
        if (upper) {
            Triangular.solve(v, t, 0, n, false, true, false, b, bOff, nrhs);   // U^T y = b
            Triangular.solve(v, l, lOff, n, true, true, false, b, bOff, nrhs); // U x = y
        } else {
            Triangular.solve(v, l, lOff, n, false, true, false, b, bOff, nrhs); // L y = b
            Triangular.solve(v, t, 0, n, true, true, false, b, bOff, nrhs);     // L^T x = y
        }
    }

    /**
     * choleskySolve in F64 for float operands; b is overwritten.
     *
     * @param l the Cholesky factor
     * @param lOff index of the factor's first element
     * @param n order of the square matrix
     * @param upper use the upper triangle (else the lower)
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     */
    public static void choleskySolve(float[] l, int lOff, int n, boolean upper, float[] b, int bOff, int nrhs) {
        LinalgChecks.square("choleskySolve", n, "l", l.length, lOff);
        LinalgChecks.rect("choleskySolve", "b", n, nrhs, b.length, bOff);
        double[] bw = Widen.of(b, bOff, n * nrhs);
        choleskySolve(Widen.of(l, lOff, n * n), 0, n, upper, bw, 0, nrhs);
        Widen.store(bw, b, bOff);
    }

    // ---- LU ----

    /**
     * P A = L U with partial pivoting: lu (n x n) gets L below the diagonal (unit diagonal implied)
     * and U on and above; piv[k] (0-based) is the row swapped with row k at step k, in order k = 0..n-1.
     * lu may be a itself. Returns 0, or k+1 when U[k,k] == 0 for the first such k (singular; the
     * factorization is still completed, as LAPACK's getrf does).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param lu the LU factors (n x n, L below the diagonal, U on and above)
     * @param luOff index of lu's first element
     * @param piv the row pivots of the LU factorization
     * @param pivOff index of piv's first element
     * @return 0 on success, else k + 1 for the first zero pivot U[k, k] (the factors are still written)
     */
    public static int luFactor(double[] a, int aOff, int n, double[] lu, int luOff, int[] piv, int pivOff) {
        LinalgChecks.square("luFactor", n, "a", a.length, aOff);
        LinalgChecks.square("luFactor", n, "lu", lu.length, luOff);
        LinalgChecks.vector("luFactor", "piv", n, piv.length, pivOff);
        if (a != lu || aOff != luOff) System.arraycopy(a, aOff, lu, luOff, n * n);
        return Factor.lu(Vec.current(), lu, luOff, n, piv, pivOff);
    }

    /**
     * luFactor in F64 of a float matrix (see the double overload); returns the same info.
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param lu the LU factors (n x n, L below the diagonal, U on and above)
     * @param luOff index of lu's first element
     * @param piv the row pivots of the LU factorization
     * @param pivOff index of piv's first element
     * @return 0 on success, else k + 1 for the first zero pivot U[k, k] (the factors are still written)
     */
    public static int luFactor(float[] a, int aOff, int n, float[] lu, int luOff, int[] piv, int pivOff) {
        LinalgChecks.square("luFactor", n, "a", a.length, aOff);
        LinalgChecks.square("luFactor", n, "lu", lu.length, luOff);
        LinalgChecks.vector("luFactor", "piv", n, piv.length, pivOff);
        double[] w = Widen.of(a, aOff, n * n);
        int info = Factor.lu(Vec.current(), w, 0, n, piv, pivOff);
        Widen.store(w, lu, luOff);
        return info;
    }

    /**
     * Solves A X = B from {@link #luFactor}'s lu and piv; b (n x nrhs) is overwritten by X.
     *
     * @param lu the LU factors (n x n, L below the diagonal, U on and above)
     * @param luOff index of lu's first element
     * @param piv the row pivots of the LU factorization
     * @param pivOff index of piv's first element
     * @param n order of the square matrix
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     */
    public static void luSolve(double[] lu, int luOff, int[] piv, int pivOff, int n, double[] b, int bOff, int nrhs) {
        LinalgChecks.square("luSolve", n, "lu", lu.length, luOff);
        LinalgChecks.vector("luSolve", "piv", n, piv.length, pivOff);
        LinalgChecks.rect("luSolve", "b", n, nrhs, b.length, bOff);
        LinalgChecks.pivots("luSolve", piv, pivOff, n);
        Solve.lu(Vec.current(), lu, luOff, piv, pivOff, n, b, bOff, nrhs);
    }

    /**
     * luSolve in F64 for float operands; b is overwritten.
     *
     * @param lu the LU factors (n x n, L below the diagonal, U on and above)
     * @param luOff index of lu's first element
     * @param piv the row pivots of the LU factorization
     * @param pivOff index of piv's first element
     * @param n order of the square matrix
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     */
    public static void luSolve(float[] lu, int luOff, int[] piv, int pivOff, int n, float[] b, int bOff, int nrhs) {
        LinalgChecks.rect("luSolve", "b", n, nrhs, b.length, bOff);
        LinalgChecks.square("luSolve", n, "lu", lu.length, luOff);
        double[] bw = Widen.of(b, bOff, n * nrhs);
        luSolve(Widen.of(lu, luOff, n * n), 0, piv, pivOff, n, bw, 0, nrhs);
        Widen.store(bw, b, bOff);
    }

    /**
     * x = A^-1 b for a (n x n), b and x (n x nrhs); x may be b. Exactly singular A (a zero pivot in
     * LU with partial pivoting): ArithmeticException "solve: the matrix is singular (U[k,k] == 0 at k=...)".
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     * @param x the input array
     * @param xOff index of x's first element
     */
    public static void solve(double[] a, int aOff, int n, double[] b, int bOff, int nrhs, double[] x, int xOff) {
        LinalgChecks.square("solve", n, "a", a.length, aOff);
        LinalgChecks.rect("solve", "b", n, nrhs, b.length, bOff);
        LinalgChecks.rect("solve", "x", n, nrhs, x.length, xOff);
        double[] w = java.util.Arrays.copyOfRange(a, aOff, aOff + n * n);
        int[] piv = new int[n];
        Vec v = Vec.current();
        LinalgChecks.nonsingular("solve", Factor.lu(v, w, 0, n, piv, 0));
        if (b != x || bOff != xOff) System.arraycopy(b, bOff, x, xOff, n * nrhs);
        Solve.lu(v, w, 0, piv, 0, n, x, xOff, nrhs);
    }

    /**
     * solve in F64 for float operands (see the double overload).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     * @param x the input array
     * @param xOff index of x's first element
     */
    public static void solve(float[] a, int aOff, int n, float[] b, int bOff, int nrhs, float[] x, int xOff) {
        LinalgChecks.square("solve", n, "a", a.length, aOff);
        LinalgChecks.rect("solve", "b", n, nrhs, b.length, bOff);
        LinalgChecks.rect("solve", "x", n, nrhs, x.length, xOff);
        double[] xw = Widen.of(b, bOff, n * nrhs);
        solve(Widen.of(a, aOff, n * n), 0, n, xw, 0, nrhs, xw, 0);
        Widen.store(xw, x, xOff);
    }

    // ---- triangular ----

    /**
     * Solves with triangular a (n x n; only the upper or lower triangle is read, its diagonal taken
     * as ones when unitDiagonal): left: A X = B with b (n x nrhs); right: X A = B with b (nrhs x n).
     * b is overwritten by X. A zero diagonal is not checked (gives inf/NaN).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param upper use the upper triangle (else the lower)
     * @param left solve A X = B (else X A = B)
     * @param unitDiagonal assume a unit diagonal (its stored values are not read)
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     */
    public static void triangularSolve(double[] a, int aOff, int n, boolean upper, boolean left, boolean unitDiagonal,
                                       double[] b, int bOff, int nrhs) {
        LinalgChecks.square("triangularSolve", n, "a", a.length, aOff);
        if (left) LinalgChecks.rect("triangularSolve", "b", n, nrhs, b.length, bOff);
        else LinalgChecks.rect("triangularSolve", "b", nrhs, n, b.length, bOff);
        Triangular.solve(Vec.current(), a, aOff, n, upper, left, unitDiagonal, b, bOff, nrhs);
    }

    /**
     * triangularSolve in F64 for float operands; b is overwritten.
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param upper use the upper triangle (else the lower)
     * @param left solve A X = B (else X A = B)
     * @param unitDiagonal assume a unit diagonal (its stored values are not read)
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     */
    public static void triangularSolve(float[] a, int aOff, int n, boolean upper, boolean left, boolean unitDiagonal,
                                       float[] b, int bOff, int nrhs) {
        LinalgChecks.square("triangularSolve", n, "a", a.length, aOff);
        if (left) LinalgChecks.rect("triangularSolve", "b", n, nrhs, b.length, bOff);
        else LinalgChecks.rect("triangularSolve", "b", nrhs, n, b.length, bOff);
        double[] bw = Widen.of(b, bOff, n * nrhs);
        triangularSolve(Widen.of(a, aOff, n * n), 0, n, upper, left, unitDiagonal, bw, 0, nrhs);
        Widen.store(bw, b, bOff);
    }

    // ---- QR and least squares ----

    /**
     * Reduced Householder QR of a (m x n), k = min(m, n): q (m x k) with orthonormal columns, r (k x n)
     * upper triangular, A = Q R. Sign convention as LAPACK's geqrf/orgqr: R[j,j] = -sign(a_jj) *
     * (norm of the column below and at the diagonal at step j), so R's diagonal may be negative; a
     * column already zero below the diagonal gets no reflection (R[j,j] keeps its sign).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param m rows of A
     * @param n order of the square matrix
     * @param q Q (m x k, written)
     * @param qOff index of Q's first element
     * @param r R (k x n, written)
     * @param rOff index of R's first element
     */
    public static void qr(double[] a, int aOff, int m, int n, double[] q, int qOff, double[] r, int rOff) {
        int k = Math.min(m, n);
        LinalgChecks.rect("qr", "a", m, n, a.length, aOff);
        LinalgChecks.rect("qr", "q", m, k, q.length, qOff);
        LinalgChecks.rect("qr", "r", k, n, r.length, rOff);
        Vec v = Vec.current();
        double[] w = java.util.Arrays.copyOfRange(a, aOff, aOff + m * n);
        double[] tau = new double[k];
        Factor.householder(v, w, 0, m, n, tau);
        for (int i = 0; i < k; i++) {
            java.util.Arrays.fill(r, rOff + i * n, rOff + i * n + i, 0);
            System.arraycopy(w, i * n + i, r, rOff + i * n + i, n - i);
        }
        double[] qw = new double[m * k];
        for (int i = 0; i < k; i++) qw[i * k + i] = 1;
        Factor.applyQ(v, w, 0, m, n, tau, qw, 0, k);
        System.arraycopy(qw, 0, q, qOff, m * k);
    }

    /**
     * qr in F64 of a float matrix (see the double overload).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param m rows of A
     * @param n order of the square matrix
     * @param q Q (m x k, written)
     * @param qOff index of Q's first element
     * @param r R (k x n, written)
     * @param rOff index of R's first element
     */
    public static void qr(float[] a, int aOff, int m, int n, float[] q, int qOff, float[] r, int rOff) {
        int k = Math.min(m, n);
        LinalgChecks.rect("qr", "a", m, n, a.length, aOff);
        LinalgChecks.rect("qr", "q", m, k, q.length, qOff);
        LinalgChecks.rect("qr", "r", k, n, r.length, rOff);
        double[] qw = new double[m * k], rw = new double[k * n];
        qr(Widen.of(a, aOff, m * n), 0, m, n, qw, 0, rw, 0);
        Widen.store(qw, q, qOff);
        Widen.store(rw, r, rOff);
    }

    /**
     * Least squares for full-rank a (m x n), b (m x nrhs) -> x (n x nrhs): m >= n minimizes ||A x - b||
     * (via QR of A); {@code m < n} gives the minimum-norm solution of A x = b (via QR of A^T). A rank-deficient
     * A ({@code |R[k,k]| <= max|R[i,i]| * max(m, n) * 2^-52}) is an ArithmeticException naming k and the values.
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param m rows of A
     * @param n order of the square matrix
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     * @param x the input array
     * @param xOff index of x's first element
     */
    public static void lstsq(double[] a, int aOff, int m, int n, double[] b, int bOff, int nrhs, double[] x, int xOff) {
        LinalgChecks.rect("lstsq", "a", m, n, a.length, aOff);
        LinalgChecks.rect("lstsq", "b", m, nrhs, b.length, bOff);
        LinalgChecks.rect("lstsq", "x", n, nrhs, x.length, xOff);
        Solve.lstsq(Vec.current(), a, aOff, m, n, b, bOff, nrhs, x, xOff);
    }

    /**
     * lstsq in F64 for float operands (see the double overload).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param m rows of A
     * @param n order of the square matrix
     * @param b the right-hand sides B (n x nrhs, row-major), overwritten by the solution
     * @param bOff index of B's first element
     * @param nrhs number of right-hand sides (columns of B)
     * @param x the input array
     * @param xOff index of x's first element
     */
    public static void lstsq(float[] a, int aOff, int m, int n, float[] b, int bOff, int nrhs, float[] x, int xOff) {
        LinalgChecks.rect("lstsq", "a", m, n, a.length, aOff);
        LinalgChecks.rect("lstsq", "b", m, nrhs, b.length, bOff);
        LinalgChecks.rect("lstsq", "x", n, nrhs, x.length, xOff);
        double[] xw = new double[n * nrhs];
        lstsq(Widen.of(a, aOff, m * n), 0, m, n, Widen.of(b, bOff, m * nrhs), 0, nrhs, xw, 0);
        Widen.store(xw, x, xOff);
    }

    // ---- determinants and inverse ----

    /**
     * det A via LU with partial pivoting (0 for an exactly singular A; 1 for n = 0).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @return det A
     */
    public static double det(double[] a, int aOff, int n) {
        return det(a, aOff, n, "det");
    }

    /**
     * det in F64 of a float matrix.
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @return det A
     */
    public static double det(float[] a, int aOff, int n) {
        LinalgChecks.square("det", n, "a", a.length, aOff);
        return det(Widen.of(a, aOff, n * n), 0, n, "det");
    }

    private static double det(double[] a, int aOff, int n, String kernel) {
        LinalgChecks.square(kernel, n, "a", a.length, aOff);
        double[] w = java.util.Arrays.copyOfRange(a, aOff, aOff + n * n);
        int[] piv = new int[n];
        Factor.lu(Vec.current(), w, 0, n, piv, 0);
        double d = 1;
        for (int k = 0; k < n; k++) d *= piv[k] != k ? -w[k * n + k] : w[k * n + k];
        return d + 0.0; // a singular matrix gives 0, not -0.0
    }

    /**
     * signAndLogAbs[0] = sign of det A (-1, 0 or 1), signAndLogAbs[1] = log|det A| (-inf when
     * singular), via LU with partial pivoting; no overflow for large n.
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param signAndLogAbs gets (sign of det A, log |det A|)
     */
    public static void slogdet(double[] a, int aOff, int n, double[] signAndLogAbs) {
        LinalgChecks.square("slogdet", n, "a", a.length, aOff);
        LinalgChecks.vector("slogdet", "signAndLogAbs", 2, signAndLogAbs.length, 0);
        double[] w = java.util.Arrays.copyOfRange(a, aOff, aOff + n * n);
        int[] piv = new int[n];
        Factor.lu(Vec.current(), w, 0, n, piv, 0);
        double sign = 1, log = 0;
        for (int k = 0; k < n; k++) {
            double d = w[k * n + k];
            if (piv[k] != k) sign = -sign;
            if (d < 0) sign = -sign;
            if (d == 0) {
                sign = 0;
                log = Double.NEGATIVE_INFINITY;
                break;
            }
            log += Math.log(Math.abs(d));
        }
        signAndLogAbs[0] = sign;
        signAndLogAbs[1] = log;
    }

    /**
     * slogdet in F64 of a float matrix (results in double).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param signAndLogAbs gets (sign of det A, log |det A|)
     */
    public static void slogdet(float[] a, int aOff, int n, double[] signAndLogAbs) {
        LinalgChecks.square("slogdet", n, "a", a.length, aOff);
        slogdet(Widen.of(a, aOff, n * n), 0, n, signAndLogAbs);
    }

    /**
     * inv = A^-1 via LU with partial pivoting; inv may be a. Exactly singular: ArithmeticException
     * "inverse: the matrix is singular (U[k,k] == 0 at k=...)".
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param inv A^-1 (n x n, written)
     * @param invOff index of the inverse's first element
     */
    public static void inverse(double[] a, int aOff, int n, double[] inv, int invOff) {
        LinalgChecks.square("inverse", n, "a", a.length, aOff);
        LinalgChecks.square("inverse", n, "inv", inv.length, invOff);
        double[] w = java.util.Arrays.copyOfRange(a, aOff, aOff + n * n);
        int[] piv = new int[n];
        Vec v = Vec.current();
        LinalgChecks.nonsingular("inverse", Factor.lu(v, w, 0, n, piv, 0));
        double[] e = new double[n * n];
        for (int i = 0; i < n; i++) e[i * n + i] = 1;
        Solve.lu(v, w, 0, piv, 0, n, e, 0, n);
        System.arraycopy(e, 0, inv, invOff, n * n);
    }

    /**
     * inverse in F64 of a float matrix (see the double overload).
     *
     * @param a the matrix A, row-major
     * @param aOff index of A's first element
     * @param n order of the square matrix
     * @param inv A^-1 (n x n, written)
     * @param invOff index of the inverse's first element
     */
    public static void inverse(float[] a, int aOff, int n, float[] inv, int invOff) {
        LinalgChecks.square("inverse", n, "a", a.length, aOff);
        LinalgChecks.square("inverse", n, "inv", inv.length, invOff);
        double[] w = Widen.of(a, aOff, n * n);
        inverse(w, 0, n, w, 0);
        Widen.store(w, inv, invOff);
    }
}
