/**
 * Loss functions: {@link dev.weft.nn.loss.Losses} (functional, PyTorch's names and defaults) and one
 * module per loss (MSELoss, CrossEntropyLoss, ...) with {@code forward(input, target)}.
 *
 * <pre>
 * Tensor loss = Losses.crossEntropy(logits, labels);                     // (N, C) against (N) I64
 * Tensor l2 = new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(0.1)).forward(logits, labels);
 * </pre>
 */
package dev.weft.nn.loss;
