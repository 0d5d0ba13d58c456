/**
 * Mixtures of experts. Dense softmax gating over every expert ({@link dev.weft.nn.moe.DenseMoE}, the layer
 * Eigen et al. 2014 stack in "Learning Factored Representations in a Deep Mixture of Experts"); Shazeer et al.
 * 2017's noisy top-k gating with its importance and load losses ({@link dev.weft.nn.moe.NoisyTopKGate},
 * {@link dev.weft.nn.moe.LoadBalancing}) and the sparse layer that dispatches each row only to its chosen
 * experts by gather/scatter ({@link dev.weft.nn.moe.SparseMoE}, {@link dev.weft.nn.moe.ExpertDispatch});
 * and SMEAR (Muqeeth et al. 2023), which merges the experts' parameters with the router's probabilities and
 * runs the merged expert once ({@link dev.weft.nn.moe.SmearMoE}). Experts are any modules made by a supplier.
 */
package dev.weft.nn.moe;
