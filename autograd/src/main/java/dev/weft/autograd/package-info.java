/**
 * Weft autograd: a tape (a graph of {@code Node}s hanging off tensors' gradNode slots) recorded through
 * the tensor layer's one dispatch hook, and one backward rule per primitive op.
 *
 * <pre>
 * Tensor w = Tensor.randn(gen, 4, 3).requiresGrad(true);
 * Tensor loss = x.matmul(w).tanh().square().mean();
 * Autograd.backward(loss);                                   // w.grad() += dloss/dw
 * Tensor[] g = Autograd.grad(new Tensor[] {loss}, new Tensor[] {w}, null, true, true, false); // createGraph
 * try (var s = Autograd.noGrad()) { w.sub_(w.grad().mul(0.1)); }
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.weft.autograd.Autograd}: backward (seed, retainGraph, createGraph), functional grad,
 *       zeroGrad, noGrad/enableGrad scopes, isLeaf, gradFn.</li>
 *   <li>{@link dev.weft.autograd.Gradients}: the rule table, an exhaustive switch over the sealed op
 *       families, one line per family, each family's rules in {@code <F>Grads}: ElementwiseGrads,
 *       ReduceGrads, ViewGrads, MatmulGrads, CopyGrads, CreationGrads (none: not differentiable),
 *       JoinGrads, IndexGrads (with its helper ScatterReduceGrads), SortGrads, ConvGrads, LinalgGrads, SpectralGrads;
 *       broadcasting is undone once, in the engine (sumToSize). Each family's gradcheck cases are in
 *       the tests' {@code cases/<F>Cases}, run one reported test per case by GradcheckTest
 *       ({@code gradcheck[mul]}; one alone: {@code -Dtest=GradcheckTest -Dweft.case=mul}).</li>
 *   <li>{@link dev.weft.autograd.Functional}: vjp, jvp (double vjp), jacobian, hvp.</li>
 *   <li>{@link dev.weft.autograd.Gradcheck}: gradcheck / gradgradcheck in F64.</li>
 *   <li>{@link dev.weft.autograd.Anomaly}: the first op producing NaN/Inf, forward or backward.</li>
 * </ul>
 * Saved tensors are version-checked when a rule reads them; backward frees them unless retainGraph.
 * In-place writes are allowed on non-leaf tensors that own their storage (their history is replaced)
 * and refused on leaves that require grad (outside noGrad) and on views of graph tensors.
 */
package dev.weft.autograd;
