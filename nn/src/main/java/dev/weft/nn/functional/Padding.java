package dev.weft.nn.functional;

import dev.weft.nn.OptionEnums;

/**
 * The padding presets of a convolution (PyTorch's padding='same' / 'valid'): SAME pads so that the
 * output has the input's length (stride 1 only; odd total padding puts the extra element at the end),
 * VALID pads nothing.
 */
public enum Padding {
    /** Pad so that the output has the input's length (stride 1 only). */
    SAME,
    /** No padding. */
    VALID;

    /**
     * Parses PyTorch's "same" or "valid".
     *
     * @param s "same" or "valid", case-insensitive
     * @return the constant
     * @throws IllegalArgumentException if s names neither
     */
    public static Padding of(String s) {
        return OptionEnums.of("Padding", values(), s);
    }

    /** PyTorch's string: "same" or "valid". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
