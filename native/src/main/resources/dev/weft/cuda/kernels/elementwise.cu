// Elementwise kernels over strided views with broadcasting: the host passes every input as a view of the
// output's shape (stride 0 on broadcast dims), the output is contiguous. Function codes are those of
// dev.weft.cuda.kernel.ElementwiseCodes. F32 and F64 for the floating functions, I32/I64 for the
// integer-safe ones, u8 for BOOL.
#include "weft_common.cuh"

#define W_SQRT_HALF 0.70710678118654752440
#define W_SQRT_2_OVER_PI 0.79788456080286535588

template <typename T> __device__ __forceinline__ T w_sigmoid(T x) {
    if (x < T(0)) { T e = exp(x); return e / (T(1) + e); }
    return T(1) / (T(1) + exp(-x));
}

template <typename T> __device__ T w_unary(int fn, T x, double p0, double p1) {
    switch (fn) {
        case 0: return -x;                                   // neg
        case 1: return fabs(x);                              // abs
        case 2: return exp(x);                               // exp
        case 3: return log(x);                               // log
        case 4: return log1p(x);                             // log1p
        case 5: return expm1(x);                             // expm1
        case 6: return sqrt(x);                              // sqrt
        case 7: return rsqrt(x);                             // rsqrt
        case 8: return x * x;                                // square
        case 9: return sin(x);                               // sin
        case 10: return cos(x);                              // cos
        case 11: return tanh(x);                             // tanh
        case 12: return w_sigmoid(x);                        // sigmoid
        case 13: return weft_isnan(x) ? x : (x > T(0) ? x : T(0));                     // relu
        case 14: return x > T(0) ? x : T(p0) * x;                                      // leaky_relu
        case 15: return x > T(0) ? x : T(p0) * expm1(x);                               // elu
        case 16: return x >= T(0) ? T(0.5) * x * (T(1) + erf(x * T(W_SQRT_HALF)))      // gelu (erf)
                                  : T(0.5) * x * erfc(-x * T(W_SQRT_HALF));
        case 17: return x * w_sigmoid(T(2) * T(W_SQRT_2_OVER_PI) * (x + T(0.044715) * x * x * x));  // gelu_tanh
        case 18: return x * w_sigmoid(x);                                              // silu
        case 19: return T(p0) * x > T(p1) ? x : log1p(exp(T(p0) * x)) / T(p0);          // softplus
        case 20: return (x > T(0)) ? T(1) : ((x < T(0)) ? T(-1) : x);                  // sign (0, -0, NaN pass)
        case 21: return floor(x);                                                      // floor
        case 22: return ceil(x);                                                       // ceil
        case 23: return rint(x);                                                       // round half even
        case 24: return pow(x, T(p0));                                                 // pow
        case 25: return T(1) / x;                                                      // reciprocal
        case 26: return erf(x);                                                        // erf
        case 27: {                                                                     // clamp (NaN bound: none)
            if (weft_isnan(x)) return x;
            if (p0 == p0 && x < T(p0)) x = T(p0);
            if (p1 == p1 && x > T(p1)) x = T(p1);
            return x;
        }
        default: return x;
    }
}

template <typename T> __device__ T w_unary_int(int fn, T x, double p0, double p1) {
    switch (fn) {
        case 0: return -x;
        case 1: return x < T(0) ? -x : x;
        case 8: return x * x;
        case 13: return x > T(0) ? x : T(0);
        case 20: return (x > T(0)) ? T(1) : ((x < T(0)) ? T(-1) : T(0));
        case 21: case 22: case 23: return x;
        case 27: {
            if (p0 == p0 && (double) x < p0) x = (T) p0;
            if (p1 == p1 && (double) x > p1) x = (T) p1;
            return x;
        }
        default: return x;
    }
}

template <typename T> __device__ T w_binary(int fn, T a, T b) {
    switch (fn) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 3: return a / b;
        case 4: return pow(a, b);
        case 5: return weft_max(a, b);
        case 6: return weft_min(a, b);
        case 7: return atan2(a, b);
        case 8: { T r = fmod(a, b); return (r != T(0) && ((r < T(0)) != (b < T(0)))) ? r + b : r; }  // remainder
        case 9: return fmod(a, b);
        case 13: return b > T(0) ? a : T(0);                 // relu_backward
        default: return a;
    }
}

template <typename T> __device__ T w_binary_int(int fn, T a, T b) {
    switch (fn) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 4: { T r = 1; T base = a; T e = b; if (e < T(0)) return a == T(1) ? T(1) : (a == T(-1) ? ((e & 1) ? T(-1) : T(1)) : T(0));
                  while (e > T(0)) { if (e & 1) r *= base; base *= base; e >>= 1; } return r; }
        case 5: return a > b ? a : b;
        case 6: return a < b ? a : b;
        case 8: { if (b == T(0)) return T(0); T r = a % b; return (r != T(0) && ((r < T(0)) != (b < T(0)))) ? r + b : r; }
        case 9: { if (b == T(0)) return T(0); return a % b; }
        default: return a;
    }
}

template <typename T> __device__ u8 w_compare(int fn, T a, T b) {
    switch (fn) {
        case 0: return a == b;
        case 1: return a != b;
        case 2: return a < b;
        case 3: return a <= b;
        case 4: return a > b;
        case 5: return a >= b;
        default: return 0;
    }
}

#define WEFT_UNARY(NAME, T, F)                                                                                   \
    extern "C" __global__ void NAME(int n, WeftStrided xs, const T* x, T* y, int fn, double p0, double p1) {     \
        WEFT_GRID_LOOP(i, n) y[i] = F<T>(fn, x[weft_at(xs, i)], p0, p1);                                         \
    }
WEFT_UNARY(unary_f32, float, w_unary)
WEFT_UNARY(unary_f64, double, w_unary)
WEFT_UNARY(unary_i32, int, w_unary_int)
WEFT_UNARY(unary_i64, i64, w_unary_int)

extern "C" __global__ void logical_not_u8(int n, WeftStrided xs, const u8* x, u8* y) {
    WEFT_GRID_LOOP(i, n) y[i] = x[weft_at(xs, i)] == 0;
}

#define WEFT_BINARY(NAME, T, F)                                                                                  \
    extern "C" __global__ void NAME(int n, WeftStrided as, WeftStrided bs, const T* a, const T* b, T* y, int fn) { \
        WEFT_GRID_LOOP(i, n) y[i] = F<T>(fn, a[weft_at(as, i)], b[weft_at(bs, i)]);                              \
    }
WEFT_BINARY(binary_f32, float, w_binary)
WEFT_BINARY(binary_f64, double, w_binary)
WEFT_BINARY(binary_i32, int, w_binary_int)
WEFT_BINARY(binary_i64, i64, w_binary_int)

// logical_and / or / xor (codes 10, 11, 12) over BOOL.
extern "C" __global__ void logical_u8(int n, WeftStrided as, WeftStrided bs, const u8* a, const u8* b, u8* y, int fn) {
    WEFT_GRID_LOOP(i, n) {
        bool p = a[weft_at(as, i)] != 0, q = b[weft_at(bs, i)] != 0;
        y[i] = fn == 10 ? (p && q) : (fn == 11 ? (p || q) : (p != q));
    }
}

#define WEFT_COMPARE(NAME, T)                                                                                    \
    extern "C" __global__ void NAME(int n, WeftStrided as, WeftStrided bs, const T* a, const T* b, u8* y, int fn) { \
        WEFT_GRID_LOOP(i, n) y[i] = w_compare<T>(fn, a[weft_at(as, i)], b[weft_at(bs, i)]);                      \
    }
WEFT_COMPARE(compare_f32, float)
WEFT_COMPARE(compare_f64, double)
WEFT_COMPARE(compare_i32, int)
WEFT_COMPARE(compare_i64, i64)
WEFT_COMPARE(compare_u8, u8)

#define WEFT_WHERE(NAME, T)                                                                                      \
    extern "C" __global__ void NAME(int n, WeftStrided cs, WeftStrided as, WeftStrided bs, const u8* c,          \
                                    const T* a, const T* b, T* y) {                                              \
        WEFT_GRID_LOOP(i, n) y[i] = c[weft_at(cs, i)] ? a[weft_at(as, i)] : b[weft_at(bs, i)];                   \
    }
WEFT_WHERE(where_f32, float)
WEFT_WHERE(where_f64, double)
WEFT_WHERE(where_i32, int)
WEFT_WHERE(where_i64, i64)
WEFT_WHERE(where_u8, u8)
