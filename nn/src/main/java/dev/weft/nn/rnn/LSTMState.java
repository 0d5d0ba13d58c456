package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * The (h, c) pair an {@link LSTMCell} takes and returns.
 *
 * @param h hidden state (B, H), or (H) unbatched
 * @param c cell state, same shape as h
 */
public record LSTMState(Tensor h, Tensor c) {}
