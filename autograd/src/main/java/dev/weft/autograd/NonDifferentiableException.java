package dev.weft.autograd;

/** Thrown when a gradient is asked through an op that has none (comparisons, indices, integer casts, random creation). */
public final class NonDifferentiableException extends IllegalArgumentException {
    public NonDifferentiableException(String message) {
        super(message);
    }
}
