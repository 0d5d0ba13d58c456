/**
 * Sorting along one axis of a contiguous (outer, r, inner) array: sort, argsort, topk and selection, with
 * NaN sorted as the largest value and ties always kept in input order (stable).
 * {@link dev.weft.kernels.sort.Sort} is the facade.
 */
package dev.weft.kernels.sort;
