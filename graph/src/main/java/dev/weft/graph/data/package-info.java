/**
 * Graph data sets and generators: Planetoid (plain text and PyG's raw pickles), TUDataset, karate club, and
 * seeded random graph models. Every reader returns a validated Graph or throws, naming file and line (or byte).
 */
package dev.weft.graph.data;
