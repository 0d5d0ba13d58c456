package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * What {@link LSTM} returns: the top layer's hidden state at every step and every layer's last
 * hidden and cell states.
 *
 * @param output (T, B, D*P), or (B, T, D*P) when batch-first, or (T, D*P) unbatched; P = projSize or H
 * @param hN     (L*D, B, P), or (L*D, P) unbatched; row l*D + d is layer l, direction d (1 = reverse)
 * @param cN     (L*D, B, H), or (L*D, H) unbatched
 */
public record LSTMOutput(Tensor output, Tensor hN, Tensor cN) {}
