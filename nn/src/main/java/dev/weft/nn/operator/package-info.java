/**
 * Neural operators: networks that learn maps between functions. {@link dev.weft.nn.operator.SpectralConv1d} and
 * {@link dev.weft.nn.operator.FNO1d} (Li et al. 2021, "Fourier Neural Operator for Parametric Partial Differential
 * Equations": a learned linear map on the lowest Fourier modes, through the torch.fft facade {@code dev.weft.tensor.Fft}),
 * and {@link dev.weft.nn.operator.DeepONet} (Lu et al. 2021, "Learning nonlinear operators via DeepONet": a branch
 * net on the input function at fixed sensors and a trunk net on the query point, combined by a dot product).
 */
package dev.weft.nn.operator;
