/**
 * Reading and writing tensors in the safetensors format (an 8-byte little-endian header length, a
 * JSON header, then the raw little-endian tensor bytes), and saving/loading a module's state dict
 * through it. Entry points: {@link dev.weft.nn.io.Safetensors} and {@link dev.weft.nn.io.ModuleIO}.
 */
package dev.weft.nn.io;
