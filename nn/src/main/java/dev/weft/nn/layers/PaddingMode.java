package dev.weft.nn.layers;

import dev.weft.nn.OptionEnums;
import dev.weft.nn.functional.PadMode;

/**
 * What a convolution layer pads its input with (PyTorch's padding_mode): ZEROS, REFLECT, REPLICATE or
 * CIRCULAR. The non-zeros modes pad explicitly with F.pad, then convolve without padding.
 */
public enum PaddingMode {
    /** Zeros beyond the border (the default). */
    ZEROS,
    /** The input mirrored at the border, the edge itself not repeated: [c b | a b c | b a]. */
    REFLECT,
    /** The edge value repeated: [a a | a b c | c c]. */
    REPLICATE,
    /** The input wrapped around: [b c | a b c | a b]. */
    CIRCULAR;

    /**
     * Parses PyTorch's "zeros", "reflect", "replicate" or "circular".
     *
     * @param s the name (case-insensitive)
     * @return the mode
     * @throws IllegalArgumentException if s names none
     */
    public static PaddingMode of(String s) {
        return OptionEnums.of("PaddingMode", values(), s);
    }

    /** {@return the F.pad mode that fills the border the same way} */
    public PadMode padMode() {
        return switch (this) {
            case ZEROS -> PadMode.CONSTANT;
            case REFLECT -> PadMode.REFLECT;
            case REPLICATE -> PadMode.REPLICATE;
            case CIRCULAR -> PadMode.CIRCULAR;
        };
    }

    /** PyTorch's string, e.g. "zeros". */
    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }
}
