// CSR kernels (torch.sparse.mm, sampled_addmm, torch_scatter's segment_csr) over contiguous operands:
// SpMM y = A x with one thread per output element summing its row in storage order; SDDMM one thread per
// nonzero (its row found by binary search in rowPtr); segment sum/mean/max/min one thread per (segment,
// trailing element). Index dtype I32 or I64 (the _i32/_i64 suffix). A column out of range records its
// position in err and contributes nothing.
#include "weft_common.cuh"

// A row pointer outside [0, nnz] is reported as position nnz + row (err) and its row is clipped.
template <typename T, typename I> __device__ void w_spmm(int m, int n, int cols, int nnz, const I* rowPtr, const I* col,
                                                         const T* values, const T* x, T* y, unsigned long long* err) {
    WEFT_GRID_LOOP(i, m * n) {
        int r = i / n, j = i % n;
        T acc = T(0);
        I p0 = rowPtr[r], p1 = rowPtr[r + 1];
        if (p0 < 0 || p1 > nnz || p0 > p1) { weft_bad_index(err, nnz + r); p0 = p0 < 0 ? 0 : p0; p1 = p1 > nnz ? nnz : p1; }
        for (I p = p0; p < p1; ++p) {
            I c = col[p];
            if (c < 0 || c >= cols) { weft_bad_index(err, (int) p); continue; }
            acc += values[p] * x[(long long) c * n + j];
        }
        y[i] = acc;
    }
}

// out[p] = a[row(p)] . b[col[p]] with a (m, n) and b (cols, n).
template <typename T, typename I> __device__ void w_sddmm(int m, int nnz, int n, int cols, const I* rowPtr, const I* col,
                                                          const T* a, const T* b, T* out, unsigned long long* err) {
    WEFT_GRID_LOOP(p, nnz) {
        int lo = 0, hi = m;
        while (hi - lo > 1) {
            int mid = (lo + hi) / 2;
            if (rowPtr[mid] <= p) lo = mid; else hi = mid;
        }
        I c = col[p];
        if (c < 0 || c >= cols) { weft_bad_index(err, p); out[p] = T(0); continue; }
        T acc = T(0);
        for (int k = 0; k < n; ++k) acc += a[(long long) lo * n + k] * b[(long long) c * n + k];
        out[p] = acc;
    }
}

// reduce: 0 sum, 1 mean, 2 max, 3 min; x (total, inner) and y (m, inner); arg (m, inner) for max/min
// (total for an empty segment).
template <typename T, typename I> __device__ void w_segment(int m, int inner, int total, const I* rowPtr, const T* x, T* y,
                                                            i64* arg, int reduce) {
    WEFT_GRID_LOOP(i, m * inner) {
        int s = i / inner, t = i % inner;
        I a = rowPtr[s], b = rowPtr[s + 1];
        a = a < 0 ? 0 : (a > total ? total : a);
        b = b < a ? a : (b > total ? total : b);
        if (a >= b) { y[i] = T(0); if (reduce >= 2) arg[i] = total; continue; }
        T acc = x[(long long) a * inner + t];
        i64 at = a;
        for (I r = a + 1; r < b; ++r) {
            T v = x[(long long) r * inner + t];
            if (reduce <= 1) acc += v;
            else if (!weft_isnan(acc) && (weft_isnan(v) || (reduce == 2 ? v > acc : v < acc))) { acc = v; at = r; }
        }
        if (reduce == 1) acc = acc / T(b - a);
        y[i] = acc;
        if (reduce >= 2) arg[i] = at;
    }
}

#define WEFT_SPARSE(SN, T, IN, I)                                                                                \
    extern "C" __global__ void spmm_##SN##_##IN(int m, int n, int cols, int nnz, const I* rowPtr, const I* col,  \
            const T* values, const T* x, T* y, unsigned long long* err) {                                        \
        w_spmm<T, I>(m, n, cols, nnz, rowPtr, col, values, x, y, err);                                           \
    }                                                                                                            \
    extern "C" __global__ void sddmm_##SN##_##IN(int m, int nnz, int n, int cols, const I* rowPtr, const I* col, \
            const T* a, const T* b, T* out, unsigned long long* err) {                                           \
        w_sddmm<T, I>(m, nnz, n, cols, rowPtr, col, a, b, out, err);                                             \
    }                                                                                                            \
    extern "C" __global__ void segment_##SN##_##IN(int m, int inner, int total, const I* rowPtr, const T* x,     \
            T* y, i64* arg, int reduce) {                                                                        \
        w_segment<T, I>(m, inner, total, rowPtr, x, y, arg, reduce);                                             \
    }
WEFT_SPARSE(f32, float, i32, int)
WEFT_SPARSE(f32, float, i64, i64)
WEFT_SPARSE(f64, double, i32, int)
WEFT_SPARSE(f64, double, i64, i64)
