/** Weft nn module (see ARCHITECTURE.md). */
package dev.weft.nn;
