/**
 * Fused loss kernels over arrays: the cross-entropy backward (softmax minus one-hot with the loss's
 * scales folded in, one pass over the logits), a scalar reference ({@code CrossEntropyGradScalar}) and a
 * Vector API twin ({@code CrossEntropyGradSimd}) generated from the templates in
 * kernels/src/template/java/dev/weft/kernels/loss. Called by nn's fused cross-entropy.
 */
package dev.weft.kernels.loss;
