/**
 * Kernels of Kolmogorov-Arnold Networks: the B-spline basis by Cox–de Boor and its input gradient
 * ({@link dev.weft.kernels.kan.BSpline}), a scalar reference ({@code BSplineScalarF32/F64}) and a Vector API
 * twin ({@code BSplineSimdF32/F64}) generated from the templates in kernels/src/template/java/dev/weft/kernels/kan.
 * Called by nn's KAN layers.
 */
package dev.weft.kernels.kan;
