// Reductions over several dims: the host permutes the view so that kept dims come first (outer, in the
// output's row-major order) and reduced dims last (inner). One block per output element; every thread
// accumulates a fixed strided subset of the inner elements, then a shared-memory tree in a fixed order, so
// the bits do not depend on timing. Mode codes: dev.weft.cuda.kernel.ReduceCodes.
#include "weft_common.cuh"

#define W_BLOCK 256

template <typename T> __device__ __forceinline__ T w_combine(int mode, T a, T b) {
    switch (mode) {
        case 1: return a * b;             // prod
        case 2: return weft_max(a, b);    // max
        case 3: return weft_min(a, b);    // min
        default: return a + b;            // sum and the sums inside var, norm, logsumexp
    }
}

// Reduces v across the block in a fixed tree; every thread gets the result.
template <typename T> __device__ T w_block_reduce(int mode, T v, T* shared) {
    shared[threadIdx.x] = v;
    __syncthreads();
    for (int s = W_BLOCK / 2; s > 0; s >>= 1) {
        if ((int) threadIdx.x < s) shared[threadIdx.x] = w_combine(mode, shared[threadIdx.x], shared[threadIdx.x + s]);
        __syncthreads();
    }
    T r = shared[0];
    __syncthreads();
    return r;
}

// mode: 0 sum, 1 prod, 2 max, 3 min, 4 var (p = correction), 5 std (p = correction), 6 norm (p), 7 logsumexp.
// parts > 1 (modes 0-3 only) splits each output's inner range into that many fixed chunks, one block each,
// writing partial results y[o * parts + part] that a second launch with parts = 1 combines: a large reduction
// to few outputs then uses many blocks, and the bits still do not depend on timing.
template <typename T> __device__ void w_reduce(int outN, int inner, const WeftStrided& outer, const WeftStrided& in,
                                               const T* x, T* y, int mode, double p, int parts) {
    __shared__ T shared[W_BLOCK];
    int chunk = (inner + parts - 1) / parts;
    for (int blk = blockIdx.x; blk < outN * parts; blk += gridDim.x) {
        int o = blk / parts, part = blk % parts;
        int j0 = part * chunk, j1 = min(inner, j0 + chunk);
        int base = weft_at(outer, o);
        T acc;
        if (mode == 1) acc = T(1);
        else if (mode == 2 || mode == 3 || mode == 7) acc = j0 < j1 ? x[base + weft_at(in, j0) - in.offset] : T(0);
        else acc = T(0);
        if (mode <= 3) {
            for (int j = j0 + threadIdx.x; j < j1; j += W_BLOCK) acc = w_combine(mode, acc, x[base + weft_at(in, j) - in.offset]);
            acc = w_block_reduce(mode, acc, shared);
        } else if (mode == 4 || mode == 5) {
            T s = T(0);
            for (int j = threadIdx.x; j < inner; j += W_BLOCK) s += x[base + weft_at(in, j) - in.offset];
            T mean = w_block_reduce(0, s, shared) / T(inner);
            T q = T(0);
            for (int j = threadIdx.x; j < inner; j += W_BLOCK) { T d = x[base + weft_at(in, j) - in.offset] - mean; q += d * d; }
            T var = w_block_reduce(0, q, shared) / (T(inner) - T(p));
            acc = mode == 5 ? sqrt(var) : var;
        } else if (mode == 6) {
            T s = T(0);
            for (int j = threadIdx.x; j < inner; j += W_BLOCK) {
                T v = fabs(x[base + weft_at(in, j) - in.offset]);
                s += p == 2.0 ? v * v : pow(v, T(p));
            }
            s = w_block_reduce(0, s, shared);
            acc = p == 2.0 ? sqrt(s) : pow(s, T(1.0 / p));
        } else {
            T m = acc;
            for (int j = threadIdx.x; j < inner; j += W_BLOCK) m = weft_max(m, x[base + weft_at(in, j) - in.offset]);
            m = w_block_reduce(2, m, shared);
            if (isinf(m)) {
                acc = m;
            } else {
                T s = T(0);
                for (int j = threadIdx.x; j < inner; j += W_BLOCK) s += exp(x[base + weft_at(in, j) - in.offset] - m);
                acc = m + log(w_block_reduce(0, s, shared));
            }
        }
        if (threadIdx.x == 0) y[blk] = acc;
    }
}

extern "C" __global__ void reduce_f32(int outN, int inner, WeftStrided outer, WeftStrided in, const float* x, float* y,
                                      int mode, double p, int parts) {
    w_reduce<float>(outN, inner, outer, in, x, y, mode, p, parts);
}
extern "C" __global__ void reduce_f64(int outN, int inner, WeftStrided outer, WeftStrided in, const double* x, double* y,
                                      int mode, double p, int parts) {
    w_reduce<double>(outN, inner, outer, in, x, y, mode, p, parts);
}

// Integer and BOOL reductions, accumulated in 64 bits: mode 0 sum, 1 prod, 2 max, 3 min, 8 all, 9 any.
template <typename S, typename D> __device__ void w_reduce_int(int outN, int inner, const WeftStrided& outer,
                                                               const WeftStrided& in, const S* x, D* y, int mode) {
    __shared__ i64 shared[W_BLOCK];
    int cm = mode == 8 ? 3 : (mode == 9 ? 2 : mode);
    for (int o = blockIdx.x; o < outN; o += gridDim.x) {
        int base = weft_at(outer, o);
        i64 acc;
        if (mode == 1 || mode == 8) acc = 1;
        else if (mode == 9) acc = 0;
        else if (mode == 2 || mode == 3) acc = inner > 0 ? (i64) x[base + weft_at(in, 0) - in.offset] : 0;
        else acc = 0;
        for (int j = threadIdx.x; j < inner; j += W_BLOCK) {
            S v = x[base + weft_at(in, j) - in.offset];
            i64 w = mode >= 8 ? (i64) (v != S(0)) : (i64) v;
            acc = cm == 0 ? acc + w : (cm == 1 ? acc * w : (cm == 2 ? (acc > w ? acc : w) : (acc < w ? acc : w)));
        }
        shared[threadIdx.x] = acc;
        __syncthreads();
        for (int s = W_BLOCK / 2; s > 0; s >>= 1) {
            if ((int) threadIdx.x < s) {
                i64 a = shared[threadIdx.x], b = shared[threadIdx.x + s];
                shared[threadIdx.x] = cm == 0 ? a + b : (cm == 1 ? a * b : (cm == 2 ? (a > b ? a : b) : (a < b ? a : b)));
            }
            __syncthreads();
        }
        if (threadIdx.x == 0) y[o] = (D) shared[0];
        __syncthreads();
    }
}

#define WEFT_REDUCE_INT(NAME, S, D)                                                                              \
    extern "C" __global__ void NAME(int outN, int inner, WeftStrided outer, WeftStrided in, const S* x, D* y,    \
                                    int mode) {                                                                  \
        w_reduce_int<S, D>(outN, inner, outer, in, x, y, mode);                                                  \
    }
WEFT_REDUCE_INT(reduce_i32_i64, int, i64)
WEFT_REDUCE_INT(reduce_i64_i64, i64, i64)
WEFT_REDUCE_INT(reduce_u8_i64, u8, i64)
WEFT_REDUCE_INT(reduce_i32_i32, int, int)
WEFT_REDUCE_INT(reduce_f32_u8, float, u8)
WEFT_REDUCE_INT(reduce_f64_u8, double, u8)
WEFT_REDUCE_INT(reduce_i32_u8, int, u8)
WEFT_REDUCE_INT(reduce_i64_u8, i64, u8)
WEFT_REDUCE_INT(reduce_u8_u8, u8, u8)
