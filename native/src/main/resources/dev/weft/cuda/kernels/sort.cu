// Sorting along one dim by ranks: every element counts the elements that go before it in its row (a smaller
// value, or an equal one at a smaller position), so the sort is stable in both directions and needs no
// scratch; O(len^2) work per row, parallel over every element. NaN sorts as the largest value, -0.0 equals
// 0.0. topk keeps the ranks below k, in rank order (sorted) or in increasing position.
#include "weft_common.cuh"

// a strictly before b in ascending order (NaN largest; two NaNs are equal)
template <typename T> __device__ __forceinline__ bool w_less(T a, T b) {
    if (weft_isnan(a)) return false;
    if (weft_isnan(b)) return true;
    return a < b;
}

template <typename T> __device__ __forceinline__ int w_rank(const T* xr, int xs, int len, int j, int descending) {
    T v = xr[j * xs];
    int rank = 0;
    for (int k = 0; k < len; ++k) {
        if (k == j) continue;
        T u = xr[k * xs];
        bool before = descending ? w_less(v, u) : w_less(u, v);
        bool equal = !w_less(u, v) && !w_less(v, u);
        if (before || (equal && k < j)) ++rank;
    }
    return rank;
}

// values and indices of x's shape; yo: the outputs' outer view (contiguous), ys: their stride along dim.
template <typename T> __device__ void w_sort(int rows, int len, WeftStrided xo, int xs, WeftStrided yo, int ys, const T* x,
                                             T* vals, i64* idx, int descending) {
    WEFT_GRID_LOOP(i, rows * len) {
        int r = i / len, j = i % len;
        const T* xr = x + weft_at(xo, r);
        int at = weft_at(yo, r) + w_rank(xr, xs, len, j, descending) * ys;
        vals[at] = xr[j * xs];
        idx[at] = j;
    }
}

// the k first in (descending when largest) order: at their rank when sorted, else at their position among
// the chosen. yo, ys: the outputs' outer view and stride along dim (of size k).
template <typename T> __device__ void w_topk(int rows, int len, int k, WeftStrided xo, int xs, WeftStrided yo, int ys,
                                             const T* x, T* vals, i64* idx, int largest, int sorted) {
    WEFT_GRID_LOOP(i, rows * len) {
        int r = i / len, j = i % len;
        const T* xr = x + weft_at(xo, r);
        int rank = w_rank(xr, xs, len, j, largest);
        if (rank >= k) continue;
        int pos = rank;
        if (!sorted) {
            pos = 0;
            for (int q = 0; q < j; ++q) if (w_rank(xr, xs, len, q, largest) < k) ++pos;
        }
        int at = weft_at(yo, r) + pos * ys;
        vals[at] = xr[j * xs];
        idx[at] = j;
    }
}

#define WEFT_SORT(SN, T)                                                                                         \
    extern "C" __global__ void sort_##SN(int rows, int len, WeftStrided xo, int xs, WeftStrided yo, int ys,      \
            const T* x, T* vals, i64* idx, int descending) {                                                     \
        w_sort<T>(rows, len, xo, xs, yo, ys, x, vals, idx, descending);                                          \
    }                                                                                                            \
    extern "C" __global__ void topk_##SN(int rows, int len, int k, WeftStrided xo, int xs, WeftStrided yo,       \
            int ys, const T* x, T* vals, i64* idx, int largest, int sorted) {                                    \
        w_topk<T>(rows, len, k, xo, xs, yo, ys, x, vals, idx, largest, sorted);                                  \
    }
WEFT_SORT(f32, float)
WEFT_SORT(f64, double)
WEFT_SORT(i32, int)
WEFT_SORT(i64, i64)
