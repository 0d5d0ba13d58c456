package dev.weft.nn.functional;

import dev.weft.nn.OptionEnums;

/**
 * GELU's form: NONE the exact x Phi(x), TANH the approximation
 * 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).
 */
public enum GeluApproximate {
    /** The exact x Phi(x). */
    NONE,
    /** The tanh approximation. */
    TANH;

    /**
     * Parses PyTorch's approximate="none" or "tanh".
     *
     * @param s "none" or "tanh", case-insensitive
     * @return the constant
     * @throws IllegalArgumentException if s names neither
     */
    public static GeluApproximate of(String s) {
        return OptionEnums.of("GeluApproximate", values(), s);
    }

    /** PyTorch's string: "none" or "tanh". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
