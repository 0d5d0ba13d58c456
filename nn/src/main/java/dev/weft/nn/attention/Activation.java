package dev.weft.nn.attention;

import dev.weft.nn.OptionEnums;
import dev.weft.tensor.Tensor;

/** The feed-forward activation of a transformer layer: RELU max(x, 0) or GELU (exact) x Phi(x). */
public enum Activation {
    RELU,
    GELU;

    /** Parses PyTorch's activation="relu" or "gelu". */
    public static Activation of(String s) {
        return OptionEnums.of("Activation", values(), s);
    }

    /** The activation of x, elementwise. */
    public Tensor apply(Tensor x) {
        return this == RELU ? x.relu() : x.gelu();
    }

    /** PyTorch's string: "relu" or "gelu". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
