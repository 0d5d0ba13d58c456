/**
 * Pruning and lottery tickets. {@link dev.weft.nn.prune.Prune} has torch.nn.utils.prune's functions (identity,
 * l1Unstructured, randomUnstructured, globalUnstructured, lnStructured, randomStructured, remove, isPruned) on
 * {@link dev.weft.nn.Module#maskParameter}'s reparametrization "weight = weight_orig * weight_mask";
 * {@link dev.weft.nn.prune.LotteryTicket} is iterative magnitude pruning with reset to theta_0 or rewinding to step k;
 * {@link dev.weft.nn.prune.SupermaskLinear} learns which frozen random weights to keep (edge-popup). A pruned Linear
 * runs sparse as {@link dev.weft.nn.sparse.SparseLinear#fromDense}.
 *
 * <pre>
 * Prune.l1Unstructured(linear, "weight", 0.2);       // 20% of the weights with the smallest |w| masked
 * Prune.remove(linear, "weight");                     // the mask made permanent
 * </pre>
 */
package dev.weft.nn.prune;
