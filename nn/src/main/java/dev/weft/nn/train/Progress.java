package dev.weft.nn.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The trainer's progress report. On a terminal one line is redrawn in place with '\r' (a bar, loss,
 * accuracy, speed; at most ten redraws a second) and ends with a newline at the end of each epoch.
 * Elsewhere (a log file, a CI console) it prints plain lines every {@code logEvery} steps and one per
 * epoch, never a carriage return.
 */
final class Progress {
    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final int logEvery;
    private int epoch, epochs, stepsInEpoch, lastWidth, every;
    private long lastDraw;

    /** @param logEvery steps between lines when not on a terminal (0: about ten lines per epoch) */
    Progress(PrintStream out, boolean terminal, int logEvery) {
        this.out = out;
        this.terminal = terminal;
        this.logEvery = logEvery;
    }

    /** True when stderr is an interactive terminal (the JVM's console reports one). */
    static boolean stderrIsTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    void epochStart(int epoch, int epochs, int stepsInEpoch) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.stepsInEpoch = stepsInEpoch;
        this.every = logEvery > 0 ? logEvery : stepsInEpoch > 0 ? Math.max(1, stepsInEpoch / 10) : 50;
        this.lastDraw = 0;
    }

    void step(int stepInEpoch, Metrics m, double stepsPerSecond) {
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw < REDRAW_NANOS && stepInEpoch != stepsInEpoch) return;
            lastDraw = now;
            String line = head() + " " + bar(stepInEpoch) + " " + counter(stepInEpoch) + stats(m) + speed(stepsPerSecond);
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            out.flush();
        } else if (stepInEpoch % every == 0) {
            out.println(head() + " step " + counter(stepInEpoch) + stats(m) + speed(stepsPerSecond));
        }
    }

    void epochEnd(Metrics m, double seconds) {
        String line = head() + " done" + stats(m) + String.format(Locale.ROOT, " (%.1f s)", seconds);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())) + "\n");
            lastWidth = 0;
        } else {
            out.println(line);
        }
        out.flush();
    }

    void eval(long step, Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder("eval at step ").append(step).append(':');
        // four significant digits whatever the scale: accuracy% 99.33, loss 0.03080
        metrics.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(String.format(Locale.ROOT, "%.4g", v)));
        if (terminal && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
        out.println(sb);
        out.flush();
    }

    private String head() {
        return "epoch " + (epoch + 1) + "/" + epochs;
    }

    private String counter(int step) {
        return stepsInEpoch > 0 ? step + "/" + stepsInEpoch : Integer.toString(step);
    }

    private String bar(int step) {
        if (stepsInEpoch <= 0) return "";
        int filled = (int) Math.min(BAR, (long) BAR * step / stepsInEpoch);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    private static String stats(Metrics m) {
        String s = String.format(Locale.ROOT, " loss %.4f", m.meanLoss());
        if (m.hasAccuracy()) s += String.format(Locale.ROOT, " acc %.2f%%", 100 * m.accuracy());
        return s;
    }

    private static String speed(double stepsPerSecond) {
        return Double.isFinite(stepsPerSecond) ? String.format(Locale.ROOT, " %.1f it/s", stepsPerSecond) : "";
    }
}
