/** Weft native module (see ARCHITECTURE.md). */
package dev.weft.cuda;
