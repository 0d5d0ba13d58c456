package dev.weft.nn.layers;

/** Checking and printing of pooling sizes: one entry prints as a number, two as a tuple (as given, like PyTorch). */
final class Pools {
    private Pools() {}

    static String size(int[] v) {
        return v.length == 1 ? String.valueOf(v[0]) : Repr.tuple(v);
    }

    /** A copy of v after checking every entry is >= min: "MaxPool2d: stride must be >= 1, got (2, 0)". */
    static int[] checked(String layer, String option, int[] v, int min) {
        for (int e : v) {
            if (e < min) {
                throw new IllegalArgumentException(layer + ": " + option + " must be >= " + min + ", got " + size(v));
            }
        }
        return v.clone();
    }
}
