/**
 * Elementwise kernels over 1-D strided runs: unary and binary maps, comparisons, select, dtype
 * conversion, N-d strided copy and fill. Every family has a scalar reference ({@code *Scalar}),
 * a Vector API version ({@code *Simd}) and a facade that validates, splits big runs over
 * {@link dev.weft.kernels.Parallel} and picks one by {@link dev.weft.kernels.KernelImpl#current()}.
 * The F32 Simd loops are generated from their F64 sources ({@code *SimdF64} -> {@code *SimdF32}) by the test-side
 * DtypeTwins tool. Operands are (array, offset, stride) triples; stride 0 broadcasts one value, negative strides walk backwards.
 */
package dev.weft.kernels.elementwise;
