/**
 * Standard layers (Linear, Conv, pooling, normalization, Embedding, Dropout, activations) with the
 * reference framework's names, parameter names, defaults and initializations; each forward reads its
 * weights through param()/buffer() and delegates to {@link dev.weft.nn.functional.F}.
 */
package dev.weft.nn.layers;
