/**
 * Graph learning: Graph/GraphBatch, utilities and samplers, data sets, GNN layers, loaders, models,
 * network-graph conversion, the graph hypernetwork. Its layers are nn Modules, so dev.weft.nn is
 * transitive. {@code dev.weft.graph.data.pickle} (the Planetoid pickle reader) is internal.
 */
module dev.weft.graph {
    requires transitive dev.weft.nn;
    requires dev.weft.kernels;

    exports dev.weft.graph;
    exports dev.weft.graph.arch;
    exports dev.weft.graph.data;
    exports dev.weft.graph.hyper;
    exports dev.weft.graph.loader;
    exports dev.weft.graph.models;
    exports dev.weft.graph.nn;
    exports dev.weft.graph.nn.aggr;
    exports dev.weft.graph.nn.pool;
    exports dev.weft.graph.utils;
}
