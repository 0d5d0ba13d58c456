/**
 * Sparse kernels: the facade {@link dev.weft.kernels.sparse.SpMM} (CSR times dense), a scalar reference
 * ({@code SpMMScalarF32/F64}) and a Vector API twin ({@code SpMMSimdF32/F64}) per dtype, generated from the
 * templates in kernels/src/template/java/dev/weft/kernels/sparse. Rows are split across threads by nonzeros.
 */
package dev.weft.kernels.sparse;
