/**
 * The op layer: the closed primitive set ({@link dev.weft.tensor.op.Op} and its sealed families),
 * {@link dev.weft.tensor.op.ShapeRules} (validation and output shapes), {@link dev.weft.tensor.Dispatch}
 * (the single path every op takes, with the autograd {@link dev.weft.tensor.Recorder} hook), and the
 * PyTorch-named facades that compose primitives: Create, Views, Pointwise, Reductions, Products, Einsum.
 * To add a family: a sealed interface with nested records, add it to Op's permits, a case in
 * ShapeRules.infer, a case in every Backend's execute (CpuBackend), and a facade.
 */
package dev.weft.tensor.op;
