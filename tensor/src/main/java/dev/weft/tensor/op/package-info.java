/**
 * The op layer: the closed primitive set ({@link dev.weft.tensor.op.Op}, a sealed interface whose
 * subtypes are the op families, each a sealed interface of records) and each family's rules
 * (validation and output specs, dispatched by {@link dev.weft.tensor.op.Rules}, one line per family).
 * Tensor-free: rules see {@link dev.weft.tensor.core.Strided} views.
 *
 * <h2>The op families and their files</h2>
 * One family is one mirrored set of files; from an op's record every other place is one hop away.
 * <table>
 * <caption>Where each family lives</caption>
 * <tr><th>family</th><th>records (op/)</th><th>rules (op/)</th><th>facade (dev.weft.tensor)</th>
 *     <th>CPU executor (cpu/)</th><th>backward (autograd)</th><th>gradcheck cases (autograd tests)</th></tr>
 * <tr><td>Elementwise</td><td>ElementwiseOp</td><td>ElementwiseRules</td><td>Pointwise</td><td>CpuElementwise</td><td>ElementwiseGrads</td><td>cases/ElementwiseCases</td></tr>
 * <tr><td>Reduce</td><td>ReduceOp</td><td>ReduceRules</td><td>Reductions</td><td>CpuReduce</td><td>ReduceGrads</td><td>cases/ReduceCases</td></tr>
 * <tr><td>View</td><td>ViewOp</td><td>ViewRules (+ ViewLayout)</td><td>Views</td><td>none: a view is metadata</td><td>ViewGrads</td><td>cases/ViewCases</td></tr>
 * <tr><td>Matmul</td><td>MatmulOp</td><td>MatmulRules</td><td>Products (+ Einsum)</td><td>CpuMatmul</td><td>MatmulGrads</td><td>cases/MatmulCases</td></tr>
 * <tr><td>Copy</td><td>CopyOp</td><td>CopyRules</td><td>Copies</td><td>CpuCopy</td><td>CopyGrads</td><td>cases/CopyCases</td></tr>
 * <tr><td>Creation</td><td>CreationOp</td><td>CreationRules</td><td>Create</td><td>CpuCreation</td><td>CreationGrads</td><td>cases/CreationCases</td></tr>
 * <tr><td>Join</td><td>JoinOp</td><td>JoinRules</td><td>Joining</td><td>CpuJoin</td><td>JoinGrads</td><td>cases/JoinCases</td></tr>
 * <tr><td>Index</td><td>IndexOp</td><td>IndexRules</td><td>Indexing</td><td>CpuIndex</td><td>IndexGrads</td><td>cases/IndexCases</td></tr>
 * <tr><td>Sort</td><td>SortOp</td><td>SortRules</td><td>Sorting</td><td>CpuSort</td><td>SortGrads</td><td>cases/SortCases</td></tr>
 * <tr><td>Conv</td><td>ConvOp</td><td>ConvRules</td><td>Convolution (+ Pooling)</td><td>CpuConv</td><td>ConvGrads</td><td>cases/ConvCases</td></tr>
 * <tr><td>Linalg</td><td>LinalgOp</td><td>LinalgRules</td><td>Linalg</td><td>CpuLinalg</td><td>LinalgGrads</td><td>cases/LinalgCases</td></tr>
 * <tr><td>Spectral</td><td>SpectralOp</td><td>SpectralRules</td><td>Fft</td><td>CpuSpectral</td><td>SpectralGrads</td><td>cases/SpectralCases</td></tr>
 * </table>
 * The scalar and SIMD kernels a CPU executor calls are in the kernels module (docs/ARCHITECTURE.md
 * lists them per family). To add a family: a sealed interface of records added to Op's permits, its
 * {@code <F>Rules} and a line in Rules.infer, a line in every Backend's execute (CpuBackend and its
 * {@code Cpu<F>}), a facade, a line in autograd's Gradients with {@code <F>Grads}, and
 * {@code cases/<F>Cases}; the exhaustive switches make a missing piece a compile error and the
 * autograd coverage test a missing case a test failure.
 */
package dev.weft.tensor.op;
