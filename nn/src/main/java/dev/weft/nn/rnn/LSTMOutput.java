package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * What {@link LSTM} returns: the top layer's hidden state at every step and every layer's last
 * hidden and cell states.
 *
 * @param output (T, B, D*H), or (B, T, D*H) when batch-first, or (T, D*H) unbatched
 * @param hN     (L*D, B, H), or (L*D, H) unbatched; row l*D + d is layer l, direction d (1 = reverse)
 * @param cN     same shape as hN
 */
public record LSTMOutput(Tensor output, Tensor hN, Tensor cN) {}
