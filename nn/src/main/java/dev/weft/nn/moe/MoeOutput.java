package dev.weft.nn.moe;

import dev.weft.tensor.Tensor;

/** A sparse mixture's output (N, ..., C_out), its balancing loss (a scalar to add to the task loss) and the gate's view. */
public record MoeOutput(Tensor output, Tensor auxLoss, GateOutput gate) {}
