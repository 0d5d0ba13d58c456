package dev.weft.nn.attention;

import dev.weft.nn.OptionEnums;
import dev.weft.tensor.Tensor;

/** The feed-forward activation of a transformer layer: RELU max(x, 0) or GELU (exact) x Phi(x). */
public enum Activation {
    /** max(x, 0). */
    RELU,
    /** The exact x Phi(x). */
    GELU;

    /**
     * Parses PyTorch's activation="relu" or "gelu".
     *
     * @param s "relu" or "gelu", case-insensitive
     * @return the constant
     * @throws IllegalArgumentException if s names neither
     */
    public static Activation of(String s) {
        return OptionEnums.of("Activation", values(), s);
    }

    /**
     * The activation of x, elementwise.
     *
     * @param x the input
     * @return the activated tensor, x's shape
     */
    public Tensor apply(Tensor x) {
        return this == RELU ? x.relu() : x.gelu();
    }

    /** PyTorch's string: "relu" or "gelu". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
