/** Weft bench module (see ARCHITECTURE.md). */
package dev.weft.bench;
