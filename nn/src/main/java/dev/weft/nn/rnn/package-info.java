/**
 * Recurrent layers with PyTorch's names, shapes, gate order and state-dict keys: {@link
 * dev.weft.nn.rnn.RNN} (tanh or relu), {@link dev.weft.nn.rnn.LSTM}, {@link dev.weft.nn.rnn.GRU}
 * (multi-layer, bidirectional, batch-first, dropout between layers) and the single-step cells
 * {@link dev.weft.nn.rnn.RNNCell}, {@link dev.weft.nn.rnn.LSTMCell}, {@link dev.weft.nn.rnn.GRUCell}.
 * LSTM and GRU steps are one gate GEMM plus one fused cell primitive ({@link dev.weft.tensor.Recurrent}); LSTM
 * takes PyTorch's proj_size; every layer also runs a {@link dev.weft.nn.rnn.PackedSequence} (variable lengths,
 * {@link dev.weft.nn.rnn.Packing}). Gradients come from the tape.
 */
package dev.weft.nn.rnn;
