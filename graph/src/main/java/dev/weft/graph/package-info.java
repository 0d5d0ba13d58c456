/** Weft graph module (see ARCHITECTURE.md). */
package dev.weft.graph;
