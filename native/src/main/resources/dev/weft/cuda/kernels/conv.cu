// Sliding-window kernels over contiguous (B, C, H, W) images: im2col (F.unfold), col2im (F.fold, written
// as a gather: each image element sums the column entries that read it, in tap order, no atomics), max
// and average pooling and their backward passes (also gathers). Window: kernel k, stride s, padding p,
// dilation d per axis; L = outH * outW.
#include "weft_common.cuh"

struct WeftWindow { int kH, kW, sH, sW, pH, pW, dH, dW; };
static_assert(sizeof(WeftWindow) == 32, "WeftWindow must be 32 bytes (8 ints)");

// cols[b, (c*kH + kh)*kW + kw, oh*outW + ow] = x[b, c, oh*sH - pH + kh*dH, ow*sW - pW + kw*dW] (0 outside).
template <typename T> __device__ void w_im2col(int n, int C, int H, int W, int outH, int outW, WeftWindow w, const T* x,
                                               T* cols) {
    WEFT_GRID_LOOP(i, n) {
        int L = outH * outW;
        int l = i % L, r = (i / L);
        int K = C * w.kH * w.kW;
        int kk = r % K, b = r / K;
        int kw = kk % w.kW, kh = (kk / w.kW) % w.kH, c = kk / (w.kW * w.kH);
        int oh = l / outW, ow = l % outW;
        int ih = oh * w.sH - w.pH + kh * w.dH, iw = ow * w.sW - w.pW + kw * w.dW;
        cols[i] = (ih >= 0 && ih < H && iw >= 0 && iw < W) ? x[((b * C + c) * H + ih) * W + iw] : T(0);
    }
}

// x[b, c, ih, iw] = sum of cols entries that im2col took from it (taps kh, kw in increasing order).
template <typename T> __device__ void w_col2im(int n, int C, int H, int W, int outH, int outW, WeftWindow w, const T* cols,
                                               T* x) {
    WEFT_GRID_LOOP(i, n) {
        int iw = i % W, ih = (i / W) % H, c = (i / (W * H)) % C, b = i / (W * H * C);
        int L = outH * outW, K = C * w.kH * w.kW;
        T acc = T(0);
        for (int kh = 0; kh < w.kH; ++kh) {
            int t = ih + w.pH - kh * w.dH;
            if (t < 0 || t % w.sH != 0) continue;
            int oh = t / w.sH;
            if (oh >= outH) continue;
            for (int kw = 0; kw < w.kW; ++kw) {
                int u = iw + w.pW - kw * w.dW;
                if (u < 0 || u % w.sW != 0) continue;
                int ow = u / w.sW;
                if (ow >= outW) continue;
                acc += cols[(b * K + (c * w.kH + kh) * w.kW + kw) * L + oh * outW + ow];
            }
        }
        x[i] = acc;
    }
}

// values and indices ih*W + iw of the first maximum in row-major tap order (NaN wins) per output element.
template <typename T> __device__ void w_maxpool(int n, int H, int W, int outH, int outW, WeftWindow w, const T* x, T* y,
                                                i64* idx) {
    WEFT_GRID_LOOP(i, n) {
        int ow = i % outW, oh = (i / outW) % outH, bc = i / (outW * outH);
        const T* xc = x + (long long) bc * H * W;
        T best = T(0);
        int at = -1;
        for (int kh = 0; kh < w.kH; ++kh) {
            int ih = oh * w.sH - w.pH + kh * w.dH;
            if (ih < 0 || ih >= H) continue;
            for (int kw = 0; kw < w.kW; ++kw) {
                int iw = ow * w.sW - w.pW + kw * w.dW;
                if (iw < 0 || iw >= W) continue;
                T v = xc[ih * W + iw];
                if (at < 0 || (!weft_isnan(best) && (weft_isnan(v) || v > best))) { best = v; at = ih * W + iw; }
            }
        }
        y[i] = best;
        idx[i] = at < 0 ? 0 : at;
    }
}

// gx[b, c, h, w] = sum of gy over the outputs whose recorded winner is (h, w), in row-major output order.
template <typename T> __device__ void w_maxpool_backward(int n, int H, int W, int outH, int outW, WeftWindow w, const T* gy,
                                                         const i64* idx, T* gx) {
    WEFT_GRID_LOOP(i, n) {
        int iw = i % W, ih = (i / W) % H, bc = i / (W * H);
        int self = ih * W + iw;
        T acc = T(0);
        int oh0 = (ih + w.pH - (w.kH - 1) * w.dH);
        oh0 = oh0 <= 0 ? 0 : (oh0 + w.sH - 1) / w.sH;
        int ow0 = (iw + w.pW - (w.kW - 1) * w.dW);
        ow0 = ow0 <= 0 ? 0 : (ow0 + w.sW - 1) / w.sW;
        for (int oh = oh0; oh < outH && oh * w.sH - w.pH <= ih; ++oh) {
            for (int ow = ow0; ow < outW && ow * w.sW - w.pW <= iw; ++ow) {
                long long o = ((long long) bc * outH + oh) * outW + ow;
                if (idx[o] == self) acc += gy[o];
            }
        }
        gx[i] = acc;
    }
}

__device__ __forceinline__ int w_pool_divisor(int oh, int ow, int H, int W, WeftWindow w, int countIncludePad) {
    int h0 = oh * w.sH - w.pH, w0 = ow * w.sW - w.pW;
    int h1 = min(h0 + w.kH, H + w.pH), w1 = min(w0 + w.kW, W + w.pW);
    if (countIncludePad) return (h1 - h0) * (w1 - w0);
    int a0 = max(h0, 0), b0 = max(w0, 0), a1 = min(h1, H), b1 = min(w1, W);
    return (a1 - a0) * (b1 - b0);
}

template <typename T> __device__ void w_avgpool(int n, int H, int W, int outH, int outW, WeftWindow w, int countIncludePad,
                                                const T* x, T* y) {
    WEFT_GRID_LOOP(i, n) {
        int ow = i % outW, oh = (i / outW) % outH, bc = i / (outW * outH);
        const T* xc = x + (long long) bc * H * W;
        T acc = T(0);
        for (int kh = 0; kh < w.kH; ++kh) {
            int ih = oh * w.sH - w.pH + kh;
            if (ih < 0 || ih >= H) continue;
            for (int kw = 0; kw < w.kW; ++kw) {
                int iw = ow * w.sW - w.pW + kw;
                if (iw >= 0 && iw < W) acc += xc[ih * W + iw];
            }
        }
        int div = w_pool_divisor(oh, ow, H, W, w, countIncludePad);
        y[i] = div > 0 ? acc / T(div) : T(0);
    }
}

template <typename T> __device__ void w_avgpool_backward(int n, int H, int W, int outH, int outW, WeftWindow w,
                                                         int countIncludePad, const T* gy, T* gx) {
    WEFT_GRID_LOOP(i, n) {
        int iw = i % W, ih = (i / W) % H, bc = i / (W * H);
        T acc = T(0);
        for (int oh = 0; oh < outH; ++oh) {
            int h0 = oh * w.sH - w.pH;
            if (ih < h0 || ih >= h0 + w.kH) continue;
            for (int ow = 0; ow < outW; ++ow) {
                int w0 = ow * w.sW - w.pW;
                if (iw < w0 || iw >= w0 + w.kW) continue;
                int div = w_pool_divisor(oh, ow, H, W, w, countIncludePad);
                if (div > 0) acc += gy[((long long) bc * outH + oh) * outW + ow] / T(div);
            }
        }
        gx[i] = acc;
    }
}

#define WEFT_CONV(SN, T)                                                                                         \
    extern "C" __global__ void im2col_##SN(int n, int C, int H, int W, int outH, int outW, WeftWindow w,         \
                                           const T* x, T* cols) { w_im2col<T>(n, C, H, W, outH, outW, w, x, cols); } \
    extern "C" __global__ void col2im_##SN(int n, int C, int H, int W, int outH, int outW, WeftWindow w,         \
                                           const T* cols, T* x) { w_col2im<T>(n, C, H, W, outH, outW, w, cols, x); } \
    extern "C" __global__ void maxpool2d_##SN(int n, int H, int W, int outH, int outW, WeftWindow w, const T* x, \
                                              T* y, i64* idx) { w_maxpool<T>(n, H, W, outH, outW, w, x, y, idx); } \
    extern "C" __global__ void maxpool2d_backward_##SN(int n, int H, int W, int outH, int outW, WeftWindow w,    \
            const T* gy, const i64* idx, T* gx) { w_maxpool_backward<T>(n, H, W, outH, outW, w, gy, idx, gx); }  \
    extern "C" __global__ void avgpool2d_##SN(int n, int H, int W, int outH, int outW, WeftWindow w, int cip,    \
                                              const T* x, T* y) { w_avgpool<T>(n, H, W, outH, outW, w, cip, x, y); } \
    extern "C" __global__ void avgpool2d_backward_##SN(int n, int H, int W, int outH, int outW, WeftWindow w,    \
            int cip, const T* gy, T* gx) { w_avgpool_backward<T>(n, H, W, outH, outW, w, cip, gy, gx); }
WEFT_CONV(f32, float)
WEFT_CONV(f64, double)
