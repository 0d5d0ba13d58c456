// Kernels along one dim ("rows"): the host passes the outer view (every dim but dim, in the output's
// row-major order) for input and output, and the dim's length and strides. softmax/log_softmax: one block
// per row (max, then the sum of exp, as fixed shared-memory trees). argmax/argmin and cumsum/cumprod: one
// thread per row walking it in order, so ties, NaN and rounding follow the CPU's sequential rules.
#include "weft_common.cuh"

#define W_BLOCK 256

template <typename T> __device__ T w_row_reduce(bool isMax, T v, T* shared) {
    shared[threadIdx.x] = v;
    __syncthreads();
    for (int s = W_BLOCK / 2; s > 0; s >>= 1) {
        if ((int) threadIdx.x < s) {
            T a = shared[threadIdx.x], b = shared[threadIdx.x + s];
            shared[threadIdx.x] = isMax ? weft_max(a, b) : a + b;
        }
        __syncthreads();
    }
    T r = shared[0];
    __syncthreads();
    return r;
}

// y = exp(x - max) / sum exp(x - max), or with log: y = x - max - log(sum exp(x - max)).
template <typename T> __device__ void w_softmax(int rows, int len, const WeftStrided& xo, int xs, const WeftStrided& yo,
                                                int ys, const T* x, T* y, int log_) {
    __shared__ T shared[W_BLOCK];
    for (int r = blockIdx.x; r < rows; r += gridDim.x) {
        const T* xr = x + weft_at(xo, r);
        T* yr = y + weft_at(yo, r);
        T m = len > 0 ? xr[0] : T(0);
        for (int j = threadIdx.x; j < len; j += W_BLOCK) m = weft_max(m, xr[j * xs]);
        m = w_row_reduce(true, m, shared);
        T s = T(0);
        for (int j = threadIdx.x; j < len; j += W_BLOCK) s += exp(xr[j * xs] - m);
        s = w_row_reduce(false, s, shared);
        if (log_) {
            T ls = log(s);
            for (int j = threadIdx.x; j < len; j += W_BLOCK) yr[j * ys] = xr[j * xs] - m - ls;
        } else {
            for (int j = threadIdx.x; j < len; j += W_BLOCK) yr[j * ys] = exp(xr[j * xs] - m) / s;
        }
    }
}

extern "C" __global__ void softmax_f32(int rows, int len, WeftStrided xo, int xs, WeftStrided yo, int ys, const float* x,
                                       float* y, int log_) {
    w_softmax<float>(rows, len, xo, xs, yo, ys, x, y, log_);
}
extern "C" __global__ void softmax_f64(int rows, int len, WeftStrided xo, int xs, WeftStrided yo, int ys, const double* x,
                                       double* y, int log_) {
    w_softmax<double>(rows, len, xo, xs, yo, ys, x, y, log_);
}

// The first maximum (isMax) or minimum along a row, NaN winning; values and I64 indices contiguous by row.
template <typename T> __device__ void w_argreduce(int rows, int len, const WeftStrided& xo, int xs, const T* x, T* vals,
                                                  i64* idx, int isMax) {
    WEFT_GRID_LOOP(r, rows) {
        const T* xr = x + weft_at(xo, r);
        T best = xr[0];
        int at = 0;
        for (int j = 1; j < len && !weft_isnan(best); ++j) {
            T v = xr[j * xs];
            if (weft_isnan(v) || (isMax ? v > best : v < best)) { best = v; at = j; }
        }
        vals[r] = best;
        idx[r] = at;
    }
}

#define WEFT_ARGREDUCE(NAME, T)                                                                                  \
    extern "C" __global__ void NAME(int rows, int len, WeftStrided xo, int xs, const T* x, T* vals, i64* idx,    \
                                    int isMax) {                                                                 \
        w_argreduce<T>(rows, len, xo, xs, x, vals, idx, isMax);                                                  \
    }
WEFT_ARGREDUCE(argreduce_f32, float)
WEFT_ARGREDUCE(argreduce_f64, double)
WEFT_ARGREDUCE(argreduce_i32, int)
WEFT_ARGREDUCE(argreduce_i64, i64)

// Inclusive running sum (prod = 0) or product (prod = 1) along a row, in order.
template <typename S, typename D> __device__ void w_scan(int rows, int len, const WeftStrided& xo, int xs,
                                                         const WeftStrided& yo, int ys, const S* x, D* y, int prod) {
    WEFT_GRID_LOOP(r, rows) {
        const S* xr = x + weft_at(xo, r);
        D* yr = y + weft_at(yo, r);
        D acc = prod ? D(1) : D(0);
        for (int j = 0; j < len; ++j) {
            D v = (D) xr[j * xs];
            acc = prod ? acc * v : acc + v;
            yr[j * ys] = acc;
        }
    }
}

#define WEFT_SCAN(NAME, S, D)                                                                                    \
    extern "C" __global__ void NAME(int rows, int len, WeftStrided xo, int xs, WeftStrided yo, int ys, const S* x, \
                                    D* y, int prod) {                                                            \
        w_scan<S, D>(rows, len, xo, xs, yo, ys, x, y, prod);                                                     \
    }
WEFT_SCAN(scan_f32, float, float)
WEFT_SCAN(scan_f64, double, double)
WEFT_SCAN(scan_i32_i64, int, i64)
WEFT_SCAN(scan_i64_i64, i64, i64)
WEFT_SCAN(scan_u8_i64, u8, i64)
