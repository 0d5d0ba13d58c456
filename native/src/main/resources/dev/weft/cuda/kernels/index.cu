// Indexing kernels over I64 indices: index_select and gather read through the index; scatter, scatter_add,
// scatter_reduce and index_add are written as gathers too (each output element walks the index entries that
// can target it, in increasing order), so repeated targets combine in the CPU's order with no atomics and
// the same bits every run. An out-of-range index records its position in err (atomicMin; the host reports
// the first) and the element is left as self.
#include "weft_common.cuh"

// y[i] = x[.., idx[j], ..] with j the coordinate along dim of output element i. xs: x's strides over the
// output's shape with stride 0 at dim; xd: x's stride at dim; n_dim: x.size(dim); inner: elements after dim.
template <typename T> __device__ void w_index_select(int n, WeftStrided xs, int xd, int n_dim, int nidx, int inner,
                                                     const i64* idx, int idx_stride, int idx_offset, const T* x, T* y,
                                                     unsigned long long* err) {
    WEFT_GRID_LOOP(i, n) {
        int j = (i / inner) % nidx;
        i64 v = idx[idx_offset + j * idx_stride];
        if (v < 0 || v >= n_dim) { weft_bad_index(err, j); y[i] = T(0); continue; }
        y[i] = x[weft_at(xs, i) + (int) v * xd];
    }
}

// y[i] = x[i with coordinate dim replaced by idx[i]]. is: idx's view; xs: x's strides over idx's shape,
// stride 0 at dim.
template <typename T> __device__ void w_gather(int n, WeftStrided is, WeftStrided xs, int xd, int n_dim, const i64* idx,
                                               const T* x, T* y, unsigned long long* err) {
    WEFT_GRID_LOOP(i, n) {
        i64 v = idx[weft_at(is, i)];
        if (v < 0 || v >= n_dim) { weft_bad_index(err, i); y[i] = T(0); continue; }
        y[i] = x[weft_at(xs, i) + (int) v * xd];
    }
}

// mode: 0 scatter (last write wins), 1 sum (scatter_add / scatter_reduce sum), 2 prod, 3 mean, 4 amax, 5 amin.
// self: self's view (output shape); is, ss: idx's and src's views over idx's shape. include: self takes part.
template <typename T> __device__ void w_scatter(int n, int dim, WeftStrided self, WeftStrided is, WeftStrided ss,
                                                const T* s, const i64* idx, const T* src, T* y, int mode, int include,
                                                int floorDiv, unsigned long long* err) {
    WEFT_GRID_LOOP(i, n) {
        int c[WEFT_MAX_DIMS];
        weft_coords(self, i, c);
        T acc = s[weft_at(self, i)];
        bool inside = true;
        for (int d = 0; d < self.rank; ++d) if (d != dim && c[d] >= is.shape[d]) inside = false;
        if (inside) {
            int target = c[dim];
            int count = include ? 1 : 0;
            bool seen = false;
            for (int j = 0; j < is.shape[dim]; ++j) {
                c[dim] = j;
                i64 v = idx[weft_offset(is, c)];
                if (v < 0 || v >= self.shape[dim]) {
                    if (target == 0) {
                        int pos = 0;
                        for (int d = 0; d < is.rank; ++d) pos = pos * is.shape[d] + c[d];
                        weft_bad_index(err, pos);
                    }
                    continue;
                }
                if (v != target) continue;
                T w = src[weft_offset(ss, c)];
                if (mode == 0 || (!include && !seen)) acc = w;
                else if (mode == 1 || mode == 3) acc = acc + w;
                else if (mode == 2) acc = acc * w;
                else if (mode == 4) acc = weft_max(acc, w);
                else acc = weft_min(acc, w);
                seen = true;
                ++count;
            }
            if (mode == 3 && count > 0) {
                if (floorDiv) { T q = acc / T(count); acc = (q * T(count) != acc && ((acc < T(0)) != (count < 0))) ? q - T(1) : q; }
                else acc = acc / T(count);
            }
        }
        y[i] = acc;
    }
}

// y = self; y[.., idx[j], ..] += alpha * src[.., j, ..] in increasing j. self: self's view; ss: src's view with
// its dim-size; output element i walks every j.
template <typename T> __device__ void w_index_add(int n, int dim, WeftStrided self, WeftStrided ss, const T* s,
                                                  const i64* idx, int idx_stride, int idx_offset, const T* src, T* y,
                                                  double alpha, unsigned long long* err) {
    WEFT_GRID_LOOP(i, n) {
        int c[WEFT_MAX_DIMS];
        weft_coords(self, i, c);
        T acc = s[weft_at(self, i)];
        int target = c[dim];
        for (int j = 0; j < ss.shape[dim]; ++j) {
            i64 v = idx[idx_offset + j * idx_stride];
            if (v < 0 || v >= self.shape[dim]) { if (i == 0) weft_bad_index(err, j); continue; }
            if (v != target) continue;
            c[dim] = j;
            acc = acc + T(alpha) * src[weft_offset(ss, c)];
        }
        y[i] = acc;
    }
}

// The column-serial forms, O(entries) per column instead of O(targets x entries): one thread per column (all
// coordinates but dim) walks the index entries of its column in increasing order and applies each to y, which
// holds a copy of self already. Columns never share an element, so there are no races and no atomics, and
// repeated targets combine in the CPU's order. cols: the column view (the index's shape, or src's for
// index_add, with dim of size 1); mode 0 scatter (last write wins), 1 add.
template <typename T> __device__ void w_scatter_cols(int ncols, int dim, WeftStrided cols, int len, WeftStrided ys,
                                                     WeftStrided is, WeftStrided ss, const i64* idx, const T* src, T* y,
                                                     int mode, unsigned long long* err) {
    WEFT_GRID_LOOP(col, ncols) {
        int c[WEFT_MAX_DIMS];
        weft_coords(cols, col, c);
        for (int j = 0; j < len; ++j) {
            c[dim] = j;
            i64 v = idx[weft_offset(is, c)];
            if (v < 0 || v >= ys.shape[dim]) {
                int pos = 0;
                for (int d = 0; d < is.rank; ++d) pos = pos * is.shape[d] + c[d];
                weft_bad_index(err, pos);
                continue;
            }
            T w = src[weft_offset(ss, c)];
            c[dim] = (int) v;
            T* t = y + weft_offset(ys, c);
            *t = mode == 0 ? w : (T) (*t + w);
        }
    }
}

// y[.., idx[j], ..] += alpha * src[.., j, ..] for j in increasing order, one thread per column of src.
template <typename T> __device__ void w_index_add_cols(int ncols, int dim, WeftStrided cols, int len, WeftStrided ys,
                                                       WeftStrided ss, const i64* idx, int idx_stride, int idx_offset,
                                                       const T* src, T* y, double alpha, unsigned long long* err) {
    WEFT_GRID_LOOP(col, ncols) {
        int c[WEFT_MAX_DIMS];
        weft_coords(cols, col, c);
        for (int j = 0; j < len; ++j) {
            i64 v = idx[idx_offset + j * idx_stride];
            if (v < 0 || v >= ys.shape[dim]) { weft_bad_index(err, j); continue; }
            c[dim] = j;
            T w = src[weft_offset(ss, c)];
            c[dim] = (int) v;
            T* t = y + weft_offset(ys, c);
            *t = *t + T(alpha) * w;
        }
    }
}

#define WEFT_INDEX_COLS(SN, T)                                                                                   \
    extern "C" __global__ void scatter_cols_##SN(int ncols, int dim, WeftStrided cols, int len, WeftStrided ys,  \
            WeftStrided is, WeftStrided ss, const i64* idx, const T* src, T* y, int mode,                        \
            unsigned long long* err) {                                                                           \
        w_scatter_cols<T>(ncols, dim, cols, len, ys, is, ss, idx, src, y, mode, err);                            \
    }                                                                                                            \
    extern "C" __global__ void index_add_cols_##SN(int ncols, int dim, WeftStrided cols, int len, WeftStrided ys, \
            WeftStrided ss, const i64* idx, int idx_stride, int idx_offset, const T* src, T* y, double alpha,    \
            unsigned long long* err) {                                                                           \
        w_index_add_cols<T>(ncols, dim, cols, len, ys, ss, idx, idx_stride, idx_offset, src, y, alpha, err);     \
    }
WEFT_INDEX_COLS(f32, float)
WEFT_INDEX_COLS(f64, double)
WEFT_INDEX_COLS(i32, int)
WEFT_INDEX_COLS(i64, i64)

// scatter of BOOL (mode 0 only: scatter_add and index_add do not take BOOL)
extern "C" __global__ void scatter_cols_u8(int ncols, int dim, WeftStrided cols, int len, WeftStrided ys, WeftStrided is,
                                           WeftStrided ss, const i64* idx, const u8* src, u8* y, int mode,
                                           unsigned long long* err) {
    w_scatter_cols<u8>(ncols, dim, cols, len, ys, is, ss, idx, src, y, 0, err);
}

#define WEFT_INDEX_READS(SN, T)                                                                                  \
    extern "C" __global__ void index_select_##SN(int n, WeftStrided xs, int xd, int n_dim, int nidx, int inner,  \
            const i64* idx, int idx_stride, int idx_offset, const T* x, T* y, unsigned long long* err) {        \
        w_index_select<T>(n, xs, xd, n_dim, nidx, inner, idx, idx_stride, idx_offset, x, y, err);               \
    }                                                                                                            \
    extern "C" __global__ void gather_##SN(int n, WeftStrided is, WeftStrided xs, int xd, int n_dim,             \
            const i64* idx, const T* x, T* y, unsigned long long* err) {                                         \
        w_gather<T>(n, is, xs, xd, n_dim, idx, x, y, err);                                                       \
    }
#define WEFT_INDEX_WRITES(SN, T)                                                                                 \
    extern "C" __global__ void scatter_##SN(int n, int dim, WeftStrided self, WeftStrided is, WeftStrided ss,    \
            const T* s, const i64* idx, const T* src, T* y, int mode, int include, int floorDiv,                 \
            unsigned long long* err) {                                                                           \
        w_scatter<T>(n, dim, self, is, ss, s, idx, src, y, mode, include, floorDiv, err);                        \
    }                                                                                                            \
    extern "C" __global__ void index_add_##SN(int n, int dim, WeftStrided self, WeftStrided ss, const T* s,      \
            const i64* idx, int idx_stride, int idx_offset, const T* src, T* y, double alpha,                    \
            unsigned long long* err) {                                                                           \
        w_index_add<T>(n, dim, self, ss, s, idx, idx_stride, idx_offset, src, y, alpha, err);                    \
    }
WEFT_INDEX_READS(f32, float)
WEFT_INDEX_READS(f64, double)
WEFT_INDEX_READS(i32, int)
WEFT_INDEX_READS(i64, i64)
WEFT_INDEX_READS(u8, u8)
WEFT_INDEX_WRITES(f32, float)
WEFT_INDEX_WRITES(f64, double)
WEFT_INDEX_WRITES(i32, int)
WEFT_INDEX_WRITES(i64, i64)

// The coordinates of the non-zero elements of x in row-major order: one thread walks x (the count is known).
template <typename T> __device__ void w_nonzero(int n, WeftStrided xs, const T* x, i64* out, int count, int* found) {
    if (blockIdx.x != 0 || threadIdx.x != 0) return;
    int k = 0;
    int c[WEFT_MAX_DIMS];
    for (int i = 0; i < n; ++i) {
        if (x[weft_at(xs, i)] != T(0)) {
            if (k < count) {
                weft_coords(xs, i, c);
                for (int d = 0; d < xs.rank; ++d) out[k * xs.rank + d] = c[d];
            }
            ++k;
        }
    }
    *found = k;
}
#define WEFT_NONZERO(SN, T)                                                                                      \
    extern "C" __global__ void nonzero_##SN(int n, WeftStrided xs, const T* x, i64* out, int count, int* found) { \
        w_nonzero<T>(n, xs, x, out, count, found);                                                               \
    }
WEFT_NONZERO(f32, float)
WEFT_NONZERO(f64, double)
WEFT_NONZERO(i32, int)
WEFT_NONZERO(i64, i64)
WEFT_NONZERO(u8, u8)
