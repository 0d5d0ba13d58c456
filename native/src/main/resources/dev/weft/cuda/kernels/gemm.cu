// A tiled batched GEMM over strided operands, the fallback where cuBLAS is absent:
// C[b] = alpha * A[b] @ B[b] + beta * C[b] with A (M, K), B (K, N), C (M, N), every operand given by its
// batch, row and column strides (a stride of 0 broadcasts). 16 x 16 tiles in shared memory; each output
// sums k in increasing order, so results are deterministic.
#include "weft_common.cuh"

#define W_TILE 16

template <typename T> __device__ void w_gemm(int M, int N, int K, T alpha, const T* A, int aB, int aM, int aK,
                                             const T* B, int bB, int bK, int bN, T beta, T* C, int cB, int cM, int cN) {
    __shared__ T As[W_TILE][W_TILE];
    __shared__ T Bs[W_TILE][W_TILE];
    int b = blockIdx.z;
    int row = blockIdx.y * W_TILE + threadIdx.y, colj = blockIdx.x * W_TILE + threadIdx.x;
    const T* Ab = A + (long long) b * aB;
    const T* Bb = B + (long long) b * bB;
    T acc = T(0);
    for (int k0 = 0; k0 < K; k0 += W_TILE) {
        int ka = k0 + threadIdx.x, kb = k0 + threadIdx.y;
        As[threadIdx.y][threadIdx.x] = (row < M && ka < K) ? Ab[(long long) row * aM + (long long) ka * aK] : T(0);
        Bs[threadIdx.y][threadIdx.x] = (kb < K && colj < N) ? Bb[(long long) kb * bK + (long long) colj * bN] : T(0);
        __syncthreads();
        for (int k = 0; k < W_TILE; ++k) acc += As[threadIdx.y][k] * Bs[k][threadIdx.x];
        __syncthreads();
    }
    if (row < M && colj < N) {
        T* c = C + (long long) b * cB + (long long) row * cM + (long long) colj * cN;
        *c = beta == T(0) ? alpha * acc : alpha * acc + beta * *c;
    }
}

extern "C" __global__ void gemm_f32(int M, int N, int K, float alpha, const float* A, int aB, int aM, int aK,
                                    const float* B, int bB, int bK, int bN, float beta, float* C, int cB, int cM, int cN) {
    w_gemm<float>(M, N, K, alpha, A, aB, aM, aK, B, bB, bK, bN, beta, C, cB, cM, cN);
}
extern "C" __global__ void gemm_f64(int M, int N, int K, double alpha, const double* A, int aB, int aM, int aK,
                                    const double* B, int bB, int bK, int bN, double beta, double* C, int cB, int cM, int cN) {
    w_gemm<double>(M, N, K, alpha, A, aB, aM, aK, B, bB, bK, bN, beta, C, cB, cM, cN);
}
