/**
 * Mini-batch loaders over one large graph: {@link dev.weft.graph.loader.NeighborLoader} (PyG's NeighborLoader:
 * seed batches with their GraphSAGE-sampled neighbourhoods).
 */
package dev.weft.graph.loader;
