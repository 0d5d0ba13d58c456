/**
 * Graph hypernetworks (Knyazev et al. 2021, "Parameter Prediction for Unseen Deep Architectures", GHN-2): a GNN
 * over a network's computation graph ({@link dev.weft.graph.arch.ArchGraph}) predicts every parameter tensor of
 * that network in one forward pass, for architectures never seen in training. The predicted tensors run the
 * target through {@link dev.weft.nn.FunctionalCall}, so the target's loss trains the hypernetwork.
 */
package dev.weft.graph.hyper;
