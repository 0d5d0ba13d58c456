package dev.weft.nn.attention;

import dev.weft.tensor.Tensor;

/**
 * What {@link MultiheadAttention} returns.
 *
 * @param output  (B, L, E) batch-first, (L, B, E) time-major, or (L, E) unbatched
 * @param weights the attention weights after dropout: (B, L, S) averaged over heads or (B, H, L, S)
 *                per head (no B when unbatched); null when weights were not asked for
 */
public record AttentionOutput(Tensor output, Tensor weights) {}
