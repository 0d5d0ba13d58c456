/** Stateless layer functions ({@link dev.weft.nn.functional.F}), composed of differentiable tensor ops. */
package dev.weft.nn.functional;
