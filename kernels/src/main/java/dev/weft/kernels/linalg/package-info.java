/**
 * Dense linear algebra on row-major square or rectangular F32/F64 matrices: LU with partial pivoting,
 * Cholesky, Householder QR, triangular and general solves, least squares, determinants and inverses.
 * F32 inputs are factored in F64 and rounded once. {@link dev.weft.kernels.linalg.Linalg} is the facade.
 */
package dev.weft.kernels.linalg;
