/**
 * Edge-list utilities under PyG's names (torch_geometric.utils): self loops, coalesce, to_undirected, degree,
 * gcn_norm, subgraphs, components, negative sampling, and the seeded samplers (random walks, node2vec,
 * neighbour sampling). Index work runs on the host; edge values move through tensor ops.
 */
package dev.weft.graph.utils;
