package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * What {@link RNN} and {@link GRU} return for a {@link PackedSequence}: the top layer's hidden states as
 * a packed sequence and every layer's final hidden state, each sequence's own, in the original batch order.
 *
 * @param output packed (N, D*H) with the input's batch sizes; {@link Packing#padPackedSequence} pads it
 * @param hN     (L*D, B, H); row l*D + d is layer l, direction d (1 = reverse)
 */
public record PackedRNNOutput(PackedSequence output, Tensor hN) {}
