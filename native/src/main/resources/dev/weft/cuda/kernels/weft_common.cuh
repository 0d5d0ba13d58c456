// weft_common.cuh: what every Weft kernel shares: the by-value strided view (dev.weft.cuda.ffm.StridedArg,
// whose Java layout the asserts below pin), the grid-stride loop, and small NaN-aware helpers.
#pragma once

#define WEFT_MAX_DIMS 8

typedef long long i64;
typedef unsigned char u8;

// Element (i_0, ..., i_{rank-1}) of a view is at offset + sum_d i_d * stride[d] (in elements).
struct WeftStrided {
    int rank;
    int offset;
    int shape[WEFT_MAX_DIMS];
    int stride[WEFT_MAX_DIMS];
};
static_assert(sizeof(WeftStrided) == 72, "WeftStrided must be 72 bytes (StridedArg.LAYOUT)");
// all-int members with 4-byte alignment: the offsets are then 0, 4, 8 and 40, as StridedArg.LAYOUT has them
static_assert(alignof(WeftStrided) == 4, "WeftStrided must be 4-byte aligned (StridedArg.LAYOUT)");

// The storage offset of the i-th element (row-major over s.shape) of a view.
__device__ __forceinline__ int weft_at(const WeftStrided& s, int i) {
    int off = s.offset;
    for (int d = s.rank - 1; d >= 0; --d) {
        int sz = s.shape[d];
        int q = i / sz;
        off += (i - q * sz) * s.stride[d];
        i = q;
    }
    return off;
}

// The coordinates of the i-th element (row-major over shape[0..rank)).
__device__ __forceinline__ void weft_coords(const WeftStrided& s, int i, int* c) {
    for (int d = s.rank - 1; d >= 0; --d) {
        int sz = s.shape[d];
        int q = i / sz;
        c[d] = i - q * sz;
        i = q;
    }
}

// The storage offset of coordinates c in a view.
__device__ __forceinline__ int weft_offset(const WeftStrided& s, const int* c) {
    int off = s.offset;
    for (int d = 0; d < s.rank; ++d) off += c[d] * s.stride[d];
    return off;
}

#define WEFT_GRID_LOOP(i, n) \
    for (int i = (int) (blockIdx.x * blockDim.x + threadIdx.x); i < (n); i += (int) (blockDim.x * gridDim.x))

template <typename T> __device__ __forceinline__ bool weft_isnan(T x) { return x != x; }

// max/min that propagate NaN (torch.maximum, amax).
template <typename T> __device__ __forceinline__ T weft_max(T a, T b) {
    return weft_isnan(a) ? a : (weft_isnan(b) ? b : (a > b ? a : b));
}
template <typename T> __device__ __forceinline__ T weft_min(T a, T b) {
    return weft_isnan(a) ? a : (weft_isnan(b) ? b : (a < b ? a : b));
}

// The first index of an out-of-range value (atomicMin keeps the smallest position; ~0 means none).
__device__ __forceinline__ void weft_bad_index(unsigned long long* err, int pos) {
    atomicMin(err, (unsigned long long) pos);
}
