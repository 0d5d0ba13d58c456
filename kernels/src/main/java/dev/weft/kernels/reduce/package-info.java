/**
 * Reductions, softmax and scans over contiguous inputs viewed as (outer, r, inner): the reduced (or scanned)
 * axis r has stride inner; outputs are (outer, inner) (scans and softmax: same shape as the input). Each
 * family has a scalar reference, a Vector API version and a facade choosing by
 * {@link dev.weft.kernels.KernelImpl#current()}. Results never depend on the thread count.
 */
package dev.weft.kernels.reduce;
