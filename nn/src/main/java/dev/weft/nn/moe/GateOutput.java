package dev.weft.nn.moe;

import dev.weft.tensor.Tensor;

/**
 * What a gate hands the dispatcher: the gates G (N, E), zero outside each row's kept experts; the indices of the
 * kept experts (N, k, I64, largest gate first); and the batch's importance (E,) and load (E,) for the balancing
 * loss.
 */
public record GateOutput(Tensor gates, Tensor topIndices, Tensor importance, Tensor load) {

    /** w_importance * CV(importance)^2 + w_load * CV(load)^2 (Shazeer et al. 2017, eq. 7 and 11). */
    public Tensor loss(double wImportance, double wLoad) {
        return LoadBalancing.loss(importance, load, wImportance, wLoad);
    }
}
