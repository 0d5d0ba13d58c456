/**
 * The bottom of the tensor module: element types ({@link dev.weft.tensor.core.DType}), devices
 * ({@link dev.weft.tensor.core.Device}), shape arithmetic ({@link dev.weft.tensor.core.Shape}), typed
 * storage with its version counter ({@link dev.weft.tensor.core.Storage}), the strided view a backend
 * sees of a tensor ({@link dev.weft.tensor.core.Strided}) and the counter-based random generator
 * ({@link dev.weft.tensor.core.Philox}). Depends on the JDK only; everything in the module stands on it.
 */
package dev.weft.tensor.core;
