package dev.weft.kernels;

/**
 * The extent checks of kernels that take row-major blocks as (array, offset, strides): a block must lie inside
 * its array before any element is written. The error names the kernel, the operand, the block's shape and
 * strides and the index it would reach.
 */
public final class Bounds {
    private Bounds() {}

    /**
     * A (rows, cols) block at off with row stride ld (>= cols when rows > 1) must lie inside an array of this length.
     *
     * @param kernel the kernel's name, for error messages
     * @param operand the operand's name, for error messages
     * @param length length of the array
     * @param off index of the first element
     * @param ld distance between consecutive rows
     * @param rows number of rows
     * @param cols number of columns
     */
    public static void block(String kernel, String operand, int length, int off, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) return;
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || (rows > 1 && ld < cols) || last >= length) {
            throw new IndexOutOfBoundsException(kernel + ": operand " + operand + " (length " + length + ") as (" + rows + ", " + cols
                    + ") from offset " + off + " with row stride " + ld + " addresses up to index " + last);
        }
    }

    /**
     * A (steps, rows, cols) block at off with step stride ts (>= 0) and row stride ld must lie inside the array.
     *
     * @param kernel the kernel's name, for error messages
     * @param operand the operand's name, for error messages
     * @param length length of the array
     * @param off index of the first element
     * @param ts distance between consecutive time steps
     * @param ld distance between consecutive rows
     * @param steps number of time steps
     * @param rows number of rows
     * @param cols number of columns
     */
    public static void steps(String kernel, String operand, int length, int off, int ts, int ld, int steps, int rows, int cols) {
        if (steps == 0 || rows == 0 || cols == 0) return;
        long last = off + (long) (steps - 1) * ts + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || ts < 0 || ld < 0 || (rows > 1 && ld < cols) || last >= length) {
            throw new IndexOutOfBoundsException(kernel + ": operand " + operand + " (length " + length + ") as (" + steps + ", " + rows
                    + ", " + cols + ") from offset " + off + " with step stride " + ts + " and row stride " + ld
                    + " addresses up to index " + last);
        }
    }
}
