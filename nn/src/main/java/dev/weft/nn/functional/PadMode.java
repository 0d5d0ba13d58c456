package dev.weft.nn.functional;

import dev.weft.nn.OptionEnums;

/**
 * How {@link F#pad(dev.weft.tensor.Tensor, int[], PadMode, double)} fills the border: CONSTANT (a value),
 * REFLECT (mirror without repeating the edge), REPLICATE (repeat the edge), CIRCULAR (wrap around).
 */
public enum PadMode {
    /** A constant value. */
    CONSTANT,
    /** Mirror without repeating the edge. */
    REFLECT,
    /** Repeat the edge. */
    REPLICATE,
    /** Wrap around. */
    CIRCULAR;

    /**
     * Parses PyTorch's "constant", "reflect", "replicate" or "circular".
     *
     * @param s the mode's name, case-insensitive
     * @return the constant
     * @throws IllegalArgumentException if s names none of them
     */
    public static PadMode of(String s) {
        return OptionEnums.of("PadMode", values(), s);
    }

    /** PyTorch's string, e.g. "reflect". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
