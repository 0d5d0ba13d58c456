package dev.weft.kernels.conv;

/**
 * Where the weight gradient reads the columns (im2col) of a group of consecutive samples: in place in a
 * whole batch's columns, or made for just that group in a task's own scratch by the fused convolution
 * ({@link ConvFused}), so they are written and read while they are in cache. One instance per task.
 */
interface GroupColumns {
    /** Makes the columns of samples [b0, b0 + nb) if needed; returns the offset of sample b0's in {@link #array()}. */
    int group(int b0, int nb);

    /** The array holding the group's columns, one sample's (G*K, L) block after another. */
    Object array();

    /** The columns of a whole batch, read in place. */
    static GroupColumns inPlace(Object cols, int colsOff, int sampleSize) {
        return new GroupColumns() {
            @Override
            public int group(int b0, int nb) {
                return colsOff + b0 * sampleSize;
            }

            @Override
            public Object array() {
                return cols;
            }
        };
    }
}
