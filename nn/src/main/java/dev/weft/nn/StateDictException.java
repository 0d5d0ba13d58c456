package dev.weft.nn;

import java.util.List;

/**
 * A state dict that does not fit a module: every missing key, unexpected key and shape mismatch,
 * listed at once. Thrown before anything is copied, so the module is unchanged.
 */
public final class StateDictException extends IllegalArgumentException {
    /** The keys the module has but the state dict lacks. */
    private final List<String> missing;
    /** The keys the state dict has but the module lacks. */
    private final List<String> unexpected;
    /** One line per key whose shapes differ. */
    private final List<String> shapeMismatches;

    /**
     * A failure with its lists (copied).
     *
     * @param module          names the module in the message
     * @param missing         the keys the module has but the state dict lacks
     * @param unexpected      the keys the state dict has but the module lacks
     * @param shapeMismatches one line per key whose shapes differ
     */
    public StateDictException(String module, List<String> missing, List<String> unexpected, List<String> shapeMismatches) {
        super(message(module, missing, unexpected, shapeMismatches));
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.shapeMismatches = List.copyOf(shapeMismatches);
    }

    private static String message(String module, List<String> missing, List<String> unexpected, List<String> shapes) {
        StringBuilder sb = new StringBuilder("loadStateDict: error(s) loading state dict for " + module + ":");
        if (!missing.isEmpty()) sb.append("\n  missing key(s): ").append(String.join(", ", missing));
        if (!unexpected.isEmpty()) sb.append("\n  unexpected key(s): ").append(String.join(", ", unexpected));
        for (String s : shapes) sb.append("\n  size mismatch for ").append(s);
        return sb.toString();
    }

    /** {@return the keys the module has but the state dict lacks} */
    public List<String> missingKeys() { return missing; }
    /** {@return the keys the state dict has but the module lacks} */
    public List<String> unexpectedKeys() { return unexpected; }
    /** {@return one line per key whose shapes differ} */
    public List<String> shapeMismatches() { return shapeMismatches; }
}
