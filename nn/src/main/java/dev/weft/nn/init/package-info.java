/** Seeded, in-place weight initializers and the fan/gain rules they use. */
package dev.weft.nn.init;
