/**
 * The user-facing tensor layer: {@link dev.weft.tensor.Tensor}, the single dispatch path
 * ({@link dev.weft.tensor.Dispatch}) with the autograd hook ({@link dev.weft.tensor.Recorder}), the
 * backend registry ({@link dev.weft.tensor.Backends}) and the PyTorch-named facades, one per op family
 * (Pointwise, Reductions, Views, Products, Copies, Create, Joining, Indexing, Sorting, Convolution,
 * Linalg; the family table is in dev.weft.tensor.op's package comment). Only this package knows Tensor:
 * below it, dev.weft.tensor.core, .op, .backend and .cpu work over Strided views (LayeringTest).
 */
package dev.weft.tensor;
