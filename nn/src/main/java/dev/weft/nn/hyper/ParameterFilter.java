package dev.weft.nn.hyper;

import java.util.regex.Pattern;

/**
 * Which of a target module's parameters a hypernetwork generates, by dotted name ("0.weight",
 * "encoder.1.bias"): a glob with fnmatch's meaning ({@code *} any run of characters, dots included, so
 * "*.weight" matches "0.weight" and "a.b.weight"; {@code ?} one character; everything else literal) or a
 * regular expression that must match the whole name. The parameters it does not match stay ordinary
 * parameters of the target.
 */
public final class ParameterFilter {
    private final String description;
    private final Pattern pattern;

    private ParameterFilter(String description, Pattern pattern) {
        this.description = description;
        this.pattern = pattern;
    }

    /** {@return the filter that selects every parameter} */
    public static ParameterFilter all() {
        return new ParameterFilter("all", Pattern.compile(".*", Pattern.DOTALL));
    }

    /**
     * {@return a glob over dotted names: {@code *} any characters (dots included), {@code ?} one character}
     *
     * @param glob the pattern
     */
    public static ParameterFilter glob(String glob) {
        if (glob == null || glob.isEmpty()) throw new IllegalArgumentException("ParameterFilter.glob: pattern must be non-empty, got '" + glob + "'");
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) re.append(Pattern.quote(literal.toString()));
        return new ParameterFilter("glob '" + glob + "'", Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /**
     * {@return a regular expression ({@link Pattern} syntax) that must match the whole dotted name}
     *
     * @param regex the expression
     */
    public static ParameterFilter regex(String regex) {
        if (regex == null) throw new IllegalArgumentException("ParameterFilter.regex: pattern must not be null");
        try {
            return new ParameterFilter("regex '" + regex + "'", Pattern.compile(regex));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("ParameterFilter.regex: '" + regex + "' is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    /**
     * {@return true if the dotted parameter name is selected}
     *
     * @param name the dotted name
     */
    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return description;
    }
}
