package dev.weft.repro;

import java.util.List;

/**
 * One {@code weft repro NAME}: a published result rerun from first principles, as ordinary user code
 * on Weft's public API. Implementations register in {@code META-INF/services/dev.weft.repro.Reproduction};
 * the CLI lists and runs them through the {@link Harness}. A reproduction states its paper, the protocol
 * it follows (and where it departs from the paper), each number it compares with ({@link Claim}: the
 * paper's value beside our bound), the data it reads, the figures it draws and how long it takes; its
 * {@link #run} trains once for one seed and returns the claimed metrics and the curves.
 */
public interface Reproduction {
    /** The name after {@code weft repro}, e.g. "mnist-mlp". */
    String name();

    /** One line: what is reproduced. */
    String description();

    Paper paper();

    /** The full protocol: model, data, optimizer, budget, and every departure from the paper. */
    String protocol();

    /** What {@code --quick} changes, and why its numbers are judged against the quick bounds only. */
    String quickProtocol();

    /** The compared figures, in table order; {@link Outcome#values} has a value for each metric name. */
    List<Claim> claims();

    /** The charts it draws; {@link Outcome#curves} belong to these ids. */
    default List<Figure> figures() {
        return List.of();
    }

    /** Data sets it reads (empty when it generates its data). */
    default List<DataSet> data() {
        return List.of();
    }

    /**
     * The protocol's knobs that {@code --set} and {@code --grid} may change, each with the protocol's value as default
     * (empty: none); {@link #run} reads them from {@link RunContext#settings}.
     */
    default List<Setting> settings() {
        return List.of();
    }

    /** Approximate time of one seed, full and quick, on a 2-core machine. */
    Budget time();

    /** Trains and evaluates once, for {@code ctx.seed()}; progress to {@code ctx.log()}. */
    Outcome run(RunContext ctx) throws Exception;
}
