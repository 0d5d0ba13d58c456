package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * What {@link RNN} and {@link GRU} return: the top layer's hidden state at every step and every
 * layer's last hidden state.
 *
 * @param output (T, B, D*H), or (B, T, D*H) when batch-first, or (T, D*H) unbatched; D = 2 if bidirectional
 * @param hN     (L*D, B, H), or (L*D, H) unbatched; row l*D + d is layer l, direction d (1 = reverse)
 */
public record RNNOutput(Tensor output, Tensor hN) {}
