package dev.weft.repro;

import dev.weft.nn.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What one run of a reproduction is given: the data directory, whether it is the {@code --quick}
 * setting, the seed, where progress goes and whether that is a terminal (then progress redraws one line
 * in place; otherwise it prints plain lines, a few per epoch, so that no run is silent for long), and the
 * output folder {@code out} where a run may write files of its own beside the charts (kan-toy's network
 * plot), named {@link #outFile}; null when the caller wants none written; and the values of the reproduction's
 * {@link Setting}s for this run ({@link #doubleSetting} and its siblings read them; the {@link Harness} fills in
 * every declared setting, at its default unless {@code --set} or {@code --grid} gave it).
 */
public record RunContext(Path data, boolean quick, long seed, PrintStream log, boolean terminal, Path out, Settings settings) {
    public RunContext {
        if (settings == null) settings = Settings.NONE;
    }

    /** A context with no settings ({@link Settings#NONE}). */
    public RunContext(Path data, boolean quick, long seed, PrintStream log, boolean terminal, Path out) {
        this(data, quick, seed, log, terminal, out, Settings.NONE);
    }

    /** A context that writes no files of its own and has no settings. */
    public RunContext(Path data, boolean quick, long seed, PrintStream log, boolean terminal) {
        this(data, quick, seed, log, terminal, null);
    }

    /**
     * {@return this context for another seed}
     * @param seed the seed
     */
    public RunContext withSeed(long seed) {
        return new RunContext(data, quick, seed, log, terminal, out, settings);
    }

    /**
     * {@return this context with other settings}
     * @param settings one grid point's values
     */
    public RunContext withSettings(Settings settings) {
        return new RunContext(data, quick, seed, log, terminal, out, settings);
    }

    /**
     * {@return a double setting's value}
     * @param name a declared setting (else an IllegalArgumentException listing them)
     */
    public double doubleSetting(String name) {
        return settings.getDouble(name);
    }

    /**
     * {@return an int setting's value}
     * @param name a declared setting (else an IllegalArgumentException listing them)
     */
    public int intSetting(String name) {
        return settings.getInt(name);
    }

    /**
     * {@return a text setting's value}
     * @param name a declared setting (else an IllegalArgumentException listing them)
     */
    public String stringSetting(String name) {
        return settings.getString(name);
    }

    /** {@code out/NAME[-quick][-settings]-suffix}: where this run's own file goes (the charts' naming); null when out is. */
    public Path outFile(String repro, String suffix) {
        return out == null ? null : out.resolve(Result.stem(repro, quick) + settings.fileSuffix() + "-" + suffix);
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
