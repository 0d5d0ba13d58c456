/* The plain C peer of `weft bench spmm`: y = A x for CSR A (int32 indices, float values), x (k, n) row-major.
 * Built by spmm.py with cc -O3 -march=native -shared -fPIC; one thread. */
#include <stddef.h>

void spmm_csr(int m, int n, const int *row_ptr, const int *col, const float *val, const float *x, float *y) {
    for (int i = 0; i < m; i++) {
        float *yi = y + (size_t) i * n;
        for (int c = 0; c < n; c++) yi[c] = 0.0f;
        for (int p = row_ptr[i]; p < row_ptr[i + 1]; p++) {
            const float v = val[p];
            const float *xr = x + (size_t) col[p] * n;
            for (int c = 0; c < n; c++) yi[c] += v * xr[c];
        }
    }
}
