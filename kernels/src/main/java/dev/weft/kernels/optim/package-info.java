/**
 * Fused optimizer updates over arrays (Adam/AdamW with amsgrad, SGD with momentum and Nesterov): a
 * scalar reference ({@code AdamKernelF32}) and a Vector API twin ({@code AdamKernelSimdF32}) per
 * dtype, all generated from the templates in kernels/src/template/java/dev/weft/kernels/optim. The
 * twins use no fused multiply-add, so SIMD and scalar give the same bits. Called by nn's OptimKernels.
 */
package dev.weft.kernels.optim;
