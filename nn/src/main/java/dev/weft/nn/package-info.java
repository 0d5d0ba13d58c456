/**
 * Weft nn module (see ARCHITECTURE.md). What may be shared across threads (an eval-mode module under
 * no-grad) and what may not (training one module from two threads) is stated in {@link dev.weft.nn.Module}.
 */
package dev.weft.nn;
