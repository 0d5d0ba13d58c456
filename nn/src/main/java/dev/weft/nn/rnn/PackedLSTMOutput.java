package dev.weft.nn.rnn;

import dev.weft.tensor.Tensor;

/**
 * What {@link LSTM} returns for a {@link PackedSequence}: the top layer's hidden states as a packed
 * sequence and every layer's final states, each sequence's own, in the original batch order.
 *
 * @param output packed (N, D*P) with the input's batch sizes; {@link Packing#padPackedSequence} pads it
 * @param hN     (L*D, B, P); row l*D + d is layer l, direction d (1 = reverse)
 * @param cN     (L*D, B, H)
 */
public record PackedLSTMOutput(PackedSequence output, Tensor hN, Tensor cN) {}
