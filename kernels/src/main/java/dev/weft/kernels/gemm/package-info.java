/**
 * General matrix products C = alpha * op(A) @ op(B) + beta * C on row-major F32/F64 arrays (BLAS sgemm/dgemm
 * semantics, every transpose, strided batches, a pre-packed B): {@link dev.weft.kernels.gemm.Gemm} checks and
 * dispatches to the blocked Vector API kernels or the scalar reference by
 * {@link dev.weft.kernels.KernelImpl#current()}. Tiles split over the shared pool so that the bits never depend
 * on the thread count.
 */
package dev.weft.kernels.gemm;
