package dev.weft.kernels.elementwise;

/**
 * Argument checks shared by the elementwise and reduction facades: every (array, offset, stride, n)
 * triple must address only valid indices. Errors name the kernel, the operand and every number involved;
 * the message is built only on failure, so the checks cost a few compares on the hot path.
 */
public final class KernelChecks {
    private KernelChecks() {}

    /**
     * Checks n >= 0 and that off + i*stride lies in [0, length) for every {@code i < n}; kernel + " " + what names the call.
     *
     * @param kernel the kernel's name, for error messages
     * @param what what is checked, for error messages
     * @param operand the operand's name, for error messages
     * @param length length of the array
     * @param off index of the first element
     * @param stride the stride
     * @param n number of elements
     */
    public static void range(String kernel, Object what, String operand, int length, int off, int stride, int n) {
        if (n <= 0) {
            if (n < 0) throw new IllegalArgumentException(name(kernel, what) + ": n must be >= 0, got " + n);
            return;
        }
        long last = off + (long) (n - 1) * stride;
        if (off < 0 || off >= length || last < 0 || last >= length) {
            throw new IndexOutOfBoundsException(name(kernel, what) + ": operand " + operand + " (length " + length
                    + ") with offset " + off + ", stride " + stride + ", n " + n + " addresses indices " + off + " .. " + last);
        }
    }

    /**
     * Checks an output stride: 0 is allowed only for {@code n <= 1} (several results into one slot is a bug).
     *
     * @param kernel the kernel's name, for error messages
     * @param what what is checked, for error messages
     * @param stride the stride
     * @param n number of elements
     */
    public static void outStride(String kernel, Object what, int stride, int n) {
        if (stride == 0 && n > 1) {
            throw new IllegalArgumentException(name(kernel, what) + ": output stride 0 with n " + n
                    + " would write every result to one element");
        }
    }

    /**
     * Checks that a contiguous block [off, off + count) lies inside an array of the given length.
     *
     * @param kernel the kernel's name, for error messages
     * @param what what is checked, for error messages
     * @param operand the operand's name, for error messages
     * @param length length of the array
     * @param off index of the first element
     * @param count number of elements in the block
     */
    public static void block(String kernel, Object what, String operand, int length, int off, long count) {
        if (off < 0 || count < 0 || off + count > length) {
            throw new IndexOutOfBoundsException(name(kernel, what) + ": operand " + operand + " (length " + length
                    + ") needs " + count + " elements from offset " + off);
        }
    }

    /**
     * Checks (outer, r, inner) are >= 0 and returns their product; errors name the kernel and all three.
     *
     * @param kernel the kernel's name, for error messages
     * @param what what is checked, for error messages
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @return outer * r * inner
     */
    public static long dims(String kernel, Object what, int outer, int r, int inner) {
        if (outer < 0 || r < 0 || inner < 0) {
            throw new IllegalArgumentException(name(kernel, what) + ": sizes (outer, r, inner) = (" + outer + ", " + r + ", "
                    + inner + ") must be >= 0");
        }
        return (long) outer * r * inner;
    }

    private static String name(String kernel, Object what) {
        return what == null ? kernel : kernel + " " + what;
    }

    /**
     * {@return the element type name of a primitive array, for error messages: F32, F64, I32, I64, BOOL}
     *
     * @param array the Java array
     */
    public static String dtypeOf(Object array) {
        return switch (array) {
            case float[] a -> "F32";
            case double[] a -> "F64";
            case int[] a -> "I32";
            case long[] a -> "I64";
            case byte[] a -> "BOOL";
            case null -> "null";
            default -> array.getClass().getSimpleName();
        };
    }

    /**
     * {@return length of a primitive array; an error naming the kernel for anything else}
     *
     * @param kernel the kernel's name, for error messages
     * @param array the Java array
     */
    public static int lengthOf(String kernel, Object array) {
        return switch (array) {
            case float[] a -> a.length;
            case double[] a -> a.length;
            case int[] a -> a.length;
            case long[] a -> a.length;
            case byte[] a -> a.length;
            case null -> throw new NullPointerException(kernel + ": array is null");
            default -> throw new IllegalArgumentException(kernel + ": unsupported array type " + array.getClass().getSimpleName()
                    + " (expected float[], double[], int[], long[] or byte[])");
        };
    }
}
