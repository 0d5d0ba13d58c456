/** Weft repro module (see ARCHITECTURE.md). */
package dev.weft.repro;
