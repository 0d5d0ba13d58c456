/**
 * The counter-based random stream ({@link dev.weft.kernels.random.Philox}) and the bulk random fills on it
 * ({@link dev.weft.kernels.random.RandomFill}: Bernoulli and uniform, scalar reference and Vector API twins
 * with the same bits at any thread count).
 */
package dev.weft.kernels.random;
