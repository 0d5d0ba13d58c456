/** Weft kernels module (see ARCHITECTURE.md). */
package dev.weft.kernels;
