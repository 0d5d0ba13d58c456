package dev.weft.kernels.fft;

/** Argument checks of the FFT kernels; messages name the kernel, the sizes and the arrays. */
final class FftChecks {
    private FftChecks() {}

    /**
     * Checks the sizes and that x holds xCount and y holds yCount elements from their offsets (counts
     * in elements, complex values counting two). Returns false when there is nothing to do.
     */
    static boolean check(String kernel, int outer, int n, int inner, int xLen, int xOff, long xCount,
                         int yLen, int yOff, long yCount) {
        String sizes = "(outer, n, inner) = (" + outer + ", " + n + ", " + inner + ")";
        if (outer < 0 || inner < 0) throw new IllegalArgumentException(kernel + ": sizes " + sizes + " must be >= 0");
        if (n < 1 || n > FftPlan.MAX_N) {
            throw new IllegalArgumentException(kernel + ": sizes " + sizes + ": the length n must be in 1.." + FftPlan.MAX_N);
        }
        need(kernel, "x", xLen, xOff, xCount, sizes);
        need(kernel, "y", yLen, yOff, yCount, sizes);
        return (long) outer * inner > 0;
    }

    private static void need(String kernel, String name, int len, int off, long count, String sizes) {
        if (off < 0 || off + count > len) {
            throw new IllegalArgumentException(kernel + ": " + name + " has " + len + " elements, offset " + off
                    + " needs " + count + " more for " + sizes);
        }
    }
}
