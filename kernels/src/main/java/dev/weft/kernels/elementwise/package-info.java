/**
 * Elementwise kernels over 1-D strided runs: unary and binary maps, comparisons, select, dtype
 * conversion, N-d strided copy and fill. Every family has a scalar reference ({@code *Scalar}),
 * a Vector API version ({@code *Simd}) and a facade that validates, splits big runs over
 * {@link dev.weft.kernels.Parallel} and picks one by {@link dev.weft.kernels.KernelImpl#current()}.
 * The per-dtype Simd loops ({@code *SimdF32}, {@code *SimdF64}) are generated from one template each
 * (kernels/src/template, see dev.weft.kernels.gen.Twins). Operands are (array, offset, stride) triples; stride 0 broadcasts one value, negative strides walk backwards.
 */
package dev.weft.kernels.elementwise;
