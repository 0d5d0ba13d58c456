/** Weft autograd module (see ARCHITECTURE.md). */
package dev.weft.autograd;
