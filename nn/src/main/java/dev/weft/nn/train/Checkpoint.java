package dev.weft.nn.train;

import dev.weft.nn.optim.OptimizerStateDict;
import dev.weft.tensor.Tensor;
import java.util.Map;

/**
 * What a checkpoint holds: the step and epoch it was taken at, the model's state dict (the module's
 * own tensors, not copies: write them before training goes on), the optimizer's state dict, and the
 * scheduler's (null without one).
 *
 * @param step the optimizer steps taken
 * @param epoch the epoch it was taken in (from 0)
 * @param model the model's state dict
 * @param optimizer the optimizer's state dict
 * @param scheduler the lr scheduler's state dict, or null
 */
public record Checkpoint(long step, int epoch, Map<String, Tensor> model, OptimizerStateDict optimizer,
                         Map<String, Object> scheduler) {}
