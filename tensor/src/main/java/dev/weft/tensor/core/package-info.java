/**
 * The bottom of the tensor module: element types ({@link dev.weft.tensor.core.DType}), devices
 * ({@link dev.weft.tensor.core.Device}), shape arithmetic ({@link dev.weft.tensor.core.Shape}), typed
 * storage with its version counter ({@link dev.weft.tensor.core.Storage}), and the strided view a backend
 * sees of a tensor ({@link dev.weft.tensor.core.Strided}); the counter-based random stream is
 * {@link dev.weft.kernels.random.Philox}. Depends on the JDK and kernels/ only; everything in the module stands on it.
 */
package dev.weft.tensor.core;
