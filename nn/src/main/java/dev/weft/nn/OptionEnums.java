package dev.weft.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parsing of the option enums (PaddingMode, Padding, PadMode, GeluApproximate, Activation, Nonlinearity,
 * Reduction, ...) from PyTorch's strings, for code ported from Python: each enum's toString is PyTorch's
 * name, and {@code X.of(s)} accepts it (case-insensitive, surrounding blanks ignored) or fails listing the
 * valid ones.
 */
public final class OptionEnums {
    private OptionEnums() {}

    /**
     * The value of {@code values} whose toString is {@code s}; {@code type} names the enum in the error.
     *
     * @param <E>    the enum
     * @param type   the enum's name
     * @param values the constants
     * @param s      the string, case-insensitive, blanks around it ignored
     * @return the matching constant
     * @throws IllegalArgumentException if s is null or matches none, listing the valid strings
     */
    public static <E extends Enum<E>> E of(String type, E[] values, String s) {
        if (s != null) {
            String t = s.trim();
            for (E v : values) if (v.toString().equalsIgnoreCase(t)) return v;
        }
        throw new IllegalArgumentException(type + ".of(" + (s == null ? "null" : "'" + s + "'") + "): expected one of "
                + Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(", ")));
    }

    /**
     * PyTorch's spelling of an enum constant: its name in lower case.
     *
     * @param e the constant
     * @return its name in lower case
     */
    public static String torchName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
