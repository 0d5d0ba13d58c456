// Dense linear algebra on small batched matrices, one thread per matrix of the batch, in F64 (the host
// widens F32 operands once and rounds results once, as the CPU backend does), following
// dev.weft.kernels.linalg step for step: Cholesky-Crout, LU with partial pivoting (first largest pivot),
// triangular solves, Householder QR with LAPACK's sign convention, least squares through QR. Row-major,
// contiguous operands; every matrix gets its own slice of a scratch buffer. A numerical failure is written to
// status[b] (1 not positive-definite, 2 singular, 3 rank-deficient) with its index and values; the host
// reports the lowest failing b.
#include "weft_common.cuh"

#define W_EPS 2.220446049250313e-16

__device__ void d_copy(const double* a, double* b, int n) { for (int i = 0; i < n; ++i) b[i] = a[i]; }

__device__ void d_transpose(const double* a, int rows, int cols, double* t) {
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) t[j * rows + i] = a[i * cols + j];
}

__device__ void d_swap_rows(double* a, int cols, int i, int j) {
    for (int t = 0; t < cols; ++t) { double s = a[i * cols + t]; a[i * cols + t] = a[j * cols + t]; a[j * cols + t] = s; }
}

// Lower Cholesky in place (lower triangle of l holds A's); returns 0 or j + 1 with *pivot for a failure.
__device__ int d_cholesky(double* l, int n, double* pivot) {
    for (int j = 0; j < n; ++j) {
        double d = l[j * n + j];
        for (int k = 0; k < j; ++k) d -= l[j * n + k] * l[j * n + k];
        if (!(d > 0)) { *pivot = d; return j + 1; }
        double ljj = sqrt(d);
        l[j * n + j] = ljj;
        for (int i = j + 1; i < n; ++i) {
            double s = l[i * n + j];
            for (int k = 0; k < j; ++k) s -= l[i * n + k] * l[j * n + k];
            l[i * n + j] = s / ljj;
        }
    }
    for (int i = 0; i < n; ++i) for (int j = i + 1; j < n; ++j) l[i * n + j] = 0;
    return 0;
}

// P A = L U in place; piv[k] the row swapped with k; returns 0 or k + 1 for the first zero pivot.
__device__ int d_lu(double* a, int n, int* piv) {
    int info = 0;
    for (int k = 0; k < n; ++k) {
        int p = k;
        double max = fabs(a[k * n + k]);
        for (int i = k + 1; i < n; ++i) { double m = fabs(a[i * n + k]); if (m > max) { max = m; p = i; } }
        piv[k] = p;
        if (p != k) d_swap_rows(a, n, k, p);
        double d = a[k * n + k];
        if (d == 0) { if (info == 0) info = k + 1; continue; }
        for (int i = k + 1; i < n; ++i) {
            double l = a[i * n + k] / d;
            a[i * n + k] = l;
            for (int t = k + 1; t < n; ++t) a[i * n + t] -= l * a[k * n + t];
        }
    }
    return info;
}

// left: A X = B, b (n x nrhs); right: X A = B, b (nrhs x n); in place.
__device__ void d_trisolve(const double* a, int n, bool upper, bool left, bool unit, double* b, int nrhs) {
    if (left) {
        for (int s = 0; s < n; ++s) {
            int i = upper ? n - 1 - s : s;
            int k0 = upper ? i + 1 : 0, k1 = upper ? n : i;
            for (int t = 0; t < nrhs; ++t) {
                double v = b[i * nrhs + t];
                for (int k = k0; k < k1; ++k) v -= a[i * n + k] * b[k * nrhs + t];
                b[i * nrhs + t] = unit ? v : v / a[i * n + i];
            }
        }
    } else {
        for (int r = 0; r < nrhs; ++r) {
            double* row = b + r * n;
            for (int s = 0; s < n; ++s) {
                int j = upper ? s : n - 1 - s;
                double xj = unit ? row[j] : row[j] / a[j * n + j];
                row[j] = xj;
                if (upper) for (int t = j + 1; t < n; ++t) row[t] -= xj * a[j * n + t];
                else for (int t = 0; t < j; ++t) row[t] -= xj * a[j * n + t];
            }
        }
    }
}

__device__ void d_lu_solve(const double* lu, const int* piv, int n, double* b, int nrhs) {
    for (int k = 0; k < n; ++k) if (piv[k] != k) d_swap_rows(b, nrhs, k, piv[k]);
    d_trisolve(lu, n, false, true, true, b, nrhs);
    d_trisolve(lu, n, true, true, false, b, nrhs);
}

// c[k:m, c0:c1] = H_k c with H_k = I - tau v v^T, v = [1; w[k+1:m, k]] (w is m x n).
__device__ void d_reflect(const double* w, int n, int k, int m, double tau, double* c, int ldc, int c0, int c1, double* work) {
    int len = c1 - c0;
    if (tau == 0 || len <= 0) return;
    for (int t = 0; t < len; ++t) work[t] = c[k * ldc + c0 + t];
    for (int i = k + 1; i < m; ++i) for (int t = 0; t < len; ++t) work[t] += w[i * n + k] * c[i * ldc + c0 + t];
    for (int t = 0; t < len; ++t) c[k * ldc + c0 + t] -= tau * work[t];
    for (int i = k + 1; i < m; ++i) for (int t = 0; t < len; ++t) c[i * ldc + c0 + t] -= tau * w[i * n + k] * work[t];
}

__device__ void d_householder(double* w, int m, int n, double* tau, double* work) {
    int kmax = m < n ? m : n;
    for (int k = 0; k < kmax; ++k) {
        double alpha = w[k * n + k], sigma = 0;
        for (int i = k + 1; i < m; ++i) sigma += w[i * n + k] * w[i * n + k];
        if (sigma == 0) { tau[k] = 0; continue; }
        double norm = hypot(alpha, sqrt(sigma));
        double beta = alpha >= 0 ? -norm : norm;
        tau[k] = (beta - alpha) / beta;
        double scale = 1 / (alpha - beta);
        for (int i = k + 1; i < m; ++i) w[i * n + k] *= scale;
        w[k * n + k] = beta;
        d_reflect(w, n, k, m, tau[k], w, n, k + 1, n, work);
    }
}

__device__ void d_apply_qt(const double* w, int m, int n, const double* tau, double* c, int cols, double* work) {
    int kmax = m < n ? m : n;
    for (int k = 0; k < kmax; ++k) d_reflect(w, n, k, m, tau[k], c, cols, 0, cols, work);
}

__device__ void d_apply_q(const double* w, int m, int n, const double* tau, double* c, int cols, double* work) {
    int kmax = m < n ? m : n;
    for (int k = kmax - 1; k >= 0; --k) d_reflect(w, n, k, m, tau[k], c, cols, 0, cols, work);
}

// |R[i,i]| against max|R[i,i]| * max(m, n) * 2^-52 (R's diagonal in w with leading dim ld); 0 or i + 1.
__device__ int d_check_rank(const double* w, int k, int ld, int m, int n, double* d, double* tol) {
    double max = 0;
    for (int i = 0; i < k; ++i) max = fmax(max, fabs(w[i * ld + i]));
    double t = max * (double) (m > n ? m : n) * W_EPS;
    for (int i = 0; i < k; ++i) {
        double v = fabs(w[i * ld + i]);
        if (!(v > t)) { *d = v; *tol = t; return i + 1; }
    }
    return 0;
}

extern "C" __global__ void linalg_cholesky(int batch, int n, int upper, const double* A, double* L, double* scratch,
                                           int* status, double* sval) {
    WEFT_GRID_LOOP(b, batch) {
        const double* a = A + (long long) b * n * n;
        double* w = scratch + (long long) b * n * n;
        for (int i = 0; i < n; ++i) for (int j = 0; j < n; ++j) w[i * n + j] = j <= i ? a[i * n + j] : 0.0;
        int info = d_cholesky(w, n, &sval[2 * b]);
        if (info) { status[2 * b] = 1; status[2 * b + 1] = info; continue; }
        double* l = L + (long long) b * n * n;
        if (upper) d_transpose(w, n, n, l); else d_copy(w, l, n * n);
    }
}

extern "C" __global__ void linalg_cholesky_solve(int batch, int n, int k, int upper, const double* B, const double* L, double* X,
                                                 double* scratch) {
    WEFT_GRID_LOOP(b, batch) {
        const double* l = L + (long long) b * n * n;
        double* x = X + (long long) b * n * k;
        double* t = scratch + (long long) b * n * n;
        d_copy(B + (long long) b * n * k, x, n * k);
        d_transpose(l, n, n, t);
        if (upper) { d_trisolve(t, n, false, true, false, x, k); d_trisolve(l, n, true, true, false, x, k); }
        else { d_trisolve(l, n, false, true, false, x, k); d_trisolve(t, n, true, true, false, x, k); }
    }
}

extern "C" __global__ void linalg_solve(int batch, int n, int k, const double* A, const double* B, double* X, double* scratch,
                                        int* piv, int* status) {
    WEFT_GRID_LOOP(b, batch) {
        double* w = scratch + (long long) b * n * n;
        int* p = piv + (long long) b * n;
        d_copy(A + (long long) b * n * n, w, n * n);
        int info = d_lu(w, n, p);
        if (info) { status[2 * b] = 2; status[2 * b + 1] = info; continue; }
        double* x = X + (long long) b * n * k;
        d_copy(B + (long long) b * n * k, x, n * k);
        d_lu_solve(w, p, n, x, k);
    }
}

extern "C" __global__ void linalg_solve_triangular(int batch, int n, int nrhs, int upper, int left, int unit, const double* A,
                                                   const double* B, double* X) {
    WEFT_GRID_LOOP(b, batch) {
        double* x = X + (long long) b * n * nrhs;
        d_copy(B + (long long) b * n * nrhs, x, n * nrhs);
        d_trisolve(A + (long long) b * n * n, n, upper, left, unit, x, nrhs);
    }
}

// mode 0: det; 1: slogdet (sign in out0, log|det| in out1); 2: inverse into out0 (n x n each).
extern "C" __global__ void linalg_lu_family(int batch, int n, int mode, const double* A, double* out0, double* out1,
                                            double* scratch, int* piv, int* status) {
    WEFT_GRID_LOOP(b, batch) {
        double* w = scratch + (long long) b * n * n;
        int* p = piv + (long long) b * n;
        d_copy(A + (long long) b * n * n, w, n * n);
        int info = d_lu(w, n, p);
        if (mode == 0) {
            double d = 1;
            for (int k = 0; k < n; ++k) d *= p[k] != k ? -w[k * n + k] : w[k * n + k];
            out0[b] = d + 0.0;
        } else if (mode == 1) {
            double sign = 1, lg = 0;
            for (int k = 0; k < n; ++k) {
                double d = w[k * n + k];
                if (p[k] != k) sign = -sign;
                if (d < 0) sign = -sign;
                if (d == 0) { sign = 0; lg = -__longlong_as_double(0x7ff0000000000000LL); break; }
                lg += log(fabs(d));
            }
            out0[b] = sign;
            out1[b] = lg;
        } else {
            if (info) { status[2 * b] = 2; status[2 * b + 1] = info; continue; }
            double* e = out0 + (long long) b * n * n;
            for (int i = 0; i < n; ++i) for (int j = 0; j < n; ++j) e[i * n + j] = i == j ? 1.0 : 0.0;
            d_lu_solve(w, p, n, e, n);
        }
    }
}

// Reduced QR: Q (m x k), R (k x n), k = min(m, n). scratch per matrix: w (m n), tau (k), work (max(m, n)).
extern "C" __global__ void linalg_qr(int batch, int m, int n, const double* A, double* Q, double* R, double* scratch) {
    WEFT_GRID_LOOP(b, batch) {
        int k = m < n ? m : n, big = m > n ? m : n;
        double* w = scratch + (long long) b * (m * n + k + big);
        double* tau = w + m * n;
        double* work = tau + k;
        d_copy(A + (long long) b * m * n, w, m * n);
        d_householder(w, m, n, tau, work);
        double* r = R + (long long) b * k * n;
        for (int i = 0; i < k; ++i) for (int j = 0; j < n; ++j) r[i * n + j] = j >= i ? w[i * n + j] : 0.0;
        double* q = Q + (long long) b * m * k;
        for (int i = 0; i < m; ++i) for (int j = 0; j < k; ++j) q[i * k + j] = i == j ? 1.0 : 0.0;
        d_apply_q(w, m, n, tau, q, k, work);
    }
}

// x (n x nrhs) minimizing ||A x - b|| (m >= n) or the minimum-norm solution (m < n). scratch per matrix:
// w (m n), tau (min), c (max(m, n) nrhs), rt (m m), work (max(m, n, nrhs)).
extern "C" __global__ void linalg_lstsq(int batch, int m, int n, int nrhs, const double* A, const double* B, double* X,
                                        double* scratch, int* status, double* sval) {
    WEFT_GRID_LOOP(b, batch) {
        int big = m > n ? m : n, kk = m < n ? m : n;
        long long per = (long long) m * n + kk + (long long) big * nrhs + (long long) m * m + (big > nrhs ? big : nrhs);
        double* w = scratch + (long long) b * per;
        double* tau = w + m * n;
        double* c = tau + kk;
        double* rt = c + big * nrhs;
        double* work = rt + m * m;
        const double* a = A + (long long) b * m * n;
        const double* bb = B + (long long) b * m * nrhs;
        double* x = X + (long long) b * n * nrhs;
        if (m >= n) {
            d_copy(a, w, m * n);
            d_householder(w, m, n, tau, work);
            int bad = d_check_rank(w, n, n, m, n, &sval[2 * b], &sval[2 * b + 1]);
            if (bad) { status[2 * b] = 3; status[2 * b + 1] = bad; continue; }
            d_copy(bb, c, m * nrhs);
            d_apply_qt(w, m, n, tau, c, nrhs, work);
            d_trisolve(w, n, true, true, false, c, nrhs);
            d_copy(c, x, n * nrhs);
        } else {
            d_transpose(a, m, n, w);                       // A^T (n x m)
            d_householder(w, n, m, tau, work);
            int bad = d_check_rank(w, m, m, m, n, &sval[2 * b], &sval[2 * b + 1]);
            if (bad) { status[2 * b] = 3; status[2 * b + 1] = bad; continue; }
            for (int i = 0; i < m * m; ++i) rt[i] = 0;
            for (int i = 0; i < m; ++i) for (int j = i; j < m; ++j) rt[j * m + i] = w[i * m + j];
            for (int i = 0; i < n * nrhs; ++i) c[i] = i < m * nrhs ? bb[i] : 0.0;
            d_trisolve(rt, m, false, true, false, c, nrhs);
            d_apply_q(w, n, m, tau, c, nrhs, work);
            d_copy(c, x, n * nrhs);
        }
    }
}
