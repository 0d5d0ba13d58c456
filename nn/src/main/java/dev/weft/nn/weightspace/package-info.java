/**
 * Weight-space operations on trained networks, after Ainsworth, Hayase and Srinivasa 2023 ("Git Re-Basin: Merging
 * Models modulo Permutation Symmetries"): an exact linear assignment solver ({@link
 * dev.weft.nn.weightspace.LinearAssignment}), the hidden-unit permutation symmetry of MLPs ({@link
 * dev.weft.nn.weightspace.MlpPermutationSpec}), weight matching ({@link dev.weft.nn.weightspace.WeightMatching}) and
 * activation matching ({@link dev.weft.nn.weightspace.ActivationMatching}), entropic soft assignment ({@link
 * dev.weft.nn.weightspace.Sinkhorn}), and linear interpolation of two states with its loss barrier ({@link
 * dev.weft.nn.weightspace.Interpolation}).
 */
package dev.weft.nn.weightspace;
