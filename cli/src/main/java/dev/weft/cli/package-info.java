/** Weft cli module (see ARCHITECTURE.md). */
package dev.weft.cli;
