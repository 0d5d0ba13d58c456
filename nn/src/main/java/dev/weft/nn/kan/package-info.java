/**
 * Kolmogorov-Arnold Networks (Liu et al. 2024) with pykan's semantics: {@link dev.weft.nn.kan.KANLayer} (a learnable
 * activation phi(x) = scale_base b(x) + scale_sp spline(x) on every edge; fast path: one fused B-spline basis
 * expansion and a GEMM), {@link dev.weft.nn.kan.KAN} (layers from widths, the paper's regularizer, grid update
 * and extension, pruning by pykan's attribution scores: {@link dev.weft.nn.kan.KanAttribution}, symbolic edges and
 * formulas: package {@code dev.weft.nn.kan.symbolic}),
 * {@link dev.weft.nn.kan.Spline} (B_batch, coef2curve, curve2coef, extend_grid). The basis kernel
 * is kernels' {@code dev.weft.kernels.kan.BSpline}.
 */
package dev.weft.nn.kan;
