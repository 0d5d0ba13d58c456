/**
 * Weft's numeric kernels over arrays: each family a scalar reference and a Vector API twin, GEMM, the
 * shared thread pool. Only {@code dev.weft.kernels} (KernelImpl, VectorModule, Parallel, ...) is public
 * API; the kernel families are exported to the Weft modules that call them.
 *
 * <p>{@code requires (transitive) jdk.incubator.vector}, not {@code requires static}: on the module path (and in a
 * jlink image) the Vector API then resolves with this module, with no {@code --add-modules} flag, and
 * the SIMD kernels always run. {@code requires static} would make every module-path user add the flag
 * too and buy only a jlink image without the module (scalar only), which Weft does not want. The
 * scalar fallback ({@link dev.weft.kernels.VectorModule}) covers the one case a module declaration
 * cannot: a class-path launch without {@code --add-modules jdk.incubator.vector}.
 */
// "module": the qualified exports name modules built after this one (javac: module not found)
@SuppressWarnings("module")
module dev.weft.kernels {
    // transitive: KernelImpl.floatSpecies() returns a VectorSpecies
    requires transitive jdk.incubator.vector;

    exports dev.weft.kernels;

    // internal: exported only to the Weft modules that use them
    exports dev.weft.kernels.conv to dev.weft.tensor;
    exports dev.weft.kernels.elementwise to dev.weft.tensor, dev.weft.bench;
    exports dev.weft.kernels.fft to dev.weft.tensor;
    exports dev.weft.kernels.gemm to dev.weft.tensor, dev.weft.bench;
    exports dev.weft.kernels.index to dev.weft.tensor;
    exports dev.weft.kernels.kan to dev.weft.nn;
    exports dev.weft.kernels.linalg to dev.weft.tensor;
    exports dev.weft.kernels.loss to dev.weft.nn;
    exports dev.weft.kernels.optim to dev.weft.nn;
    exports dev.weft.kernels.random to dev.weft.tensor, dev.weft.graph;
    exports dev.weft.kernels.reduce to dev.weft.tensor, dev.weft.nn;
    exports dev.weft.kernels.rnn to dev.weft.tensor;
    exports dev.weft.kernels.sort to dev.weft.tensor;
    exports dev.weft.kernels.sparse to dev.weft.tensor, dev.weft.bench;
}
