package dev.weft.repro;

import dev.weft.nn.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What one run of a reproduction is given: the data directory, whether it is the {@code --quick}
 * setting, the seed, where progress goes and whether that is a terminal (then progress redraws one line
 * in place; otherwise it prints plain lines, a few per epoch, so that no run is silent for long), and the
 * output folder {@code out} where a run may write files of its own beside the charts (kan-toy's network
 * plot), named {@link #outFile}; null when the caller wants none written.
 */
public record RunContext(Path data, boolean quick, long seed, PrintStream log, boolean terminal, Path out) {
    /** A context that writes no files of its own. */
    public RunContext(Path data, boolean quick, long seed, PrintStream log, boolean terminal) {
        this(data, quick, seed, log, terminal, null);
    }

    /** {@code out/NAME[-quick]-suffix}: where this run's own file goes (the charts' naming); null when out is. */
    public Path outFile(String repro, String suffix) {
        return out == null ? null : out.resolve(Result.stem(repro, quick) + "-" + suffix);
    }

    /** The Trainer's progress mode for this run. */
    public Trainer.ProgressMode progressMode() {
        return terminal ? Trainer.ProgressMode.TERMINAL : Trainer.ProgressMode.LINES;
    }

    /** A progress report for a hand-written loop of {@code total} steps. */
    public StepProgress steps(long total) {
        return new StepProgress(log, terminal, total);
    }
}
