package dev.weft.nn.layers;

/** Printing of pooling sizes: one entry prints as a number, two as a tuple (as given, like PyTorch). */
final class Pools {
    private Pools() {}

    static String size(int[] v) {
        return v.length == 1 ? String.valueOf(v[0]) : Repr.tuple(v);
    }
}
