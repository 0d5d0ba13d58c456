// The fused pointwise halves of an LSTM or GRU step and their backward passes (PyTorch's gate order: LSTM
// i, f, g, o; GRU r, z, n), one thread per (row b, hidden unit j) over contiguous row-major blocks:
//   lstm:          p = gx + gh (+ b); i, f, o = sigmoid(p_i, p_f, p_o), g = tanh(p_g); c' = f c + i g; h' = o tanh(c')
//   lstm_backward: dct = dc' + dh' o (1 - tanh(c')^2); dp = (dct g i(1-i), dct c f(1-f), dct i (1-g^2),
//                  dh' tanh(c') o(1-o)); dc = dct f
//   gru:           r = sigmoid(gx_r + gh_r (+ b_r)), z = sigmoid(gx_z + gh_z (+ b_z)), hn = gh_n (+ b_n),
//                  n = tanh(gx_n + r hn); h' = n + z (h - n); saved = (r, z, n, hn)
//   gru_backward:  dn = dh'(1-z)(1-n^2), dz = dh'(h-n) z(1-z), dr = dn hn r(1-r); dgx = (dr, dz, dn),
//                  dgh = (dr, dz, dn r), dh = dh' z
#include "weft_common.cuh"

template <typename T> __device__ __forceinline__ T w_sig(T x) {
    if (x < T(0)) { T e = exp(x); return e / (T(1) + e); }
    return T(1) / (T(1) + exp(-x));
}

template <typename T> __device__ void w_lstm(int B, int H, const T* gx, const T* gh, const T* bias, const T* c, T* hOut,
                                             T* cOut, T* gates) {
    WEFT_GRID_LOOP(e, B * H) {
        int b = e / H, j = e % H;
        const T* px = gx + (long long) b * 4 * H;
        const T* ph = gh + (long long) b * 4 * H;
        T pi = px[j] + ph[j], pf = px[H + j] + ph[H + j], pg = px[2 * H + j] + ph[2 * H + j], po = px[3 * H + j] + ph[3 * H + j];
        if (bias) { pi += bias[j]; pf += bias[H + j]; pg += bias[2 * H + j]; po += bias[3 * H + j]; }
        T i = w_sig(pi), f = w_sig(pf), g = tanh(pg), o = w_sig(po);
        T c2 = f * c[e] + i * g;
        cOut[e] = c2;
        hOut[e] = o * tanh(c2);
        T* gr = gates + (long long) b * 4 * H;
        gr[j] = i; gr[H + j] = f; gr[2 * H + j] = g; gr[3 * H + j] = o;
    }
}

template <typename T> __device__ void w_lstm_backward(int B, int H, const T* dh, const T* dc, const T* gates, const T* c,
                                                      const T* c2, T* dpre, T* dcPrev) {
    WEFT_GRID_LOOP(e, B * H) {
        int b = e / H, j = e % H;
        const T* gr = gates + (long long) b * 4 * H;
        T i = gr[j], f = gr[H + j], g = gr[2 * H + j], o = gr[3 * H + j];
        T tc = tanh(c2[e]);
        T dct = dc[e] + dh[e] * o * (T(1) - tc * tc);
        T* dp = dpre + (long long) b * 4 * H;
        dp[j] = dct * g * i * (T(1) - i);
        dp[H + j] = dct * c[e] * f * (T(1) - f);
        dp[2 * H + j] = dct * i * (T(1) - g * g);
        dp[3 * H + j] = dh[e] * tc * o * (T(1) - o);
        dcPrev[e] = dct * f;
    }
}

template <typename T> __device__ void w_gru(int B, int H, const T* gx, const T* gh, const T* bias, const T* h, T* hOut,
                                            T* saved) {
    WEFT_GRID_LOOP(e, B * H) {
        int b = e / H, j = e % H;
        const T* px = gx + (long long) b * 3 * H;
        const T* ph = gh + (long long) b * 3 * H;
        T br = bias ? bias[j] : T(0), bz = bias ? bias[H + j] : T(0), bn = bias ? bias[2 * H + j] : T(0);
        T r = w_sig(px[j] + ph[j] + br);
        T z = w_sig(px[H + j] + ph[H + j] + bz);
        T hn = ph[2 * H + j] + bn;
        T n = tanh(px[2 * H + j] + r * hn);
        hOut[e] = n + z * (h[e] - n);
        T* s = saved + (long long) b * 4 * H;
        s[j] = r; s[H + j] = z; s[2 * H + j] = n; s[3 * H + j] = hn;
    }
}

template <typename T> __device__ void w_gru_backward(int B, int H, const T* dh, const T* saved, const T* h, T* dgx, T* dgh,
                                                     T* dhPrev) {
    WEFT_GRID_LOOP(e, B * H) {
        int b = e / H, j = e % H;
        const T* s = saved + (long long) b * 4 * H;
        T r = s[j], z = s[H + j], n = s[2 * H + j], hn = s[3 * H + j];
        T d = dh[e];
        T dn = d * (T(1) - z) * (T(1) - n * n);
        T dz = d * (h[e] - n) * z * (T(1) - z);
        T dr = dn * hn * r * (T(1) - r);
        T* gx = dgx + (long long) b * 3 * H;
        T* gh = dgh + (long long) b * 3 * H;
        gx[j] = dr; gx[H + j] = dz; gx[2 * H + j] = dn;
        gh[j] = dr; gh[H + j] = dz; gh[2 * H + j] = dn * r;
        dhPrev[e] = d * z;
    }
}

#define WEFT_CELLS(SN, T)                                                                                        \
    extern "C" __global__ void lstm_cell_##SN(int B, int H, const T* gx, const T* gh, const T* bias, const T* c, \
            T* hOut, T* cOut, T* gates) { w_lstm<T>(B, H, gx, gh, bias, c, hOut, cOut, gates); }                 \
    extern "C" __global__ void lstm_cell_backward_##SN(int B, int H, const T* dh, const T* dc, const T* gates,   \
            const T* c, const T* c2, T* dpre, T* dcPrev) { w_lstm_backward<T>(B, H, dh, dc, gates, c, c2, dpre, dcPrev); } \
    extern "C" __global__ void gru_cell_##SN(int B, int H, const T* gx, const T* gh, const T* bias, const T* h,   \
            T* hOut, T* saved) { w_gru<T>(B, H, gx, gh, bias, h, hOut, saved); }                                 \
    extern "C" __global__ void gru_cell_backward_##SN(int B, int H, const T* dh, const T* saved, const T* h,     \
            T* dgx, T* dgh, T* dhPrev) { w_gru_backward<T>(B, H, dh, saved, h, dgx, dgh, dhPrev); }
WEFT_CELLS(f32, float)
WEFT_CELLS(f64, double)
