/**
 * Fused pointwise recurrent cells (the LSTM and GRU step after its gate GEMM, and their backward): the
 * facade {@link dev.weft.kernels.rnn.Cells}, a scalar reference ({@code CellsScalarF32/F64}) and a Vector API
 * twin ({@code CellsSimdF32/F64}) per dtype, generated from the templates in
 * kernels/src/template/java/dev/weft/kernels/rnn. Called by the tensor module's CpuRecurrent.
 */
package dev.weft.kernels.rnn;
