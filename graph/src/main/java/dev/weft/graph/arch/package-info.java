/**
 * Neural architectures as computation graphs (Knyazev et al. 2021, GHN-2, Sec. 3 "DeepNets-1M" graphs): a
 * {@link dev.weft.graph.arch.ArchSpec} (the layer list of a {@code Sequential}) becomes an
 * {@link dev.weft.graph.arch.ArchGraph}, a DAG of operation nodes typed by {@link dev.weft.graph.arch.OpType}
 * (one node per parameter tensor and per parameter-free op), and back. A graph hypernetwork reads these graphs.
 */
package dev.weft.graph.arch;
