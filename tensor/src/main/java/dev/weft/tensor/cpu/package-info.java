/**
 * The CPU backend: Java arrays as storage ({@link dev.weft.tensor.cpu.CpuStorage}), strided loops, and
 * one executor per op family ({@code Cpu<Family>}) calling the kernels module (dev.weft.kernels), which
 * holds each kernel's scalar reference and its Vector API twin. Written over
 * {@link dev.weft.tensor.core.Strided} views only (see dev.weft.tensor.backend for the contract).
 */
package dev.weft.tensor.cpu;
