/** The CPU backend: array storage, strided loops, and one executor per op family calling dev.weft.kernels. */
package dev.weft.tensor.cpu;
