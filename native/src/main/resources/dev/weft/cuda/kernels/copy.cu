// Copies between strided views: the same dtype as raw 1/4/8-byte words (clone, copy_, cat, flip: a flipped
// view is a negative stride), every dtype pair as a converting copy (to(), copy_ across dtypes), and fill.
// The source is a view of the destination's shape (stride 0 where it broadcasts); so is the destination.
#include "weft_common.cuh"

#define WEFT_COPY(NAME, T)                                                                                       \
    extern "C" __global__ void NAME(int n, WeftStrided ss, WeftStrided ds, const T* src, T* dst) {               \
        WEFT_GRID_LOOP(i, n) dst[weft_at(ds, i)] = src[weft_at(ss, i)];                                          \
    }
WEFT_COPY(copy_b1, u8)
WEFT_COPY(copy_b4, unsigned int)
WEFT_COPY(copy_b8, unsigned long long)

// Float to integer truncates toward zero, saturating, NaN to 0 (cvt.rzi's rules); to BOOL is x != 0.
template <typename S, typename D> __device__ __forceinline__ D w_convert(S x) { return (D) x; }
template <> __device__ __forceinline__ u8 w_convert<float, u8>(float x) { return x != 0.0f; }
template <> __device__ __forceinline__ u8 w_convert<double, u8>(double x) { return x != 0.0; }
template <> __device__ __forceinline__ u8 w_convert<int, u8>(int x) { return x != 0; }
template <> __device__ __forceinline__ u8 w_convert<i64, u8>(i64 x) { return x != 0; }
template <> __device__ __forceinline__ u8 w_convert<u8, u8>(u8 x) { return x != 0; }

#define WEFT_CAST(NAME, S, D)                                                                                    \
    extern "C" __global__ void NAME(int n, WeftStrided ss, WeftStrided ds, const S* src, D* dst) {               \
        WEFT_GRID_LOOP(i, n) dst[weft_at(ds, i)] = w_convert<S, D>(src[weft_at(ss, i)]);                         \
    }
#define WEFT_CAST_FROM(SN, S)                                                                                    \
    WEFT_CAST(cast_##SN##_f32, S, float)                                                                         \
    WEFT_CAST(cast_##SN##_f64, S, double)                                                                        \
    WEFT_CAST(cast_##SN##_i32, S, int)                                                                           \
    WEFT_CAST(cast_##SN##_i64, S, i64)                                                                           \
    WEFT_CAST(cast_##SN##_u8, S, u8)
WEFT_CAST_FROM(f32, float)
WEFT_CAST_FROM(f64, double)
WEFT_CAST_FROM(i32, int)
WEFT_CAST_FROM(i64, i64)
WEFT_CAST_FROM(u8, u8)

// Fills n contiguous 8-byte words (F64, I64 values; 1- and 4-byte fills use cuMemsetD8/D32).
extern "C" __global__ void fill_b8(int n, unsigned long long value, unsigned long long* dst) {
    WEFT_GRID_LOOP(i, n) dst[i] = value;
}
