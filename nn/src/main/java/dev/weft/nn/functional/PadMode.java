package dev.weft.nn.functional;

import dev.weft.nn.OptionEnums;

/**
 * How {@link F#pad(dev.weft.tensor.Tensor, int[], PadMode, double)} fills the border: CONSTANT (a value),
 * REFLECT (mirror without repeating the edge), REPLICATE (repeat the edge), CIRCULAR (wrap around).
 */
public enum PadMode {
    CONSTANT,
    REFLECT,
    REPLICATE,
    CIRCULAR;

    /** Parses PyTorch's "constant", "reflect", "replicate" or "circular". */
    public static PadMode of(String s) {
        return OptionEnums.of("PadMode", values(), s);
    }

    /** PyTorch's string, e.g. "reflect". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
