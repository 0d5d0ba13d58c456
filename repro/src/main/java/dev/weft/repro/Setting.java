package dev.weft.repro;

import java.util.Locale;

/**
 * One named knob of a reproduction's protocol (learning rate, dropout, hidden size, ...), with its type, the
 * protocol's value as default and a one-line description. {@code weft repro NAME --set lr=0.005} fixes it,
 * {@code --grid lr=0.01,0.005} sweeps it; the run reads it with {@link RunContext#doubleSetting} and its siblings.
 * With every setting at its default a run is the protocol exactly (same bits as before settings existed).
 *
 * @param name the name after --set / --grid, lower case with underscores, e.g. "weight_decay"
 * @param type how a value is parsed
 * @param defaultValue the protocol's value (a Double, Integer or String as the type says)
 * @param description one line: what it sets
 */
public record Setting(String name, Type type, Object defaultValue, String description) {
    /** The value types a setting may have. */
    public enum Type {
        /** a double, e.g. 0.01 or 5e-4 */
        DOUBLE,
        /** an int, e.g. 16 */
        INT,
        /** any text without commas */
        STRING
    }

    public Setting {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Setting: name must be lower case letters, digits and '_', got '" + name + "'");
        }
        Object expected = switch (type) {
            case DOUBLE -> defaultValue instanceof Double ? defaultValue : null;
            case INT -> defaultValue instanceof Integer ? defaultValue : null;
            case STRING -> defaultValue instanceof String ? defaultValue : null;
        };
        if (expected == null) {
            throw new IllegalArgumentException("Setting " + name + ": default " + defaultValue + " is not a " + type.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * {@return a double setting}
     * @param name its name
     * @param defaultValue the protocol's value
     * @param description one line
     */
    public static Setting ofDouble(String name, double defaultValue, String description) {
        return new Setting(name, Type.DOUBLE, defaultValue, description);
    }

    /**
     * {@return an int setting}
     * @param name its name
     * @param defaultValue the protocol's value
     * @param description one line
     */
    public static Setting ofInt(String name, int defaultValue, String description) {
        return new Setting(name, Type.INT, defaultValue, description);
    }

    /**
     * {@return a text setting}
     * @param name its name
     * @param defaultValue the protocol's value
     * @param description one line
     */
    public static Setting ofString(String name, String defaultValue, String description) {
        return new Setting(name, Type.STRING, defaultValue, description);
    }

    /**
     * {@return {@code text} as this setting's type}
     *
     * @param repro the reproduction's name, for the message
     * @param text the value as given
     * @throws IllegalArgumentException naming the reproduction, the setting and the value when it does not parse
     */
    public Object parse(String repro, String text) {
        String t = text.strip();
        try {
            return switch (type) {
                case DOUBLE -> {
                    double d = Double.parseDouble(t);
                    if (!Double.isFinite(d)) throw new NumberFormatException("not finite");
                    yield d;
                }
                case INT -> Integer.parseInt(t);
                case STRING -> {
                    if (t.isEmpty()) throw new NumberFormatException("empty");
                    yield t;
                }
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(repro + ": setting " + name + " takes " + article() + ", got '" + text + "'");
        }
    }

    private String article() {
        return switch (type) {
            case DOUBLE -> "a finite number (e.g. 0.01)";
            case INT -> "an integer (e.g. 16)";
            case STRING -> "a non-empty text";
        };
    }

    /**
     * {@return a value of this setting as text that {@link #parse} reads back to the same value (shortest round-trip form)}
     * @param value the value
     */
    public static String format(Object value) {
        return value instanceof Double d ? Double.toString(d) : String.valueOf(value);
    }

    /** {@return "name (type, default D): description", the line the CLI's listing and --help show} */
    public String describe() {
        return name + " (" + type.name().toLowerCase(Locale.ROOT) + ", default " + format(defaultValue) + "): " + description;
    }
}
