/**
 * The CUDA backend (see ARCHITECTURE.md, "native"): {@link dev.weft.cuda.CudaProbe} decides whether a
 * driver and a device are present; {@link dev.weft.cuda.CudaBackendProvider} plugs
 * {@link dev.weft.cuda.CudaBackend} into the tensor SPI when they are. Sub-packages: {@code ffm} (the
 * downcalls into libcuda, NVRTC and cuBLAS), {@code kernel} (CUDA C sources, NVRTC options, the PTX disk
 * cache), {@code memory} (the caching device allocator).
 */
package dev.weft.cuda;
