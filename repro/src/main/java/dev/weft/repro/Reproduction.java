package dev.weft.repro;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code weft repro NAME}: a published result rerun from first principles. Implementations
 * register in {@code META-INF/services/dev.weft.repro.Reproduction}; the CLI lists and runs them.
 * A reproduction prints its progress to {@code log} and returns the metrics it compares with the
 * paper; {@code quick} runs a reduced setting (fewer epochs or samples) that finishes in about a
 * minute and says so in its output.
 */
public interface Reproduction {
    /** The name after {@code weft repro}, e.g. "mnist-mlp". */
    String name();

    /** One line for the listing: what is reproduced and from where. */
    String description();

    /** Data sets it reads, as folder names under the data directory (empty if it generates its data). */
    default List<String> datasets() {
        return List.of();
    }

    /** Runs it; {@code data} is the data directory (e.g. ../shared/data). */
    List<Metric> run(Path data, boolean quick, long seed, PrintStream log) throws Exception;

    /** One compared figure: the paper's value beside ours. */
    record Metric(String name, double paper, double weft, String unit, boolean higherIsBetter) {}
}
