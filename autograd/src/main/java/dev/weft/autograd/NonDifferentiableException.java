package dev.weft.autograd;

/** Thrown when a gradient is asked through an op that has none (comparisons, indices, integer casts, random creation). */
public final class NonDifferentiableException extends IllegalArgumentException {
    /**
     * An error with the given message.
     *
     * @param message the message
     */
    public NonDifferentiableException(String message) {
        super(message);
    }
}
