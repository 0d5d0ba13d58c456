/** Weft tensor module (see ARCHITECTURE.md). */
package dev.weft.tensor;
