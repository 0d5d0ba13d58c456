/**
 * Gather, scatter (assign, add, reduce), index_select/index_add, masked select and nonzero over contiguous
 * arrays viewed as (outer, dim, inner). Indices are checked before anything is written; an error names
 * the kernel, the position and the offending index.
 */
package dev.weft.kernels.index;
