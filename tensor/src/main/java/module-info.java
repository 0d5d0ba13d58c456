/**
 * Tensors: Tensor, DType, Shape, Device, Generator, the op facades and their single dispatch path.
 * {@code dev.weft.tensor} and {@code dev.weft.tensor.core} are public API; the closed op set
 * ({@code op}), the backend SPI ({@code backend}) and the CPU backend ({@code cpu}) are exported only to
 * autograd (which records ops) and the CUDA backend. The kernels are an implementation detail here:
 * no public signature names a kernels type, so the requirement is not transitive.
 */
// "module": the qualified exports name modules built after this one (javac: module not found)
@SuppressWarnings("module")
module dev.weft.tensor {
    requires dev.weft.kernels;

    exports dev.weft.tensor;
    exports dev.weft.tensor.core;

    // internal: exported only to the Weft modules that use them
    exports dev.weft.tensor.op to dev.weft.autograd, dev.weft.cuda;
    exports dev.weft.tensor.backend to dev.weft.cuda;
    exports dev.weft.tensor.cpu to dev.weft.cuda;

    // the autograd tape, when present, and optional backends (CUDA)
    uses dev.weft.tensor.Recorder;
    uses dev.weft.tensor.backend.BackendProvider;
}
