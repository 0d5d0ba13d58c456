package dev.weft.tensor;

import java.util.Arrays;

/**
 * The dims an n-dimensional transform runs along, in the order given, and the signal length along each
 * (null: the 1-d transform's default), as torch's canonicalize_fft_shape_and_dim_args decides: dims
 * given, or the last len(s) dims when only s is, or all dims; an entry -1 in s keeps the default.
 */
record FftDims(int[] dims, Integer[] sizes) {

    /** rank: the dims that count (the logical dims of a complex input). */
    static FftDims of(String op, Tensor t, int[] s, int[] dims, int rank) {
        int[] d;
        if (dims != null) {
            d = new int[dims.length];
            for (int i = 0; i < d.length; i++) d[i] = Fft.dim(op, t, dims[i], rank);
            int[] sorted = d.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new IllegalArgumentException(op + ": " + Fft.what(t) + ": dim " + sorted[i] + " repeated in dims "
                            + Arrays.toString(dims));
                }
            }
            if (s != null && s.length != dims.length) {
                throw new IllegalArgumentException(op + ": " + Fft.what(t) + ": s " + Arrays.toString(s) + " and dims "
                        + Arrays.toString(dims) + " must have the same length");
            }
        } else {
            int k = s == null ? rank : s.length;
            if (k > rank) {
                throw new IllegalArgumentException(op + ": " + Fft.what(t) + ": s " + Arrays.toString(s) + " has more entries than the "
                        + rank + " dims to transform");
            }
            d = new int[k];
            for (int i = 0; i < k; i++) d[i] = rank - k + i;
        }
        if (d.length == 0) throw new IllegalArgumentException(op + ": " + Fft.what(t) + ": expected at least one dim to transform");
        Integer[] sizes = new Integer[d.length];
        for (int i = 0; s != null && i < s.length; i++) {
            if (s[i] == -1) continue;
            if (s[i] < 1) {
                throw new IllegalArgumentException(op + ": " + Fft.what(t) + ": invalid number of data points " + s[i]
                        + " in s " + Arrays.toString(s) + " (each must be >= 1, or -1 for the input's length)");
            }
            sizes[i] = s[i];
        }
        return new FftDims(d, sizes);
    }
}
