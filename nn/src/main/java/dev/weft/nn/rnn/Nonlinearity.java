package dev.weft.nn.rnn;

import dev.weft.nn.OptionEnums;

/** The activation of an Elman {@link RNN} or {@link RNNCell}: TANH (PyTorch's default) or RELU. */
public enum Nonlinearity {
    /** tanh (PyTorch's default). */
    TANH,
    /** max(x, 0). */
    RELU;

    /**
     * Parses PyTorch's nonlinearity="tanh" or "relu".
     *
     * @param s "tanh" or "relu", case-insensitive
     * @return the constant
     * @throws IllegalArgumentException if s names neither
     */
    public static Nonlinearity of(String s) {
        return OptionEnums.of("Nonlinearity", values(), s);
    }

    CellKind cellKind() {
        return this == TANH ? CellKind.RNN_TANH : CellKind.RNN_RELU;
    }

    /** PyTorch's string: "tanh" or "relu". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
