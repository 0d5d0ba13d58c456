package dev.weft.tensor;

/**
 * The result of max/min along a dim (and later sort/topk): the values and their I64 indices, same shape.
 *
 * @param values the values
 * @param indices the indices
 */
public record ValuesIndices(Tensor values, Tensor indices) {}
