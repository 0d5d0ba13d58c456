/**
 * Fused optimizer steps over CPU tensors ({@link dev.weft.nn.optim.kernel.OptimKernels}): the glue
 * between a parameter's tensors and the array kernels in dev.weft.kernels.optim (a scalar reference
 * and a Vector API twin per update and dtype, generated from one template each).
 */
package dev.weft.nn.optim.kernel;
