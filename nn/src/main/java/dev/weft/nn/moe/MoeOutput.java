package dev.weft.nn.moe;

import dev.weft.tensor.Tensor;

/**
 * A sparse mixture's output, its balancing loss and the gate's view.
 *
 * @param output the output (N, ..., C_out)
 * @param auxLoss the balancing loss, a scalar to add to the task loss
 * @param gate what the gate computed
 */
public record MoeOutput(Tensor output, Tensor auxLoss, GateOutput gate) {}
