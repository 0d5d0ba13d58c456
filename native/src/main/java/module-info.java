/**
 * The CUDA backend through the Foreign Function &amp; Memory API (the module is named after its package:
 * {@code native} is a Java keyword). Public: {@code dev.weft.cuda} and the allocator's statistics
 * ({@code memory}); the bindings ({@code ffm}) and the kernels are internal. FFM downcalls are restricted
 * methods: run with {@code --enable-native-access=dev.weft.cuda} on the module path
 * ({@code =ALL-UNNAMED} on the class path).
 */
module dev.weft.cuda {
    requires transitive dev.weft.tensor;

    exports dev.weft.cuda;
    exports dev.weft.cuda.memory; // CudaBackend.allocatorStats() returns its AllocatorStats

    provides dev.weft.tensor.backend.BackendProvider with
            dev.weft.cuda.CudaBackendProvider;
}
