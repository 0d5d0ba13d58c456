/**
 * Sparse kernels: the facades {@link dev.weft.kernels.sparse.SpMM} (CSR times dense),
 * {@link dev.weft.kernels.sparse.Sddmm} (dense times dense sampled at a CSR pattern) and
 * {@link dev.weft.kernels.sparse.Segment} (sum/mean/max/min over CSR segments, with arg rows), each with a
 * scalar reference and a Vector API twin per dtype generated from the templates in
 * kernels/src/template/java/dev/weft/kernels/sparse. Rows are split across threads by nonzeros.
 */
package dev.weft.kernels.sparse;
