package dev.weft.nn;

/**
 * The checks layers run on their options when they are built, so every message has one form:
 * "Conv2d: stride must be >= 1, got 0" (the layer, the option, the rule, the value).
 */
public final class OptionChecks {
    private OptionChecks() {}

    /**
     * value, when it is not null.
     *
     * @param <T>    the option's type
     * @param layer  names the layer in the message
     * @param option names the option
     * @param value  the value
     * @return value
     * @throws IllegalArgumentException if value is null
     */
    public static <T> T nonNull(String layer, String option, T value) {
        if (value == null) throw new IllegalArgumentException(layer + ": " + option + " must not be null");
        return value;
    }

    /**
     * value, when it is at least min.
     *
     * @param layer  names the layer in the message
     * @param option names the option
     * @param value  the value
     * @param min    the least value allowed
     * @return value
     * @throws IllegalArgumentException if value is below min
     */
    public static int atLeast(String layer, String option, int value, int min) {
        if (value < min) throw new IllegalArgumentException(layer + ": " + option + " must be >= " + min + ", got " + value);
        return value;
    }

    /**
     * value in [0, 1] (NaN refused).
     *
     * @param layer  names the layer in the message
     * @param option names the option
     * @param value  the value
     * @return value
     * @throws IllegalArgumentException if value is outside [0, 1] or NaN
     */
    public static double probability(String layer, String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(layer + ": " + option + " must be a probability in [0, 1], got " + value);
        }
        return value;
    }

    /**
     * value >= 0 (NaN refused).
     *
     * @param layer  names the layer in the message
     * @param option names the option
     * @param value  the value
     * @return value
     * @throws IllegalArgumentException if value is negative or NaN
     */
    public static double nonNegative(String layer, String option, double value) {
        if (!(value >= 0)) throw new IllegalArgumentException(layer + ": " + option + " must be >= 0, got " + value);
        return value;
    }
}
