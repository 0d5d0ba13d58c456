package dev.weft.nn.moe;

import dev.weft.tensor.Tensor;

/**
 * What a gate hands the dispatcher.
 *
 * @param gates G (N, E), zero outside each row's kept experts
 * @param topIndices the kept experts (N, k), I64, largest gate first
 * @param importance the batch's importance (E)
 * @param load the batch's load (E), smooth or counted
 */
public record GateOutput(Tensor gates, Tensor topIndices, Tensor importance, Tensor load) {

    /**
     * {@return w_importance * CV(importance)^2 + w_load * CV(load)^2} (Shazeer et al. 2017, eq. 7 and 11)
     *
     * @param wImportance w_importance
     * @param wLoad w_load
     */
    public Tensor loss(double wImportance, double wLoad) {
        return LoadBalancing.loss(importance, load, wImportance, wLoad);
    }
}
