/**
 * Fast Fourier transforms along one axis of a contiguous (outer, n, inner) array: complex-to-complex,
 * real-to-complex (the n/2 + 1 non-negative bins) and complex-to-real, any length (radix-2 where n is a
 * power of two, Bluestein otherwise), with a scale factor applied to every output.
 * {@link dev.weft.kernels.fft.Fft} is the facade.
 */
package dev.weft.kernels.fft;
