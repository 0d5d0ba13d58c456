package dev.weft.repro;

/**
 * A chart a reproduction draws: the curves of one figure of the paper (or, where the paper shows none,
 * Weft's own training curve, which {@code source} then says). Series are {@link Curve}s with this id.
 */
public record Figure(String id, String title, String xLabel, String yLabel, boolean logY, String source) {}
