package dev.weft.spark;

import dev.weft.tensor.Tensor;
import java.io.Serializable;
import java.util.function.BiFunction;

/**
 * (output, target) to a scalar loss, with mean reduction over the batch (the data-parallel step weights
 * each partition's mean by its example count); serializable so that executors can run it, e.g.
 * {@code LossFunction loss = Losses::crossEntropy;}.
 */
@FunctionalInterface
public interface LossFunction extends BiFunction<Tensor, Tensor, Tensor>, Serializable {}
