package dev.weft.nn.layers;

/**
 * The window options AvgPool2d and MaxPool2d share: kernel size, stride (default: the kernel size) and
 * padding, each given as one number (both dims) or two (height, width); checked when the layer is built.
 */
abstract class Pool2dOptions<O extends Pool2dOptions<O>> {
    final int[] kernelSize;
    private int[] stride, padding = {0};     // stride null: the kernel size

    Pool2dOptions(int[] kernelSize) {
        this.kernelSize = kernelSize;
    }

    @SuppressWarnings("unchecked")
    final O self() {
        return (O) this;
    }

    /**
     * Step of the window over the input (default: the kernel size).
     *
     * @param stride the step in both dims
     * @return these options
     */
    public O stride(int stride) {
        this.stride = new int[] {stride};
        return self();
    }

    /**
     * Step of the window per dim (height, width).
     *
     * @param strideH the step along the height
     * @param strideW the step along the width
     * @return these options
     */
    public O stride(int strideH, int strideW) {
        this.stride = new int[] {strideH, strideW};
        return self();
    }

    /**
     * Implicit padding on both sides (zeros for AvgPool2d, -inf for MaxPool2d).
     *
     * @param padding the padding on each side, both dims (default 0)
     * @return these options
     */
    public O padding(int padding) {
        this.padding = new int[] {padding};
        return self();
    }

    /**
     * Implicit padding per dim (height, width).
     *
     * @param padH the padding on the top and bottom
     * @param padW the padding on the left and right
     * @return these options
     */
    public O padding(int padH, int padW) {
        this.padding = new int[] {padH, padW};
        return self();
    }

    final int[] strideOrKernel() {
        return stride == null ? kernelSize : stride;
    }

    final int[] padding() {
        return padding;
    }
}
