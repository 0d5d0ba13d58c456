package dev.weft.kernels.gemm;

/**
 * op(B), a (k x n) right-hand operand, packed once for many products with it ({@link Gemm#packB}): a
 * recurrent layer multiplies every step's state by the same weight, and packing it per step cost as much
 * as a tenth of the step. Holds the SIMD kernels' panels, or a plain row-major copy for the scalar
 * kernel, whichever {@link dev.weft.kernels.KernelImpl} was current when it was packed; products with it
 * give the bits an unpacked product with the same B gives under that kernel. Immutable once built: the
 * source array may change afterwards without affecting it.
 */
public final class PackedB {
    final Object data;      // float[] or double[]
    final int k, n;
    final boolean simd;

    PackedB(Object data, int k, int n, boolean simd) {
        this.data = data;
        this.k = k;
        this.n = n;
        this.simd = simd;
    }

    /** {@return the depth k of the product (rows of op(B))} */
    public int k() {
        return k;
    }

    /** {@return the columns n of op(B) and of the product} */
    public int n() {
        return n;
    }
}
